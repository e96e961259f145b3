package io.kqlite.statemachine;

import java.util.function.Function;

/**
 * An SQL function that exists only on this node's read connections, for values that belong to the
 * client's session (current user, backend pid, server version). It is never registered on the
 * apply path, so it cannot make replicas diverge: a write that calls it fails identically
 * everywhere ("no such function").
 *
 * @param argumentCount number of arguments, or -1 for any
 * @param body receives SQLite values ({@code null}, Long, Double, String, byte[]) and returns one
 */
public record LocalFunction(String name, int argumentCount, Function<Object[], Object> body) {}
