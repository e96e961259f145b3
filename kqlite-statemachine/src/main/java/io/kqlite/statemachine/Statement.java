package io.kqlite.statemachine;

import java.util.List;
import java.util.Objects;

/**
 * One SQLite statement with its bound parameter values, in SQLite's dialect already.
 *
 * <p>Parameter values are restricted to what SQLite stores: {@code null}, {@link Long},
 * {@link Double}, {@link String} and {@code byte[]}; the log entry codec rejects anything else.
 * Parameters bind to {@code ?1 … ?n} by position.
 */
public record Statement(String sql, List<Object> parameters) {

  public Statement {
    Objects.requireNonNull(sql, "sql");
    parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
  }

  public static Statement of(String sql, Object... parameters) {
    return new Statement(sql, java.util.Arrays.asList(parameters));
  }
}
