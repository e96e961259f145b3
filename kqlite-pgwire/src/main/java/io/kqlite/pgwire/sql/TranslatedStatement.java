package io.kqlite.pgwire.sql;

import java.util.Objects;

/**
 * The result of translating one PostgreSQL statement: immutable and a pure function of the
 * input text, so callers may cache it by SQL text and share it between sessions.
 *
 * @param sqliteSql      the SQL to run in SQLite, with {@code $n} rewritten to {@code ?n}. Empty
 *                       when there is nothing for SQLite to run: EMPTY, SET, SHOW, UTILITY_NOOP,
 *                       CREATE_DATABASE and DROP_DATABASE. For TRANSACTION it is the equivalent
 *                       SQLite statement (BEGIN, COMMIT, ROLLBACK, SAVEPOINT "x", RELEASE SAVEPOINT
 *                       "x", ROLLBACK TO SAVEPOINT "x"), which the session may use or not.
 * @param kind           what the statement does
 * @param parameterCount the highest {@code $n} used (0 if none); SQLite's {@code ?n} keeps the number
 * @param tag            the CommandComplete tag without its row count
 * @param returnsRows    true for queries, SHOW, and INSERT/UPDATE/DELETE with a top-level RETURNING
 * @param detail         the parsed meaning of a non-SQL statement (database, setting, transaction,
 *                       utility target, COPY); for a WRITE SQLite needs as several statements or
 *                       as a table rebuild, a {@code Script} or {@code AddPrimaryKey} (and
 *                       {@code sqliteSql} is empty); null for QUERY, other WRITEs, EMPTY and
 *                       untargeted utilities
 */
public record TranslatedStatement(
    String sqliteSql,
    StatementKind kind,
    int parameterCount,
    CommandTag tag,
    boolean returnsRows,
    StatementDetail detail) {

  public TranslatedStatement {
    Objects.requireNonNull(sqliteSql, "sqliteSql");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tag, "tag");
  }

  /**
   * The exact PostgreSQL 15 CommandComplete tag, e.g. {@code INSERT 0 1}, {@code SELECT 5},
   * {@code CREATE TABLE}; the row count is ignored by tags that do not carry one. Empty for
   * {@link StatementKind#EMPTY}. The session still decides transaction-state cases itself
   * (COMMIT of a failed transaction is reported as {@code ROLLBACK} by PostgreSQL).
   */
  public String commandTag(long rowCount) {
    return tag.format(rowCount);
  }

  /** The database of CREATE/DROP DATABASE, else null. */
  public String databaseName() {
    return detail instanceof StatementDetail.Database d ? d.name() : null;
  }

  /** DROP DATABASE IF EXISTS. */
  public boolean ifExists() {
    return detail instanceof StatementDetail.Database d && d.ifExists();
  }

  /** CREATE DATABASE IF NOT EXISTS. */
  public boolean ifNotExists() {
    return detail instanceof StatementDetail.Database d && d.ifNotExists();
  }

  /** The setting of SET, RESET or SHOW; null for RESET ALL, SHOW ALL and other kinds. */
  public String settingName() {
    return detail instanceof StatementDetail.Setting s ? s.name() : null;
  }

  /** The new value of SET; null for SHOW, RESET, SET ... TO DEFAULT and other kinds. */
  public String settingValue() {
    return detail instanceof StatementDetail.Setting s ? s.value() : null;
  }
}
