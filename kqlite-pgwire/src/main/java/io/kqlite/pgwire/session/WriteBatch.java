package io.kqlite.pgwire.session;

import io.kqlite.statemachine.SqlError;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import io.kqlite.statemachine.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes waiting to be committed together, with the answers that must follow them.
 *
 * <p>PostgreSQL runs everything between two Syncs (or inside one simple Query) as one implicit
 * transaction: if a later statement fails, earlier writes vanish too. kqlite keeps that promise by
 * collecting consecutive writes and submitting them as one log entry, which every replica applies
 * atomically. Until then, every answer the session produces is queued behind them, so the client
 * still sees answers in the order it sent the requests.
 */
final class WriteBatch {

  /** A write and how to answer the client once its result is known. */
  record PendingWrite(Statement statement, Consumer<StatementResult> answer) {}

  private final ClientSink sink;
  private final List<Object> queue = new ArrayList<>(); // Consumer<ClientSink> or PendingWrite
  private final List<Statement> statements = new ArrayList<>();

  WriteBatch(ClientSink sink) {
    this.sink = sink;
  }

  boolean isEmpty() {
    return statements.isEmpty();
  }

  /** Sends an answer now, or queues it behind pending writes. */
  void answer(Consumer<ClientSink> answer) {
    if (statements.isEmpty()) {
      answer.accept(sink);
    } else {
      queue.add(answer);
    }
  }

  void add(PendingWrite write) {
    queue.add(write);
    statements.add(write.statement());
  }

  List<Statement> statements() {
    return List.copyOf(statements);
  }

  /**
   * Sends the queued answers for a committed (or failed) entry, in order.
   *
   * @return the error of the failing statement (its answer is left to the caller), or null
   */
  @SuppressWarnings("unchecked")
  SqlError complete(WriteResult result) {
    int next = 0;
    try {
      for (Object item : queue) {
        if (item instanceof PendingWrite write) {
          if (next == result.results().size()) {
            return result.error(); // the failing statement: nothing after it ran
          }
          write.answer().accept(result.results().get(next++));
        } else {
          ((Consumer<ClientSink>) item).accept(sink);
        }
      }
      return result.error();
    } finally {
      discard();
    }
  }

  /** Forgets everything queued: nothing of it reached the log. */
  void discard() {
    queue.clear();
    statements.clear();
  }
}
