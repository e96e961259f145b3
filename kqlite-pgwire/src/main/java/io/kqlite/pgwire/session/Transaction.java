package io.kqlite.pgwire.session;

import io.kqlite.statemachine.EntryContext;
import io.kqlite.statemachine.ResultDigest;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import java.util.ArrayList;
import java.util.List;

/**
 * An explicit transaction (BEGIN … COMMIT) as a recording: every statement that ran, with a
 * digest of the result the client saw. Nothing is written anywhere until COMMIT, when the
 * recording becomes one log entry; ROLLBACK or a lost connection simply forget it.
 */
final class Transaction {

  private record Savepoint(String name, int statementCount, boolean hadWrites) {}

  private final EntryContext context = EntryContext.now();
  private final List<Statement> statements = new ArrayList<>();
  private final List<Long> digests = new ArrayList<>();
  private final List<Savepoint> savepoints = new ArrayList<>();
  private boolean hasWrites;
  private boolean failed;

  EntryContext context() {
    return context;
  }

  List<Statement> statements() {
    return List.copyOf(statements);
  }

  List<Long> digests() {
    return List.copyOf(digests);
  }

  boolean hasWrites() {
    return hasWrites;
  }

  boolean isFailed() {
    return failed;
  }

  /** After an error PostgreSQL ignores everything up to ROLLBACK (or ROLLBACK TO a savepoint). */
  void markFailed() {
    failed = true;
  }

  void record(Statement statement, StatementResult result, boolean write) {
    statements.add(statement);
    digests.add(ResultDigest.of(result));
    hasWrites |= write;
  }

  void savepoint(String name) {
    savepoints.add(new Savepoint(name, statements.size(), hasWrites));
  }

  /** RELEASE: forgets the savepoint and every one made after it. */
  void release(String name) {
    savepoints.subList(find(name), savepoints.size()).clear();
  }

  /** ROLLBACK TO: undoes what ran after the savepoint, which stays; the transaction is usable again. */
  void rollbackTo(String name) {
    int at = find(name);
    Savepoint savepoint = savepoints.get(at);
    statements.subList(savepoint.statementCount(), statements.size()).clear();
    digests.subList(savepoint.statementCount(), digests.size()).clear();
    savepoints.subList(at + 1, savepoints.size()).clear();
    hasWrites = savepoint.hadWrites();
    failed = false;
  }

  private int find(String name) {
    for (int i = savepoints.size() - 1; i >= 0; i--) {
      if (savepoints.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new SqlException("3B001", "savepoint \"" + name + "\" does not exist");
  }
}
