package io.kqlite.pgwire.sql;

import java.util.Objects;

/**
 * The PostgreSQL 15 CommandComplete tag of a statement, e.g. {@code INSERT 0 3},
 * {@code UPDATE 2}, {@code CREATE TABLE}. Only the row count is unknown before execution.
 *
 * @param name         the tag without a row count, e.g. {@code "SELECT"} or {@code "CREATE INDEX"};
 *                     empty for an empty query (which gets EmptyQueryResponse instead)
 * @param withRowCount whether PostgreSQL appends the number of rows affected or returned
 */
public record CommandTag(String name, boolean withRowCount) {

  /** Tag of an empty query; the session sends EmptyQueryResponse instead of CommandComplete. */
  public static final CommandTag NONE = new CommandTag("", false);

  public CommandTag {
    Objects.requireNonNull(name, "name");
  }

  /** A tag that never carries a row count, such as {@code CREATE TABLE} or {@code BEGIN}. */
  public static CommandTag of(String name) {
    return new CommandTag(name, false);
  }

  /** A tag followed by a row count: SELECT, INSERT, UPDATE, DELETE. */
  public static CommandTag counting(String name) {
    return new CommandTag(name, true);
  }

  /**
   * The text for CommandComplete. INSERT carries the historical OID field, always 0 since
   * PostgreSQL 12: {@code INSERT 0 n}.
   */
  public String format(long rowCount) {
    if (!withRowCount) {
      return name;
    }
    return "INSERT".equals(name) ? "INSERT 0 " + rowCount : name + " " + rowCount;
  }
}
