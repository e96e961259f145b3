package io.kqlite.pgwire.session;

import io.kqlite.pgwire.sql.SqlLiterals;
import io.kqlite.pgwire.sql.SqlTranslationException;
import io.kqlite.pgwire.sql.StatementDetail;
import io.kqlite.pgwire.sql.TableRebuild;
import io.kqlite.pgwire.types.DeclaredTypes;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Table changes that need the table's current definition from {@code sqlite_master} before they
 * can be written as SQLite statements (see {@link TableRebuild}).
 */
final class TableScripts {

  private TableScripts() {}

  /**
   * The statements that add the primary key. They are computed from this node's copy of the schema
   * and written as one entry; a concurrent change of the same table between the read and the write
   * is not detected (DDL is rare, and pgbench -i runs it alone).
   */
  static List<String> addPrimaryKey(StatementDetail.AddPrimaryKey key,
      Function<Statement, StatementResult> read) {
    Schema schema = schema(key.table(), read);
    try {
      return TableRebuild.addPrimaryKey(key.table(), schema.createSql(), schema.dependents(),
          key.constraint(), key.columns());
    } catch (SqlTranslationException e) {
      throw new SqlException(e.sqlState(), e.getMessage());
    }
  }

  /**
   * The statements that change column defaults and NOT NULL: a rebuild of the table, from this
   * node's copy of the schema, as for a primary key. Refused (0A000) while another table's
   * foreign key references this one: dropping the old table would act on the referencing rows.
   * SET NOT NULL over a column holding nulls is 23502, as in PostgreSQL.
   */
  static List<String> alterColumnConstraints(StatementDetail.AlterColumnConstraints alter,
      Function<Statement, StatementResult> read) {
    Schema schema = schema(alter.table(), read);
    StatementResult referencing = read.apply(Statement.of("SELECT m.name FROM sqlite_master m,"
        + " pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND m.name <> ?1 COLLATE NOCASE"
        + " AND f.\"table\" = ?1 COLLATE NOCASE LIMIT 1", alter.table()));
    if (!referencing.rows().isEmpty()) {
      throw new SqlException("0A000", "altering the columns of table \"" + alter.table()
          + "\" is not supported while table \"" + referencing.rows().get(0)[0]
          + "\" references it with a foreign key");
    }
    for (StatementDetail.ColumnChange change : alter.changes()) {
      if (change.action() == StatementDetail.ColumnAction.SET_NOT_NULL) {
        StatementResult nulls = read.apply(Statement.of("SELECT 1 FROM "
            + SqlLiterals.quoteIdentifier(alter.table()) + " WHERE "
            + SqlLiterals.quoteIdentifier(change.column()) + " IS NULL LIMIT 1"));
        if (!nulls.rows().isEmpty()) {
          throw new SqlException("23502", "column \"" + change.column() + "\" of relation \""
              + alter.table() + "\" contains null values");
        }
      }
    }
    try {
      return TableRebuild.alterColumns(alter.table(), schema.createSql(), schema.dependents(),
          alter.changes());
    } catch (SqlTranslationException e) {
      throw new SqlException(e.sqlState(), e.getMessage());
    }
  }

  /** A table's CREATE TABLE text and the CREATE texts of its indexes and triggers. */
  private record Schema(String createSql, List<String> dependents) {}

  private static Schema schema(String table, Function<Statement, StatementResult> read) {
    StatementResult schema = read.apply(Statement.of(
        "SELECT type, sql FROM sqlite_master WHERE tbl_name = ?1 COLLATE NOCASE AND sql IS NOT NULL "
            + "ORDER BY type = 'table' DESC, rowid", table));
    String createSql = null;
    List<String> dependents = new ArrayList<>();
    for (Object[] row : schema.rows()) {
      if ("table".equals(row[0])) {
        createSql = (String) row[1];
      } else if ("index".equals(row[0]) || "trigger".equals(row[0])) {
        dependents.add((String) row[1]);
      }
    }
    if (createSql == null) {
      throw new SqlException("42P01", "relation \"" + table + "\" does not exist");
    }
    return new Schema(createSql, dependents);
  }

  /**
   * ALTER COLUMN … TYPE is accepted when every column already has that PostgreSQL type (kine's
   * optional migration widens columns that kqlite created as bigint already): nothing to run.
   * A real change of type would need a table rebuild with converted values, which kqlite does not
   * do: 0A000 naming the column. SQLite compares text bytewise, so COLLATE "C" changes nothing.
   */
  static List<String> alterColumnTypes(StatementDetail.AlterColumnTypes alter,
      Function<Statement, StatementResult> read) {
    for (StatementDetail.ColumnType column : alter.columns()) {
      StatementResult current = read.apply(Statement.of("SELECT a.atttypid FROM pg_attribute a"
          + " JOIN pg_class c ON a.attrelid = c.oid WHERE c.relname = ?1 AND a.attname = ?2",
          alter.table(), column.column()));
      if (current.rows().isEmpty()) {
        throw new SqlException("42703", "column \"" + column.column() + "\" of relation \""
            + alter.table() + "\" does not exist");
      }
      long oid = ((Number) current.rows().get(0)[0]).longValue();
      if (DeclaredTypes.of(column.type(), false).oid() != oid) {
        throw new SqlException("0A000", "changing the type of column \"" + column.column()
            + "\" to " + column.type() + " is not supported");
      }
    }
    return List.of();
  }
}
