package io.kqlite.statemachine;

import java.util.List;
import java.util.Objects;

/**
 * A log entry's payload: what every data node applies, in the same order, with the same inputs.
 *
 * <p>{@code timestampMicros} (microseconds since the Unix epoch) and {@code randomSeed} are decided
 * once by the submitting node so that {@code now()} and {@code random()} give the same answer on
 * every replica and on every replay. Statement {@code i} draws its random numbers from seed
 * {@code randomSeed + i}, so a speculative run of a transaction's statements and the final apply
 * see the same values.
 *
 * @param kind what to do
 * @param database the target database (file {@code NAME.db}); for {@link Kind#CREATE_DATABASE} the
 *     one to create
 * @param statements applied atomically, in one SQLite transaction
 * @param expectedDigests for {@link Kind#TRANSACTION}: the {@link ResultDigest} of each statement's
 *     result as the client saw it; empty for other kinds
 */
public record WriteCommand(Kind kind, String database, List<Statement> statements,
    List<Long> expectedDigests, long timestampMicros, long randomSeed) {

  /** Entry kinds. The codec writes the name, never the ordinal, so kinds may be added. */
  public enum Kind {
    /** Autocommit statements (one implicit transaction). */
    EXECUTE,
    /** An explicit transaction, committed only if every result matches what the client saw. */
    TRANSACTION,
    CREATE_DATABASE,
    /** Deletes the database's file on every data node. */
    DROP_DATABASE,
    /**
     * Runs the command whose encoded form earlier entries stored in slices (see
     * {@link CommandParts}); its one statement names them.
     */
    ASSEMBLE
  }

  public WriteCommand {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(database, "database");
    statements = List.copyOf(statements);
    expectedDigests = List.copyOf(expectedDigests);
    if (kind == Kind.TRANSACTION && expectedDigests.size() != statements.size()) {
      throw new IllegalArgumentException("a transaction needs one digest per statement");
    }
  }

  public WriteCommand(Kind kind, String database, List<Statement> statements,
      long timestampMicros, long randomSeed) {
    this(kind, database, statements, List.of(), timestampMicros, randomSeed);
  }
}
