package io.kqlite.statemachine;

/**
 * An SQL error as PostgreSQL classifies it: a five-character SQLSTATE plus a message, and where
 * known the constraint that failed (clients such as kine inspect it).
 */
public record SqlError(String sqlState, String message, String constraint) {

  public SqlError(String sqlState, String message) {
    this(sqlState, message, null);
  }
}
