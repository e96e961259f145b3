package io.kqlite.statemachine;

import java.util.List;
import java.util.Objects;

/**
 * One SQLite statement with its bound parameter values, in SQLite's dialect already.
 *
 * <p>Parameter values are restricted to what SQLite stores: {@code null}, {@link Long},
 * {@link Double}, {@link String} and {@code byte[]}; the log entry codec rejects anything else.
 * Parameters bind to {@code ?1 … ?n} by position.
 *
 * <p>A <em>bulk</em> statement ({@code rows} not null, {@code parameters} empty) runs once per row
 * of {@code rows}, prepared once and re-bound: how a COPY travels through the log compactly. Its
 * result counts the rows changed by all runs.
 */
public record Statement(String sql, List<Object> parameters, ParameterRows rows) {

  public Statement {
    Objects.requireNonNull(sql, "sql");
    parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    if (rows != null && !parameters.isEmpty()) {
      throw new IllegalArgumentException("a bulk statement takes its parameters from its rows");
    }
  }

  public Statement(String sql, List<Object> parameters) {
    this(sql, parameters, null);
  }

  public static Statement of(String sql, Object... parameters) {
    return new Statement(sql, java.util.Arrays.asList(parameters));
  }

  /** {@code sql} run once for each row of {@code rows}. */
  public static Statement bulk(String sql, ParameterRows rows) {
    return new Statement(sql, List.of(), Objects.requireNonNull(rows, "rows"));
  }

  public boolean isBulk() {
    return rows != null;
  }
}
