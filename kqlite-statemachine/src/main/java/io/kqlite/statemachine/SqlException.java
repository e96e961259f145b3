package io.kqlite.statemachine;

/** Carries an {@link SqlError} up to whoever talks to the client. */
public class SqlException extends RuntimeException {

  private final SqlError error;

  public SqlException(SqlError error) {
    super(error.message());
    this.error = error;
  }

  public SqlException(String sqlState, String message) {
    this(new SqlError(sqlState, message));
  }

  public SqlError error() {
    return error;
  }
}
