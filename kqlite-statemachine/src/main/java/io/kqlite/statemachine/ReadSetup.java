package io.kqlite.statemachine;

import java.util.List;

/**
 * How this node prepares its read connections, for a front end that needs more than the
 * replicated tables to answer its clients' queries: functions ({@link LocalFunction}), statements
 * run once on each new read connection (typically {@code CREATE TEMP ...}), and statements run
 * again on a read connection before a query whenever the file's schema changed since the last
 * run (typically refreshing TEMP tables derived from {@code sqlite_schema}).
 *
 * <p>Everything here lives in the connection's TEMP schema or in memory: nothing is written to
 * the file, nothing is replicated, and every replica derives the same from the same schema.
 *
 * @param functions registered on every read connection
 * @param onOpen run once, in order, when a read connection opens
 * @param onSchemaChange run in order, in one transaction, before the first query of a read
 *     connection and whenever {@code PRAGMA schema_version} moved since
 * @param replicatedFunctions registered on every connection, the one applying the log included:
 *     functions that translated writes call as well as reads (array helpers, say). Each must
 *     return the same result from the same arguments on every replica, like SQLite's own.
 *
 * <p>The connection that speculates an open transaction gets all of it too, so a transaction can
 * read the catalog; such a read cannot be replayed at COMMIT (see {@code SqlCluster#replayable}).
 */
public record ReadSetup(List<LocalFunction> functions, List<String> onOpen,
    List<String> onSchemaChange, List<LocalFunction> replicatedFunctions) {

  public static final ReadSetup NONE = new ReadSetup(List.of(), List.of(), List.of());

  public ReadSetup {
    functions = List.copyOf(functions);
    onOpen = List.copyOf(onOpen);
    onSchemaChange = List.copyOf(onSchemaChange);
    replicatedFunctions = List.copyOf(replicatedFunctions);
  }

  /** Without replicated functions. */
  public ReadSetup(List<LocalFunction> functions, List<String> onOpen, List<String> onSchemaChange) {
    this(functions, onOpen, onSchemaChange, List.of());
  }

  /** Only functions, no statements. */
  public static ReadSetup functions(List<LocalFunction> functions) {
    return new ReadSetup(functions, List.of(), List.of());
  }
}
