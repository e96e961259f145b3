package io.kqlite.pgwire.session;

import io.kqlite.pgwire.sql.ParameterHints;
import io.kqlite.pgwire.sql.SqlLiterals;
import io.kqlite.pgwire.types.ArrayValues;
import io.kqlite.pgwire.types.DeclaredTypes;
import io.kqlite.pgwire.types.PgType;
import io.kqlite.statemachine.Column;
import io.kqlite.statemachine.SqlCluster;
import io.kqlite.statemachine.SqlException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the type of each parameter of a Parse message: the client's OID where it gave one,
 * else what the statement's text implies ({@link ParameterHints}), with column types read from
 * this node's schema; {@code text} when nothing is known.
 */
final class ParameterTypes {

  private final SqlCluster cluster;
  private final String database;
  private final long minAppliedIndex;
  private final Map<String, Optional<List<Column>>> tableColumns = new HashMap<>();

  ParameterTypes(SqlCluster cluster, String database, long minAppliedIndex) {
    this.cluster = cluster;
    this.database = database;
    this.minAppliedIndex = minAppliedIndex;
  }

  /**
   * The parameters' types: as declared in Parse, else inferred from {@code sql}. An array
   * parameter's type is text (kqlite stores an array as its text form, see {@link ArrayValues});
   * its array type OID goes to {@code arrayOids}, 0 for the others.
   */
  PgType[] resolve(String sql, int count, int[] declaredOids, int[] arrayOids) {
    PgType[] types = new PgType[count];
    Map<Integer, ParameterHints.Hint> hints = null;
    for (int i = 0; i < count; i++) {
      int oid = i < declaredOids.length ? declaredOids[i] : 0;
      if (oid != 0) {
        if (ArrayValues.elementOf(oid) != null) {
          arrayOids[i] = oid;
          types[i] = PgType.TEXT;
          continue;
        }
        types[i] = PgType.byOid(oid);
        if (types[i] == null) {
          throw new SqlException("42704", "type with OID " + oid + " is not supported");
        }
        continue;
      }
      if (hints == null) {
        hints = ParameterHints.of(sql);
      }
      ParameterHints.Hint hint = hints.get(i + 1);
      if (hint instanceof ParameterHints.TypeHint type && type.elementTypeName() != null) {
        PgType element = DeclaredTypes.of(type.elementTypeName(), false);
        arrayOids[i] = element.arrayOid() != 0 ? element.arrayOid() : PgType.TEXT.arrayOid();
        types[i] = PgType.TEXT;
      } else if (hint instanceof ParameterHints.ArrayHint array) {
        PgType element = array.element() == null ? PgType.TEXT : infer(sql, array.element());
        arrayOids[i] = element.arrayOid() != 0 ? element.arrayOid() : PgType.TEXT.arrayOid();
        types[i] = PgType.TEXT;
      } else {
        types[i] = infer(sql, hint);
      }
    }
    return types;
  }

  /** The type {@code hint} implies for a value of {@code sql}; {@code text} when nothing is known. */
  PgType infer(String sql, ParameterHints.Hint hint) {
    if (hint instanceof ParameterHints.TypeHint type) {
      return DeclaredTypes.of(type.typeName(), false);
    }
    if (hint instanceof ParameterHints.ColumnPositionHint position) {
      List<Column> columns = columnsOf(position.table());
      if (position.position() < columns.size()) {
        Column c = columns.get(position.position());
        return DeclaredTypes.of(c.declaredType(), c.isExpression());
      }
    }
    if (hint instanceof ParameterHints.ColumnHint column) {
      List<String> candidates = column.table() != null ? List.of(column.table()) : ParameterHints.tables(sql);
      for (String table : candidates) {
        for (Column c : columnsOf(table)) {
          if (c.name().equalsIgnoreCase(column.column())) {
            return DeclaredTypes.of(c.declaredType(), c.isExpression());
          }
        }
      }
    }
    return PgType.TEXT;
  }

  private List<Column> columnsOf(String table) {
    return tableColumns.computeIfAbsent(table, t -> {
      try {
        return Optional.of(cluster.describe(database,
            "SELECT * FROM " + SqlLiterals.quoteIdentifier(t) + " LIMIT 0", minAppliedIndex));
      } catch (SqlException noSuchTable) {
        return Optional.empty(); // created later in the same batch, or not a table: stays text
      }
    }).orElse(List.of());
  }
}
