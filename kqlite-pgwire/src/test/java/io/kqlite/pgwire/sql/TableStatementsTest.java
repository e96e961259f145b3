package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pgbench -i statements SQLite cannot take as they are. */
class TableStatementsTest {

  private static StatementDetail detail(String sql) {
    TranslatedStatement t = PgToSqlite.translate(sql);
    assertEquals(StatementKind.WRITE, t.kind());
    return t.detail();
  }

  @Test
  void dropOfSeveralTablesIsOneDropEach() {
    assertEquals(new StatementDetail.Script(List.of("DROP TABLE IF EXISTS pgbench_accounts",
            "DROP TABLE IF EXISTS pgbench_branches", "DROP TABLE IF EXISTS \"Hist\"")),
        detail("drop table if exists pgbench_accounts, pgbench_branches, \"Hist\" cascade"));
    assertEquals("DROP TABLE", PgToSqlite.translate("DROP TABLE a, b").commandTag(0));
    assertEquals(new StatementDetail.Script(List.of("DROP TABLE IF EXISTS acct")),
        detail("DROP TABLE IF EXISTS acct CASCADE"));
    assertEquals(new StatementDetail.Script(List.of("DROP VIEW v")), detail("drop view v restrict"));
  }

  @Test
  void truncateIsDeleteOfEachTable() {
    assertEquals(new StatementDetail.Script(List.of("DELETE FROM pgbench_accounts", "DELETE FROM s.t")),
        detail("truncate table pgbench_accounts, ONLY s.t * CONTINUE IDENTITY RESTRICT"));
    assertEquals("TRUNCATE TABLE", PgToSqlite.translate("TRUNCATE t").commandTag(0));
  }

  @Test
  void addPrimaryKeyNamesTheConstraintLikePostgres() {
    assertEquals(new StatementDetail.AddPrimaryKey("pgbench_branches", "pgbench_branches_pkey", List.of("bid")),
        detail("alter table pgbench_branches add primary key (bid)"));
    assertEquals(new StatementDetail.AddPrimaryKey("t", "k", List.of("a", "b")),
        detail("ALTER TABLE IF EXISTS ONLY public.t ADD CONSTRAINT k PRIMARY KEY (a, b)"));
  }

  @Test
  void alterColumnTypesAreCollectedForTheSession() {
    assertEquals(new StatementDetail.AlterColumnTypes("kine", List.of(
            new StatementDetail.ColumnType("id", "BIGINT"),
            new StatementDetail.ColumnType("prev_revision", "BIGINT"))),
        detail("ALTER TABLE kine ALTER COLUMN id SET DATA TYPE BIGINT, ALTER prev_revision TYPE BIGINT"));
    assertEquals(new StatementDetail.AlterColumnTypes("kine", List.of(
            new StatementDetail.ColumnType("name", "TEXT"))),
        detail("ALTER TABLE kine ALTER COLUMN name SET DATA TYPE TEXT COLLATE \"C\" USING name::TEXT COLLATE \"C\""));
    assertEquals(new StatementDetail.AlterColumnTypes("t", List.of(
            new StatementDetail.ColumnType("v", "varchar(10)"))),
        detail("alter table only t alter column v type varchar(10)"));
    assertEquals(null, detail("ALTER TABLE t ALTER COLUMN v TYPE int, ADD COLUMN w int"));
  }

  @Test
  void otherAlterTablesGoToSqliteUnchanged() {
    TranslatedStatement t = PgToSqlite.translate("ALTER TABLE t ADD COLUMN c int");
    assertEquals(null, t.detail());
    assertEquals("ALTER TABLE t ADD COLUMN c int", t.sqliteSql());
  }

  @Test
  void rebuildAddsTheKeyAndRestoresIndexes() {
    List<String> script = TableRebuild.addPrimaryKey("acc",
        "CREATE TABLE acc(aid int not null, bid int, filler char(84))",
        List.of("CREATE INDEX acc_bid ON acc (bid)"), "acc_pkey", List.of("aid"));
    assertEquals(List.of(
        "CREATE TABLE \"kqlite_rebuild_acc\"(aid int not null, bid int, filler char(84), "
            + "CONSTRAINT \"acc_pkey\" PRIMARY KEY (\"aid\"))",
        "INSERT INTO \"kqlite_rebuild_acc\" SELECT * FROM \"acc\"",
        "DROP TABLE \"acc\"",
        "ALTER TABLE \"kqlite_rebuild_acc\" RENAME TO \"acc\"",
        "CREATE INDEX acc_bid ON acc (bid)"), script);
  }

  @Test
  void keyColumnsBecomeNotNullAsInPostgres() {
    List<String> script = TableRebuild.addPrimaryKey("t",
        "CREATE TABLE t (a int, \"B\" numeric(10, 2) DEFAULT 0, c text NOT NULL, CHECK (a > 0))",
        List.of(), "t_pkey", List.of("a", "B", "c"));
    assertEquals("CREATE TABLE \"kqlite_rebuild_t\"(a int NOT NULL, \"B\" numeric(10, 2) DEFAULT 0 NOT NULL, "
        + "c text NOT NULL, CHECK (a > 0), CONSTRAINT \"t_pkey\" PRIMARY KEY (\"a\", \"B\", \"c\"))",
        script.get(0));
  }

  @Test
  void aSecondPrimaryKeyIsRefused() {
    SqlTranslationException e = assertThrows(SqlTranslationException.class, () -> TableRebuild.addPrimaryKey(
        "t", "CREATE TABLE t (id int PRIMARY KEY, v int)", List.of(), "t_pkey", List.of("v")));
    assertEquals("42P16", e.sqlState());
    assertEquals("multiple primary keys for table \"t\" are not allowed", e.getMessage());
  }

  @Test
  void restartIdentityIsNotSupported() {
    SqlTranslationException e = assertThrows(SqlTranslationException.class,
        () -> PgToSqlite.translate("TRUNCATE t RESTART IDENTITY"));
    assertEquals("0A000", e.sqlState());
  }
}
