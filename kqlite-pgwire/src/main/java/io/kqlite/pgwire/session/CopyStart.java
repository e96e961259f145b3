package io.kqlite.pgwire.session;

import io.kqlite.pgwire.copy.CopyFormat;
import io.kqlite.pgwire.sql.SqlLiterals;
import io.kqlite.pgwire.sql.StatementDetail;
import io.kqlite.pgwire.types.DeclaredTypes;
import io.kqlite.pgwire.types.PgType;
import io.kqlite.statemachine.Column;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a parsed COPY into what runs it: for FROM STDIN the target columns, their types and the
 * INSERT each row binds to; for TO STDOUT the SELECT whose rows are written out.
 */
final class CopyStart {

  private CopyStart() {}

  /**
   * Prepares a COPY FROM STDIN; {@code read} runs a query as the session sees the data (the table
   * may have been created earlier in the same transaction).
   *
   * @throws SqlException 42P01 for a missing table, 42703 for a missing column
   */
  static CopyIn copyIn(StatementDetail.Copy copy, Function<Statement, StatementResult> read) {
    String probe = Translations.translate("SELECT * FROM " + copy.table() + " LIMIT 0").sqliteSql();
    List<Column> tableColumns = read.apply(Statement.of(probe)).columns();
    List<Column> targets = new ArrayList<>();
    if (copy.columns().isEmpty()) {
      targets.addAll(tableColumns);
    } else {
      for (String name : copy.columns()) {
        targets.add(tableColumns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
            .orElseThrow(() -> new SqlException("42703", "column \"" + name + "\" of relation \""
                + SqlLiterals.foldIdentifier(copy.table()) + "\" does not exist")));
      }
    }
    List<String> names = new ArrayList<>();
    PgType[] types = new PgType[targets.size()];
    StringBuilder insert = new StringBuilder("INSERT INTO ").append(copy.table()).append(" (");
    StringBuilder values = new StringBuilder(") VALUES (");
    for (int i = 0; i < targets.size(); i++) {
      Column column = targets.get(i);
      names.add(column.name());
      types[i] = DeclaredTypes.of(column.declaredType(), false);
      insert.append(i == 0 ? "" : ", ").append(SqlLiterals.quoteIdentifier(column.name()));
      values.append(i == 0 ? "$" : ", $").append(i + 1);
    }
    String columnList = insert.toString();
    String sql = Translations.translate(insert.append(values).append(')').toString()).sqliteSql();
    String stage = "kqlite_copy_" + java.util.UUID.randomUUID().toString().replace("-", "");
    StringBuilder fromStage = new StringBuilder(columnList).append(") SELECT ");
    for (int i = 0; i < targets.size(); i++) {
      fromStage.append(i == 0 ? "c" : ", c").append(i);
    }
    fromStage.append(" FROM ").append(stage).append(" ORDER BY rowid");
    String stagedSql = Translations.translate(fromStage.toString()).sqliteSql();
    return new CopyIn(sql, stage, stagedSql, names, types,
        copy.options().binary() ? null : CopyFormat.of(copy.options(), names));
  }

  /** The query whose rows COPY TO STDOUT writes. */
  static String selectFor(StatementDetail.Copy copy) {
    if (copy.query() != null) {
      return copy.query();
    }
    StringBuilder select = new StringBuilder("SELECT ");
    if (copy.columns().isEmpty()) {
      select.append('*');
    }
    for (int i = 0; i < copy.columns().size(); i++) {
      select.append(i == 0 ? "" : ", ").append(SqlLiterals.quoteIdentifier(copy.columns().get(i)));
    }
    return select.append(" FROM ").append(copy.table()).toString();
  }
}
