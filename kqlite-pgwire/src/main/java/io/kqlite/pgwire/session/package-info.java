/**
 * A client connection's state: prepared statements, portals, settings, and transactions.
 *
 * <h2>How transactions work</h2>
 *
 * <p><b>Autocommit</b> (no BEGIN). Consecutive writes up to the next Sync (extended protocol) or
 * the end of a Query message are collected by {@link io.kqlite.pgwire.session.WriteBatch} and
 * submitted as one log entry, which every replica applies in one SQLite transaction — PostgreSQL's
 * implicit transaction, atomic: a failing statement leaves nothing of the batch anywhere.
 *
 * <p><b>Explicit transactions</b> (BEGIN … COMMIT). SQLite has one writer per file, and a write
 * transaction held open across client round trips would stop the apply thread — and so every
 * other writer — for as long as the client thinks. Instead a transaction is a recording
 * ({@link io.kqlite.pgwire.session.Transaction}): each statement runs <em>speculatively</em> on the
 * session's node — the store replays the statements recorded so far, runs the new one, captures
 * its result and rolls back; the write lock is held for that call only. The client gets the
 * result at once (read-your-writes, RETURNING, row counts), and the recording keeps the statement
 * with a digest of that result ({@link io.kqlite.statemachine.ResultDigest}). Nobody else ever sees
 * the speculative changes. At COMMIT the recording becomes one log entry; every replica re-executes
 * it at its position in the log and commits only if each statement's result has the same digest,
 * otherwise it rolls back and answers 40001. ROLLBACK, or a dropped connection, just forgets the
 * recording: nothing was ever written.
 *
 * <p><b>Why this is serializable.</b> Log order is a serial order: every replica applies the
 * committed transactions one after another, in that order, each in one SQLite transaction. A
 * transaction commits only if every result the client saw equals the result of the same statement
 * in that serial execution (to the strength of a 64-bit digest). What a client sends next can only
 * depend on what it saw, so the client cannot tell its transaction apart from one that ran alone at
 * its place in the log: the history is equivalent to the serial one. Statements whose results do
 * not depend on concurrent changes (an {@code UPDATE … SET n = n + 1} reports only "UPDATE 1")
 * commit without conflict, which is why pgbench's TPC-B runs with almost no retries. A read-only
 * transaction of several statements is checked the same way on the local replica at COMMIT: all
 * its results must come from one state of the database. Time and randomness are fixed at BEGIN
 * ({@link io.kqlite.statemachine.EntryContext}) and carried in the entry, so the speculative run and
 * the final apply compute the same {@code now()} and {@code random()}.
 *
 * <p><b>Costs.</b> Statement k of a transaction replays k−1 statements, so a transaction's local
 * work grows with the square of its length; writes queued before a Sync are speculated together,
 * so a pgjdbc batch inside a transaction costs one replay, not one per row. One transaction is one
 * write of at most 64 MiB (COPY rows are packed, see below), carried in parts above one log entry.
 * A transaction whose results keep changing under it (a hot row read and then overwritten)
 * retries on 40001, as under PostgreSQL's SERIALIZABLE.
 *
 * <h2>COPY</h2>
 *
 * <p>{@code COPY … FROM STDIN} puts the session in copy-in mode ({@link
 * io.kqlite.pgwire.session.CopyIn}): the server routes CopyData, CopyDone and CopyFail to it, a
 * simple Query pauses until CopyDone and then goes on with its next statement. At CopyDone the data
 * becomes <em>one</em> statement — the INSERT of the target columns with one parameter row per data
 * row ({@link io.kqlite.statemachine.Statement#bulk}) — which then behaves like any other write:
 * pending until the implicit commit outside a transaction (one atomic log entry), or speculated and
 * recorded inside one. The log entry stores the SQL once and the rows packed, and every replica
 * applies it with one prepared statement re-bound per row. A bad row, a CopyFail or a constraint
 * violation answers an error and applies nothing. {@code COPY … TO STDOUT} runs its query as any
 * read and writes the rows as CopyData.
 */
package io.kqlite.pgwire.session;
