package io.kqlite.pgwire.session;

import io.kqlite.pgwire.sql.TranslatedStatement;
import io.kqlite.pgwire.types.PgType;
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
  private List<Column> describedColumns;

  PreparedQuery(String name, String sql, TranslatedStatement translated, PgType[] parameterTypes) {
    this.name = name;
    this.sql = sql;
    this.translated = translated;
    this.parameterTypes = parameterTypes;
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
      oids[i] = parameterTypes[i].oid();
    }
    return oids;
  }
}
