package io.kqlite.statemachine;

import java.util.List;

/**
 * What one statement produced: rows (for queries and {@code RETURNING}) and the number of rows it
 * changed. Row values are {@code null}, {@link Long}, {@link Double}, {@link String} or {@code
 * byte[]}.
 */
public record StatementResult(List<Column> columns, List<Object[]> rows, long rowsChanged) {

  public StatementResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public static StatementResult changed(long rows) {
    return new StatementResult(List.of(), List.of(), rows);
  }

  public boolean returnsRows() {
    return !columns.isEmpty();
  }
}
