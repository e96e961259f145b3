package io.kqlite.statemachine.store;

import io.kqlite.statemachine.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers the declared type of a rowid alias that SQLite forces to read {@code INTEGER}.
 *
 * <p>A rowid alias (what {@code bigserial PRIMARY KEY} must become for ids to be assigned and
 * never reused) has to be declared exactly {@code INTEGER}, so SQLite would report every such key
 * as int4. The translator therefore adds a no-op named constraint right after the type, {@code
 * id INTEGER CONSTRAINT kqlite_type_int8 CHECK (1) PRIMARY KEY AUTOINCREMENT}, and this class
 * reads it back. The marker lives in the table's own CREATE TABLE text, so it needs no
 * bookkeeping: every replica applies the same DDL from the log, snapshots copy it, SQLite rewrites
 * it on RENAME TABLE/COLUMN and drops it with the table. (A side table would need every DROP and
 * RENAME, and table rebuilds, kept in step by hand.)
 *
 * <p>SQLite does not say which table column an aliased result column comes from, only its table
 * and declared type; the translator keeps {@code INTEGER} unique to the alias in marked tables
 * (other integer columns are declared {@code INT4}). Where a table still has several {@code
 * INTEGER} columns, the result column's name must match the alias.
 */
public final class RowidAliasTypes {

  static final String PREFIX = "kqlite_type_";
  private static final String IDENTIFIER = "\"(?:[^\"]|\"\")*\"|`(?:[^`]|``)*`|\\[[^\\]]*]|[\\p{L}_][\\p{L}\\p{N}_$]*";
  private static final Pattern MARKED = Pattern.compile("(?i)(?<=[(,]|\\s)(" + IDENTIFIER
      + ")\\s+INTEGER\\s+CONSTRAINT\\s+" + PREFIX + "(int[248])\\s+CHECK\\s*\\(\\s*1\\s*\\)");
  private static final String TABLE_QUERY = "SELECT sql, (SELECT count(*) FROM pragma_table_info(?)"
      + " WHERE upper(type) = 'INTEGER') FROM sqlite_schema WHERE type = 'table' AND name = ?";

  /** One marked alias: its column name and PostgreSQL type; {@code sole}: no other INTEGER. */
  record Alias(String column, String type, boolean sole) {
  }

  private RowidAliasTypes() {
  }

  /** The marker to put right after {@code INTEGER}; {@code type} is int2, int4 or int8. */
  public static String marker(String type) {
    return "CONSTRAINT " + PREFIX + type + " CHECK (1)";
  }

  /** Whether a constraint name is a type marker (catalogs hide these). */
  public static boolean isMarker(String constraintName) {
    return constraintName != null
        && constraintName.toLowerCase(Locale.ROOT).startsWith(PREFIX);
  }

  /** Marked columns of a CREATE TABLE text: column name (as declared) → int2/int4/int8. */
  public static Map<String, String> markedColumns(String createTable) {
    Map<String, String> marked = new HashMap<>();
    if (createTable == null || !createTable.toLowerCase(Locale.ROOT).contains(PREFIX)) {
      return marked;
    }
    Matcher m = MARKED.matcher(createTable);
    while (m.find()) {
      marked.put(unquote(m.group(1)), m.group(2).toLowerCase(Locale.ROOT));
    }
    return marked;
  }

  /** The declared type of a column: its marker's type, else {@code declared}. */
  public static String declaredType(String createTable, String column, String declared) {
    if (declared == null || !declared.equalsIgnoreCase("INTEGER")) {
      return declared;
    }
    for (Map.Entry<String, String> e : markedColumns(createTable).entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) {
        return e.getValue().toUpperCase(Locale.ROOT);
      }
    }
    return declared;
  }

  /** Reads a connection's SQLite schema version (the cookie every DDL moves on). */
  interface SchemaVersion {
    int read() throws SQLException;
  }

  /**
   * What {@link #resolve} learned per table, kept while the schema version stays the same: the
   * lookup reads the table's SQL and matches it, which would otherwise cost as much as the insert
   * whose {@code RETURNING id} asked. Shared by one database's connections.
   */
  static final class Cache {
    private record Known(int schemaVersion, Alias alias) {
    }

    private static final int MAX_TABLES = 1024;
    private final Map<String, Known> byTable = new ConcurrentHashMap<>();

    Alias get(Connection connection, String table, int schemaVersion) throws SQLException {
      Known known = byTable.get(table);
      if (known == null || known.schemaVersion() != schemaVersion) {
        if (byTable.size() >= MAX_TABLES) {
          byTable.clear();
        }
        known = new Known(schemaVersion, lookup(connection, table));
        byTable.put(table, known);
      }
      return known.alias();
    }

    void clear() {
      byTable.clear();
    }
  }

  /** {@code columns} with each marked rowid alias reporting its declared type. */
  static List<Column> resolve(Connection connection, List<Column> columns, Cache cache,
      SchemaVersion schemaVersion) throws SQLException {
    List<Column> resolved = null;
    int version = -1;
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (c.isExpression() || !"INTEGER".equalsIgnoreCase(c.declaredType())) {
        continue;
      }
      if (version == -1) {
        version = schemaVersion.read();
      }
      Alias alias = cache.get(connection, c.table(), version);
      if (alias != null && (alias.sole() || alias.column().equalsIgnoreCase(c.name()))) {
        if (resolved == null) {
          resolved = new ArrayList<>(columns);
        }
        resolved.set(i, new Column(c.name(), alias.type().toUpperCase(Locale.ROOT), c.table()));
      }
    }
    return resolved == null ? columns : resolved;
  }

  /** The schema version of a connection without a {@link StatementCache}. */
  static int schemaVersion(Connection connection) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement("PRAGMA schema_version");
        ResultSet rs = st.executeQuery()) {
      return rs.getInt(1);
    }
  }

  private static Alias lookup(Connection connection, String table) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(TABLE_QUERY)) {
      st.setString(1, table);
      st.setString(2, table);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Map<String, String> marked = markedColumns(rs.getString(1));
        if (marked.size() != 1) {
          return null;
        }
        Map.Entry<String, String> only = marked.entrySet().iterator().next();
        return new Alias(only.getKey(), only.getValue(), rs.getLong(2) == 1);
      }
    }
  }

  private static String unquote(String identifier) {
    char first = identifier.charAt(0);
    if (first == '"' || first == '`') {
      String q = String.valueOf(first);
      return identifier.substring(1, identifier.length() - 1).replace(q + q, q);
    }
    if (first == '[') {
      return identifier.substring(1, identifier.length() - 1);
    }
    return identifier;
  }
}
