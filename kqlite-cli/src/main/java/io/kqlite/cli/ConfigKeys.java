package io.kqlite.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Every setting's name and default, once. A key in {@code conf/kqlite.properties} is the long
 * command-line option without its dashes; a flag given on the command line wins over the file.
 */
public final class ConfigKeys {

  public static final String ID_KEY = "id";
  public static final String ID_DEFAULT = "node1";
  public static final String DATA_DIR_KEY = "data-dir";
  public static final String DATA_DIR_DEFAULT = "./data";
  public static final String HOST_KEY = "host";
  public static final String HOST_DEFAULT = "127.0.0.1";
  public static final String PG_PORT_KEY = "pg-port";
  public static final int PG_PORT_DEFAULT = 5432;
  public static final String RAFT_PORT_KEY = "raft-port";
  public static final int RAFT_PORT_DEFAULT = 7432;
  public static final String PEERS_KEY = "peers";
  public static final String AUTO_CREATE_DATABASES_KEY = "auto-create-databases";
  public static final boolean AUTO_CREATE_DATABASES_DEFAULT = false;
  public static final String ELECTION_TIMEOUT_MS_KEY = "election-timeout-ms";
  public static final long ELECTION_TIMEOUT_MS_DEFAULT = 500;
  public static final String WRITE_TIMEOUT_MS_KEY = "write-timeout-ms";
  public static final long WRITE_TIMEOUT_MS_DEFAULT = 30_000;
  public static final String SNAPSHOT_THRESHOLD_KEY = "snapshot-threshold";
  public static final long SNAPSHOT_THRESHOLD_DEFAULT = 10_000;
  public static final String LOG_SEGMENT_BYTES_KEY = "log-segment-bytes";
  public static final long LOG_SEGMENT_BYTES_DEFAULT = io.kqlite.statemachine.raft.NodeConfig.DEFAULT_LOG_SEGMENT_BYTES;
  public static final String MAX_MESSAGE_BYTES_KEY = "max-message-bytes";
  public static final int MAX_MESSAGE_BYTES_DEFAULT = 16 * 1024 * 1024;
  /** TLS files (PEM); no defaults: without a certificate everything is plain text. */
  public static final String TLS_CERT_KEY = "tls-cert";
  public static final String TLS_KEY_KEY = "tls-key";
  public static final String TLS_CA_KEY = "tls-ca";

  /** pg_hba.conf-style rules; none: trust on loopback, scram-sha-256 elsewhere. */
  public static final String HBA_FILE_KEY = "hba-file";
  /** The bootstrap superuser's name (created at first start when a password is given). */
  public static final String SUPERUSER_KEY = "superuser";
  public static final String SUPERUSER_DEFAULT = "postgres";
  /** File holding the bootstrap superuser's password (first line); env KQLITE_SUPERUSER_PASSWORD otherwise. */
  public static final String SUPERUSER_PASSWORD_FILE_KEY = "superuser-password-file";
  public static final String SUPERUSER_PASSWORD_ENV = "KQLITE_SUPERUSER_PASSWORD";

  private final Properties file;

  private ConfigKeys(Properties file) {
    this.file = file;
  }

  /** Reads the properties file; a missing file means all defaults. */
  public static ConfigKeys load(Path path) throws IOException {
    Properties properties = new Properties();
    if (path != null && Files.exists(path)) {
      try (InputStream in = Files.newInputStream(path)) {
        properties.load(in);
      }
    }
    return new ConfigKeys(properties);
  }

  /** The flag's value if given, else the file's, else the default. */
  public String string(String key, String flag, String defaultValue) {
    if (flag != null) {
      return flag;
    }
    String value = file.getProperty(key);
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }

  public long number(String key, Long flag, long defaultValue) {
    String value = string(key, flag == null ? null : flag.toString(), Long.toString(defaultValue));
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " must be a number, got: " + value);
    }
  }

  public boolean flag(String key, Boolean flag, boolean defaultValue) {
    return Boolean.parseBoolean(string(key, flag == null ? null : flag.toString(), Boolean.toString(defaultValue)));
  }
}
