package io.kqlite.statemachine;

import java.util.List;

/**
 * What the front end may ask of the replicated core. Implementations block the calling thread;
 * callers run them off any I/O event loop.
 */
public interface SqlCluster {

  /**
   * Submits statements to the Raft log as one entry (applied atomically on every data node) and
   * waits for the result. Time and random seed are decided here, once.
   *
   * @throws SqlException when the write could not be committed (no leader reachable in time)
   */
  WriteOutcome write(String database, List<Statement> statements);

  /**
   * Runs the next statements of an open transaction on this node's replica, after replaying what
   * the transaction did so far, and rolls everything back (see {@link ResultDigest}). Nothing
   * reaches the log; a replay whose results differ from {@code historyDigests} fails with 40001.
   */
  WriteResult speculate(String database, List<Statement> history, List<Long> historyDigests,
      List<Statement> next, EntryContext context, long minAppliedIndex);

  /**
   * Whether a transaction's recording may hold {@code sql}: every replica must be able to re-run
   * it at COMMIT. Reads of this node's catalog (see {@link ReadSetup}) cannot be, and neither can a
   * read of a table the transaction itself created; such reads run but are not re-checked at COMMIT
   * (the first has nothing replicated to check, the second nothing another session could change).
   */
  boolean replayable(String database, String sql);

  /**
   * Commits an explicit transaction as one log entry: every replica re-runs the statements at the
   * entry's place in the log and commits only if each result matches its digest, else 40001.
   */
  WriteOutcome commit(String database, List<Statement> statements, List<Long> digests,
      EntryContext context);

  /** Creates a database on every data node through the log; {@code 42P04} if it exists. */
  WriteOutcome createDatabase(String database);

  /** Deletes a database on every data node, through the log; 3D000 in the result if absent. */
  WriteOutcome dropDatabase(String database);

  /**
   * Runs a read-only statement on this node's replica after it has applied at least {@code
   * minAppliedIndex} (pass the session's last write index for read-your-writes, 0 for none).
   */
  StatementResult query(String database, Statement statement, long minAppliedIndex);

  /**
   * The log index a read must wait for under {@code consistency}, given the session's last write
   * index: for LINEARIZABLE the leader's commit index (one round trip to the leader).
   */
  long readIndex(ReadConsistency consistency, long sessionIndex);

  /** True while this node leads the cluster (clients use it to find the primary). */
  boolean isLeader();

  /** Column names and types of a statement without running it. */
  List<Column> describe(String database, String sql, long minAppliedIndex);

  boolean databaseExists(String database);

  /** The names of this node's databases, sorted (every data node has the same ones). */
  List<String> databases();

  /** Whether connecting to an unknown database creates it (through the log) instead of 3D000. */
  boolean autoCreateDatabases();
}
