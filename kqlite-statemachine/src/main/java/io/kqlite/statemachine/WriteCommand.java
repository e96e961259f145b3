package io.kqlite.statemachine;

import java.util.List;
import java.util.Objects;

/**
 * A log entry's payload: what every data node applies, in the same order, with the same inputs.
 *
 * <p>{@code timestampMicros} (microseconds since the Unix epoch) and {@code randomSeed} are decided
 * once by the submitting node so that {@code now()} and {@code random()} give the same answer on
 * every replica and on every replay.
 *
 * @param kind what to do
 * @param database the target database (file {@code NAME.db}); for {@link Kind#CREATE_DATABASE} the
 *     one to create
 * @param statements for {@link Kind#EXECUTE}: applied atomically, in one SQLite transaction
 */
public record WriteCommand(
    Kind kind, String database, List<Statement> statements, long timestampMicros, long randomSeed) {

  /** Entry kinds. New kinds are appended; the codec writes the ordinal's name, never the ordinal. */
  public enum Kind {
    EXECUTE,
    CREATE_DATABASE
  }

  public WriteCommand {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(database, "database");
    statements = List.copyOf(statements);
  }
}
