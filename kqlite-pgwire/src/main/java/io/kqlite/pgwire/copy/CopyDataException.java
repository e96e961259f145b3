package io.kqlite.pgwire.copy;

/**
 * Input that is not valid COPY data: SQLSTATE 22P04 (bad_copy_file_format), with the line it was
 * found on, as PostgreSQL reports it in its CONTEXT.
 */
public final class CopyDataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String BAD_COPY_FILE_FORMAT = "22P04";

  private final int line;

  public CopyDataException(String message, int line) {
    super(message);
    this.line = line;
  }

  public String sqlState() {
    return BAD_COPY_FILE_FORMAT;
  }

  /** The input line, counted from 1. */
  public int line() {
    return line;
  }
}
