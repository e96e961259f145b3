package io.kqlite.pgwire.sql;

/**
 * What a statement asks the server to do; decides which path the session sends it down
 * (local read, replicated write, session state, or nothing at all).
 */
public enum StatementKind {
  /** Reads and returns rows: SELECT, VALUES, TABLE x, WITH ... SELECT. */
  QUERY,
  /**
   * Changes data or schema, so it goes through the replicated log: INSERT, UPDATE, DELETE,
   * REPLACE, CREATE/DROP/ALTER TABLE/INDEX/VIEW/TRIGGER, and WITH containing a data-modifying
   * statement at any depth.
   */
  WRITE,
  /** CREATE DATABASE: a new SQLite file, handled outside SQLite. */
  CREATE_DATABASE,
  /** DROP DATABASE. */
  DROP_DATABASE,
  /** BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, SAVEPOINT, RELEASE, ROLLBACK TO. */
  TRANSACTION,
  /** SET and RESET of a session setting (also SET TRANSACTION ...). */
  SET,
  /** SHOW of a session setting. */
  SHOW,
  /** Nothing but whitespace and comments: PostgreSQL answers EmptyQueryResponse. */
  EMPTY,
  /**
   * Accepted and safely ignored: DISCARD, DEALLOCATE, LISTEN, UNLISTEN, VACUUM, ANALYZE,
   * CHECKPOINT, CLOSE ALL. The session may still act on it (e.g. drop prepared statements).
   */
  UTILITY_NOOP,
  /** COPY … FROM STDIN / TO STDOUT: rows travel in CopyData messages, see {@link StatementDetail.Copy}. */
  COPY,
  /**
   * Roles and privileges: CREATE/ALTER/DROP ROLE|USER, GRANT, REVOKE. Kept in the replicated
   * system database, see {@link StatementDetail.Role} and {@link StatementDetail.Grant}.
   */
  ACCESS,
  /** A PostgreSQL statement kqlite does not implement (GRANT, CREATE FUNCTION, ...). */
  UNSUPPORTED
}
