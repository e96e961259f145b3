package io.kqlite.statemachine;

import java.util.List;

/**
 * The reply to a {@link WriteCommand}: one result per statement that ran; when a statement failed,
 * {@code error} says why, {@code results} holds those that ran before it, and nothing of the
 * command was kept (the whole entry rolled back on every replica alike).
 */
public record WriteResult(List<StatementResult> results, SqlError error) {

  public WriteResult {
    results = List.copyOf(results);
  }

  public static WriteResult ok(List<StatementResult> results) {
    return new WriteResult(results, null);
  }

  public static WriteResult failed(List<StatementResult> before, SqlError error) {
    return new WriteResult(before, error);
  }

  public boolean failed() {
    return error != null;
  }
}
