package io.kqlite.pgwire.session;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A session's run-time parameters (what SET, SHOW and RESET touch), starting from PostgreSQL 15's
 * defaults. Some are "reported": the client is told their value at startup and after each change
 * (pgjdbc refuses to work unless client_encoding, DateStyle, integer_datetimes and
 * standard_conforming_strings have the values it expects).
 */
public final class SessionSettings {

  public static final String SERVER_VERSION = "15.0";

  private static final Set<String> REPORTED = Set.of("application_name", "client_encoding",
      "datestyle", "default_transaction_read_only", "in_hot_standby", "integer_datetimes",
      "intervalstyle", "is_superuser", "server_encoding", "server_version",
      "session_authorization", "standard_conforming_strings", "timezone");

  /** PostgreSQL spells some reported names in mixed case. */
  private static final Map<String, String> DISPLAY_NAMES = Map.of("datestyle", "DateStyle",
      "intervalstyle", "IntervalStyle", "timezone", "TimeZone");

  private static final Set<String> READ_ONLY = Set.of("server_version", "server_encoding",
      "integer_datetimes", "in_hot_standby", "is_superuser", "session_authorization",
      "server_version_num", "max_identifier_length", "block_size", "transaction_read_only");

  private final Map<String, String> defaults = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();

  public SessionSettings(String user) {
    defaults.put("application_name", "");
    defaults.put("client_encoding", "UTF8");
    defaults.put("datestyle", "ISO, MDY");
    defaults.put("default_transaction_read_only", "off");
    defaults.put("extra_float_digits", "1");
    defaults.put("in_hot_standby", "off");
    defaults.put("integer_datetimes", "on");
    defaults.put("intervalstyle", "postgres");
    defaults.put("is_superuser", "on");
    defaults.put("search_path", "\"$user\", public");
    defaults.put("server_encoding", "UTF8");
    defaults.put("server_version", SERVER_VERSION);
    defaults.put("server_version_num", "150000");
    defaults.put("session_authorization", user);
    defaults.put("standard_conforming_strings", "on");
    defaults.put("statement_timeout", "0");
    defaults.put("timezone", "UTC");
    defaults.put("transaction_isolation", "serializable");
    defaults.put("default_transaction_isolation", "serializable");
    defaults.put("max_identifier_length", "63");
    defaults.put("block_size", "8192");
    defaults.put("lc_messages", "C");
    // libpq asks for it before hashing a password on the client (psql's \password)
    defaults.put("password_encryption", "scram-sha-256");
    defaults.put("kqlite.read_consistency", "linearizable");
    defaults.put("transaction_read_only", "off");
    values.putAll(defaults);
  }

  /**
   * Records whether this node is a standby (a Raft follower) when the session starts, so libpq's
   * and pgjdbc's {@code target_session_attrs=primary|standby} find the leader. Every node accepts
   * writes (followers forward them), so {@code transaction_read_only} stays off.
   */
  public void setStandby(boolean standby) {
    defaults.put("in_hot_standby", standby ? "on" : "off");
    values.put("in_hot_standby", standby ? "on" : "off");
  }

  /** Reported as is_superuser: psql's prompt shows {@code #} for superusers, {@code >} otherwise. */
  public void setSuperuser(boolean superuser) {
    defaults.put("is_superuser", superuser ? "on" : "off");
    values.put("is_superuser", superuser ? "on" : "off");
  }

  /** Applies startup-packet options (other than user/database), as PostgreSQL does. */
  public void applyStartupOptions(Map<String, String> options) {
    options.forEach((name, value) -> {
      String key = normalize(name);
      if (!key.equals("user") && !key.equals("database") && !key.equals("options")
          && !key.equals("replication") && !READ_ONLY.contains(key)) {
        values.put(key, canonical(key, value));
      }
    });
  }

  /** The current value, or null when the setting does not exist. */
  public String get(String name) {
    return values.get(normalize(name));
  }

  /**
   * Sets a value. Unknown names with a dot (custom settings such as {@code kqlite.x}) are accepted
   * as PostgreSQL does; other unknown names fail with 42704.
   *
   * @return true when the setting is reported to the client
   */
  public boolean set(String name, String value) {
    String key = normalize(name);
    if (READ_ONLY.contains(key)) {
      throw new io.kqlite.statemachine.SqlException("55P02",
          "parameter \"" + key + "\" cannot be changed");
    }
    if (!values.containsKey(key) && !key.contains(".")) {
      throw new io.kqlite.statemachine.SqlException("42704",
          "unrecognized configuration parameter \"" + key + "\"");
    }
    values.put(key, value == null ? defaults.getOrDefault(key, "") : canonical(key, value));
    return REPORTED.contains(key);
  }

  /** RESET ALL: back to the defaults; returns the reported names whose value changed. */
  public Map<String, String> resetAll() {
    Map<String, String> changed = new LinkedHashMap<>();
    defaults.forEach((key, value) -> {
      if (!value.equals(values.get(key)) && REPORTED.contains(key)) {
        changed.put(displayName(key), value);
      }
    });
    values.clear();
    values.putAll(defaults);
    return changed;
  }

  /** Every reported setting with its display name, for the startup ParameterStatus messages. */
  public Map<String, String> reported() {
    Map<String, String> reported = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      if (REPORTED.contains(key)) {
        reported.put(displayName(key), value);
      }
    });
    return reported;
  }

  /** All settings, for SHOW ALL. */
  public Map<String, String> all() {
    return Map.copyOf(values);
  }

  public static String displayName(String name) {
    String key = normalize(name);
    return DISPLAY_NAMES.getOrDefault(key, key);
  }

  private static String normalize(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  /** PostgreSQL reports client_encoding normalised ('utf-8' → UTF8). */
  private static String canonical(String key, String value) {
    if (key.equals("client_encoding")) {
      String upper = value.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
      return upper.equals("UNICODE") || upper.equals("UTF8") ? "UTF8" : value.toUpperCase(Locale.ROOT);
    }
    return value;
  }
}
