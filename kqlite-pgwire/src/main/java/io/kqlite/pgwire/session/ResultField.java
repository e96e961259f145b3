package io.kqlite.pgwire.session;

import io.kqlite.pgwire.types.PgType;

/**
 * One column of a result as the client is told about it. {@code scale} is the declared scale of a
 * {@code numeric(p, s)} table column, whose values print with exactly {@code s} decimals as
 * PostgreSQL prints them (SQLite keeps 10.50 as 10.5); -1 for any other column.
 */
public record ResultField(String name, PgType type, short format, int scale) {

  public ResultField(String name, PgType type, short format) {
    this(name, type, format, -1);
  }

  /** The value as this column shows it: a numeric at its declared scale. */
  Object shown(Object value) {
    if (scale < 0 || value == null || value instanceof byte[]) {
      return value;
    }
    try {
      return new java.math.BigDecimal(value.toString().strip())
          .setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
    } catch (NumberFormatException e) {
      return value; // 'NaN' or text SQLite kept as it was written
    }
  }
}
