package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlSplitterTest {

  @ParameterizedTest
  @ValueSource(strings = {"", ";", " ; ; ", "  -- c\n", "/* only */", "-- ping", "\n\t"})
  void emptyQueriesGiveAnEmptyList(String sql) {
    assertEquals(List.of(), SqlSplitter.split(sql));
  }

  @Test
  void splitsAtTopLevelSemicolons() {
    assertEquals(List.of("select 1", "select 2"), SqlSplitter.split("select 1; select 2"));
    assertEquals(List.of("select 1"), SqlSplitter.split("select 1;"));
    assertEquals(List.of("select 1", "select 2"), SqlSplitter.split(" select 1 ;; ;select 2 ; "));
  }

  @Test
  void ignoresSemicolonsInsideStringsIdentifiersAndComments() {
    assertEquals(List.of("select ';', \"a;b\", E'\\';'", "select 2"),
        SqlSplitter.split("select ';', \"a;b\", E'\\';'; select 2"));
    assertEquals(List.of("select $$;$$, $f$ ; $$ ; $f$", "x"),
        SqlSplitter.split("select $$;$$, $f$ ; $$ ; $f$; x"));
    assertEquals(List.of("select 1 /* ; /* ; */ ; */", "select 2 -- ;"),
        SqlSplitter.split("select 1 /* ; /* ; */ ; */; select 2 -- ;"));
  }

  @Test
  void keepsCommentsButDropsCommentOnlyStatements() {
    assertEquals(List.of("-- ping\nselect 1"), SqlSplitter.split("-- ping\nselect 1;\n-- bye\n"));
    assertEquals(List.of("select 1"), SqlSplitter.split("/* a */; select 1; -- b"));
  }

  @Test
  void doesNotSplitInsideParentheses() {
    assertEquals(List.of("select (1; 2)", "select 3"), SqlSplitter.split("select (1; 2); select 3"));
  }

  @Test
  void keepsRoutineAndTriggerBodiesWhole() {
    String trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN "
        + "UPDATE b SET n = CASE WHEN n > 0 THEN n + 1 ELSE 1 END; INSERT INTO c VALUES (1); END";
    assertEquals(List.of(trigger, "select 1"), SqlSplitter.split(trigger + "; select 1"));
    String atomic = "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END";
    assertEquals(List.of(atomic, "BEGIN", "COMMIT"), SqlSplitter.split(atomic + ";BEGIN;COMMIT;"));
  }

  @Test
  void transactionBeginIsNotABlock() {
    assertEquals(List.of("BEGIN", "INSERT INTO t VALUES (1)", "END"),
        SqlSplitter.split("BEGIN; INSERT INTO t VALUES (1); END;"));
    assertEquals(List.of("CREATE TABLE t (begin int, \"end\" int)", "select 1"),
        SqlSplitter.split("CREATE TABLE t (begin int, \"end\" int); select 1"));
  }

  @Test
  void unterminatedStringSwallowsTheRest() {
    assertEquals(List.of("select 1", "select 'a; select 2"), SqlSplitter.split("select 1; select 'a; select 2"));
    assertEquals(List.of("/* open"), SqlSplitter.split("/* open"));
  }
}
