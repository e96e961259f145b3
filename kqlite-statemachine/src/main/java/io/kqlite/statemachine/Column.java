package io.kqlite.statemachine;

/**
 * A result column: its name, the type SQLite knows for it, and the table it comes from.
 *
 * @param declaredType the column's declared type from CREATE TABLE (SQLite drops the length:
 *     {@code varchar(20)} reads {@code VARCHAR}); for an expression, the storage class of its
 *     first value ({@code INTEGER}, {@code FLOAT}, {@code TEXT}, {@code BLOB}) or {@code NUMERIC}
 *     when unknown
 * @param table the source table, empty for an expression
 */
public record Column(String name, String declaredType, String table) {

  public boolean isExpression() {
    return table.isEmpty();
  }
}
