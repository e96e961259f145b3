package io.kqlite.pgwire.session;

import io.kqlite.pgwire.sql.TranslatedStatement;
import io.kqlite.pgwire.types.ArrayValues;
import io.kqlite.pgwire.types.PgType;
import io.kqlite.pgwire.types.ValueCodec;
import io.kqlite.statemachine.Column;
import java.util.List;

/**
 * A parsed statement (named or unnamed): the translation and the parameter types, as the client
 * declared them in Parse or as kqlite assumed ({@code text}) where it left them open.
 *
 * <p>Once the client has been told the result columns (Describe), they stay fixed: every later
 * execution encodes values with those types, whatever SQLite reports for an expression's value.
 */
final class PreparedQuery {

  private final String name;
  private final String sql;
  private final TranslatedStatement translated;
  private final PgType[] parameterTypes;
  /** Per parameter, the element type of an array parameter ({@code int4[]}), else null. */
  private final PgType[] arrayElements;
  private List<Column> describedColumns;

  /** {@code arrayOids}: per parameter its array type OID, 0 when it is not an array. */
  PreparedQuery(String name, String sql, TranslatedStatement translated, PgType[] parameterTypes,
      int[] arrayOids) {
    this.name = name;
    this.sql = sql;
    this.translated = translated;
    this.parameterTypes = parameterTypes;
    this.arrayElements = new PgType[parameterTypes.length];
    for (int i = 0; i < Math.min(arrayOids.length, parameterTypes.length); i++) {
      arrayElements[i] = ArrayValues.elementOf(arrayOids[i]);
    }
  }

  /** A statement with no declared parameter types (simple Query, an internal read). */
  PreparedQuery(String name, String sql, TranslatedStatement translated, PgType[] parameterTypes) {
    this(name, sql, translated, parameterTypes, new int[0]);
  }

  /** A bound parameter's value for SQLite, decoded per its type and format. */
  Object decodeParameter(int i, short format, byte[] value) {
    return arrayElements[i] != null ? ArrayValues.decodeParameter(arrayElements[i], format, value)
        : ValueCodec.decodeParameter(parameterTypes[i], format, value);
  }

  String name() {
    return name;
  }

  String sql() {
    return sql;
  }

  TranslatedStatement translated() {
    return translated;
  }

  PgType[] parameterTypes() {
    return parameterTypes;
  }

  List<Column> describedColumns() {
    return describedColumns;
  }

  void describe(List<Column> columns) {
    this.describedColumns = List.copyOf(columns);
  }

  int[] parameterOids() {
    int[] oids = new int[parameterTypes.length];
    for (int i = 0; i < oids.length; i++) {
      oids[i] = arrayElements[i] != null ? arrayElements[i].arrayOid() : parameterTypes[i].oid();
    }
    return oids;
  }
}
