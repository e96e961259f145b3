/**
 * PostgreSQL SQL → SQLite SQL, for statements arriving over the PostgreSQL wire protocol.
 *
 * <p>Pipeline, one class per step:
 * <ol>
 *   <li>{@link io.kqlite.pgwire.sql.SqlLexer}: lossless tokens; strings, quoted identifiers,
 *       dollar strings and comments are single tokens, so no later step can touch their insides.</li>
 *   <li>{@link io.kqlite.pgwire.sql.SqlSplitter}: a simple Query into statements; an empty list
 *       means EmptyQueryResponse.</li>
 *   <li>{@link io.kqlite.pgwire.sql.StatementClassifier}: kind, PostgreSQL 15 command tag,
 *       whether rows come back.</li>
 *   <li>{@link io.kqlite.pgwire.sql.PgToSqlite}: the entry point. QUERY and WRITE statements go
 *       through a chain of token rewriters (DDL, catalog names and functions, {@code ::} casts,
 *       expressions); session-level
 *       statements (SET, SHOW, transactions, CREATE/DROP DATABASE, ...) are parsed into a
 *       {@link io.kqlite.pgwire.sql.StatementDetail} instead.</li>
 * </ol>
 * Everything is a pure function of the SQL text and returns immutable values, so results can be
 * cached by text. Errors are {@link io.kqlite.pgwire.sql.SqlTranslationException}s carrying the
 * SQLSTATE PostgreSQL would send.
 *
 * <p>Why tokens and not a parser: utility statements (BEGIN, SET, SHOW, VACUUM, DISCARD, ...)
 * and PostgreSQL-only syntax are exactly what SQL parsers for Java fail on, and the rewrites
 * needed so far are local. A parser-based rewriter can later be added to the chain in
 * {@code PgToSqlite} for the rewrites that need structure.
 *
 * <p>Known differences, deliberately left for later:
 * <ul>
 *   <li>LIKE stays LIKE, which SQLite compares ASCII-case-insensitively (PostgreSQL does not);
 *       ILIKE becomes LIKE, so non-ASCII letters compare case-sensitively.</li>
 *   <li>Casts: {@code CAST(x AS INTEGER)} truncates where PostgreSQL rounds, accepts text
 *       PostgreSQL rejects ({@code 'abc'::int} is 0), ignores length modifiers
 *       ({@code varchar(3)}); numeric keeps integers integral, so {@code 3::numeric / 2} is 1.
 *       Casts to date/time and interval types are rejected with 0A000; array casts are dropped
 *       (arrays are PostgreSQL array text); {@code regclass} and kin read kqlite's catalog.</li>
 *   <li>Regular expressions ({@code ~}, {@code ~*}) use Java's syntax, and only on reads: the
 *       {@code regexp} function exists on read connections only.</li>
 *   <li>OFFSET without LIMIT, DISTINCT ON, {@code = ANY($1)}, DELETE ... USING, data-modifying
 *       WITH, multi-object DROP and TRUNCATE are not rewritten (some are rejected with 0A000).</li>
 *   <li>A serial column with a table-level {@code PRIMARY KEY (id)} is rejected: only the
 *       column-level form maps onto SQLite's INTEGER PRIMARY KEY. GENERATED ALWAYS identity
 *       columns accept explicit values in SQLite.</li>
 *   <li>{@code U&'...' UESCAPE} is not supported (the default escape {@code \} is assumed);
 *       {@code B'...'} and {@code X'...'} bit strings pass through unchanged (SQLite reads
 *       {@code X'...'} as a blob).</li>
 * </ul>
 */
package io.kqlite.pgwire.sql;
