package io.kqlite.statemachine;

/**
 * A result column: its name and the type SQLite knows for it.
 *
 * @param declaredType the column's declared type from CREATE TABLE (e.g. {@code varchar(20)}), or,
 *     for an expression, SQLite's storage class of the first value ({@code INTEGER}, {@code REAL},
 *     {@code TEXT}, {@code BLOB}), or empty when nothing is known
 */
public record Column(String name, String declaredType) {}
