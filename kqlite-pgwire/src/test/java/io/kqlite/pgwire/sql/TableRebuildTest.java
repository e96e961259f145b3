package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kqlite.pgwire.sql.StatementDetail.ColumnAction;
import io.kqlite.pgwire.sql.StatementDetail.ColumnChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRebuildTest {

  private static final String CREATE = "CREATE TABLE p (id INTEGER primary key AUTOINCREMENT,"
      + " name text, score int default -5 not null, at timestamptz default (now()),"
      + " CONSTRAINT name_len CHECK (length(name) > 0))";

  @Test
  void columnChangesEditTheDefinitionAndRebuildTheTable() {
    List<String> script = TableRebuild.alterColumns("p", CREATE, List.of("CREATE INDEX p_name ON p (name)"),
        List.of(new ColumnChange("score", ColumnAction.SET_DEFAULT, "7"),
            new ColumnChange("SCORE", ColumnAction.DROP_NOT_NULL, null),
            new ColumnChange("name", ColumnAction.SET_NOT_NULL, null),
            new ColumnChange("at", ColumnAction.DROP_DEFAULT, null)));
    assertEquals(List.of(
        "CREATE TABLE \"kqlite_rebuild_p\" (id INTEGER primary key AUTOINCREMENT, name text NOT NULL,"
            + " score int DEFAULT (7), at timestamptz, CONSTRAINT name_len CHECK (length(name) > 0))",
        "INSERT INTO \"kqlite_rebuild_p\" SELECT * FROM \"p\"",
        // the AUTOINCREMENT counter carries over: ids deleted at the end are not reused
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'kqlite_rebuild_p', seq FROM sqlite_sequence"
            + " WHERE name = 'p' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'kqlite_rebuild_p')",
        "UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT s.seq FROM sqlite_sequence s"
            + " WHERE s.name = 'p'), 0)) WHERE name = 'kqlite_rebuild_p'",
        "DROP TABLE \"p\"",
        "ALTER TABLE \"kqlite_rebuild_p\" RENAME TO \"p\"",
        "CREATE INDEX p_name ON p (name)"), script);
  }

  @Test
  void anUnknownColumnIs42703() {
    SqlTranslationException e = assertThrows(SqlTranslationException.class, () -> TableRebuild.alterColumns(
        "p", CREATE, List.of(), List.of(new ColumnChange("name_len", ColumnAction.DROP_DEFAULT, null))));
    assertEquals("42703", e.sqlState());
  }

  @Test
  void alterColumnStatementsAreParsed() {
    assertEquals(new StatementDetail.AlterColumnConstraints("p", List.of(
            new ColumnChange("score", ColumnAction.SET_DEFAULT, "CAST('7' AS INTEGER) + 1"),
            new ColumnChange("name", ColumnAction.DROP_NOT_NULL, null))),
        PgToSqlite.translate("ALTER TABLE public.p ALTER COLUMN score SET DEFAULT '7'::int + 1,"
            + " ALTER name DROP NOT NULL").detail());
    assertEquals(new StatementDetail.AlterColumnConstraints("p", List.of(
            new ColumnChange("at", ColumnAction.SET_DEFAULT, "kq_at_time_zone(now(), 'utc')"))),
        PgToSqlite.translate("alter table p alter at set default now() at time zone 'utc'").detail());
  }
}
