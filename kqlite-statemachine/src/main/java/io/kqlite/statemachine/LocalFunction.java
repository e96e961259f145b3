package io.kqlite.statemachine;

import java.util.function.Function;

/**
 * An SQL function that exists only on this node's read connections, for values that belong to the
 * client's session (current user, backend pid, server version). It is never registered on the
 * apply path, so it cannot make replicas diverge: a write that calls it fails identically
 * everywhere ("no such function"). Pure functions may also be registered for writes, see
 * {@link ReadSetup}.
 *
 * @param argumentCount number of arguments, or -1 for any
 * @param body receives SQLite values ({@code null}, Long, Double, String, byte[]) and returns one;
 *     for an aggregate, the values of its one argument over the group's rows, in the order of the
 *     call's ORDER BY
 * @param aggregate whether it is an aggregate function
 */
public record LocalFunction(String name, int argumentCount, Function<Object[], Object> body,
    boolean aggregate) {

  public LocalFunction(String name, int argumentCount, Function<Object[], Object> body) {
    this(name, argumentCount, body, false);
  }

  /** An aggregate of one argument: {@code body} gets the group's values, none for no rows. */
  public static LocalFunction aggregate(String name, Function<Object[], Object> body) {
    return new LocalFunction(name, 1, body, true);
  }
}
