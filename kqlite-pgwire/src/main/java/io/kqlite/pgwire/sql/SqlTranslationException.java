package io.kqlite.pgwire.sql;

import java.util.Objects;

/**
 * A statement that cannot be translated, carrying the SQLSTATE PostgreSQL would report
 * (42601 syntax error, 0A000 feature not supported, ...) so the session can send it unchanged
 * in an ErrorResponse.
 */
public class SqlTranslationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** SQLSTATE for syntax errors. */
  public static final String SYNTAX_ERROR = "42601";
  /** SQLSTATE for features kqlite (or SQLite) does not offer. */
  public static final String FEATURE_NOT_SUPPORTED = "0A000";

  private final String sqlState;

  public SqlTranslationException(String sqlState, String message) {
    super(message);
    this.sqlState = Objects.requireNonNull(sqlState, "sqlState");
  }

  /** The five-character SQLSTATE code. */
  public String sqlState() {
    return sqlState;
  }

  static SqlTranslationException syntaxErrorAt(Token token) {
    return token == null
        ? new SqlTranslationException(SYNTAX_ERROR, "syntax error at end of input")
        : new SqlTranslationException(SYNTAX_ERROR, "syntax error at or near \"" + token.text() + "\"");
  }

  static SqlTranslationException notSupported(String what) {
    return featureNotSupported(what + " is not supported");
  }

  static SqlTranslationException featureNotSupported(String message) {
    return new SqlTranslationException(FEATURE_NOT_SUPPORTED, message);
  }
}
