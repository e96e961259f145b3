package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Named VALUES columns: the shape, and PostgreSQL's answers (PostgreSQL 15) from a real SQLite. */
class ValuesAliasRewriterTest {

  private static String sqlite(String pg) {
    return PgToSqlite.translate(pg).sqliteSql();
  }

  private static String run(String... pgStatements) {
    assumeTrue(SqliteCli.available(), "sqlite3 shell not installed");
    StringBuilder script = new StringBuilder();
    for (String pg : pgStatements) {
      script.append(sqlite(pg)).append(";\n");
    }
    return SqliteCli.run(script.toString());
  }

  @Test
  void namesTheColumnsOfAValuesTable() {
    assertEquals("SELECT * FROM (SELECT column1 AS \"a\", column2 AS \"b\" FROM (VALUES (1, 'x'), (2, 'y'))) AS s",
        sqlite("SELECT * FROM (VALUES (1, 'x'), (2, 'y')) AS s(a, b)"));
    assertEquals("SELECT s.column2 FROM (SELECT column1 AS \"a\", column2, column3 FROM (VALUES (f(1, 2), 'x', 3))) s",
        sqlite("SELECT s.column2 FROM (VALUES (f(1, 2), 'x', 3)) s (a)"));
  }

  @Test
  void moreNamesThanColumnsIsPostgresError() {
    SqlTranslationException e = org.junit.jupiter.api.Assertions.assertThrows(SqlTranslationException.class,
        () -> sqlite("SELECT * FROM (VALUES (1, 2)) AS v (a, b, c)"));
    assertEquals("42P10", e.sqlState());
    assertEquals("table \"v\" has 2 columns available but 3 columns specified", e.getMessage());
  }

  @Test
  void leavesOtherParenthesesAlone() {
    String in = "SELECT * FROM t WHERE a IN (VALUES (1), (2)) AND (b > 0)";
    assertEquals(in, sqlite(in));
    String insert = "INSERT INTO t (a, b) VALUES (1, 2)";
    assertEquals(insert, sqlite(insert));
  }

  @Test
  void bulkUpdateFromNamedValuesGivesPostgresResult() {
    assertEquals("1|one\n2|TWO\n3|THREE\n", run(
        "CREATE TABLE t (id int PRIMARY KEY, name text)",
        "INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')",
        "UPDATE t SET name = v.name FROM (VALUES (2, 'TWO'), (3, 'THREE')) AS v (id, name) WHERE t.id = v.id",
        "SELECT id, name FROM t ORDER BY id"));
    assertEquals("2|b|c\n", run("SELECT * FROM (VALUES (2, 'b', 'c')) AS v (n, \"Mixed Case\")"));
  }
}
