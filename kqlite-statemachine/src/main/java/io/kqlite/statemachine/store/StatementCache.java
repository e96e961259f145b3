package io.kqlite.statemachine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements of one connection, kept for reuse: the apply thread runs the same few
 * statements (a kine insert, the applied-index update) thousands of times, and SQLite's parse and
 * plan of each cost about as much as running it.
 *
 * <p>A cached statement would keep the column list it was prepared with, so the whole cache is
 * dropped when the schema changes (SQLite's {@code schema_version} moves on every DDL). Not thread
 * safe: one per connection, used by the thread that owns the connection.
 */
final class StatementCache implements AutoCloseable {

  private static final int MAX_STATEMENTS = 64;

  private final Connection connection;
  private final Map<String, PreparedStatement> statements =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() > MAX_STATEMENTS) {
            closeQuietly(eldest.getValue());
            return true;
          }
          return false;
        }
      };
  private PreparedStatement schemaVersionQuery;
  private int schemaVersion = -1;

  StatementCache(Connection connection) {
    this.connection = connection;
  }

  /** The statement for {@code sql}, prepared once per schema version. Do not close it. */
  PreparedStatement prepare(String sql) throws SQLException {
    int version = schemaVersion();
    if (version != schemaVersion) {
      clear();
      schemaVersion = version;
    }
    PreparedStatement prepared = statements.get(sql);
    if (prepared == null) {
      prepared = connection.prepareStatement(sql);
      statements.put(sql, prepared);
    } else {
      prepared.clearParameters();
    }
    return prepared;
  }

  /** SQLite's schema cookie as this connection sees it now. */
  int schemaVersion() throws SQLException {
    if (schemaVersionQuery == null) {
      schemaVersionQuery = connection.prepareStatement("PRAGMA schema_version");
    }
    try (ResultSet rs = schemaVersionQuery.executeQuery()) {
      return rs.getInt(1);
    }
  }

  /** Forgets every statement; the next {@link #prepare} starts afresh. */
  void clear() {
    statements.values().forEach(StatementCache::closeQuietly);
    statements.clear();
    schemaVersion = -1;
  }

  @Override
  public void close() {
    clear();
    if (schemaVersionQuery != null) {
      closeQuietly(schemaVersionQuery);
      schemaVersionQuery = null;
    }
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException ignored) {
      // the connection is going away or the statement is already finalized
    }
  }
}
