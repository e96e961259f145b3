package io.kqlite.statemachine;

/**
 * An SQL error as PostgreSQL classifies it: a five-character SQLSTATE plus a message, and where
 * known the table and constraint involved (clients such as kine inspect the constraint name).
 */
public record SqlError(String sqlState, String message, String constraint, String table) {

  public SqlError(String sqlState, String message) {
    this(sqlState, message, null, null);
  }
}
