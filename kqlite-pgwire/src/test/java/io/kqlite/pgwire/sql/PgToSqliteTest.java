package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgToSqliteTest {

  static String sqlite(String pgSql) {
    return PgToSqlite.translate(pgSql).sqliteSql();
  }

  static SqlTranslationException rejected(String pgSql) {
    return assertThrows(SqlTranslationException.class, () -> PgToSqlite.translate(pgSql));
  }

  @Test
  void parametersBecomeNumberedSqliteParameters() {
    TranslatedStatement t = PgToSqlite.translate("SELECT * FROM t WHERE a = $1 AND b > $2 OR a = $1");
    assertEquals("SELECT * FROM t WHERE a = ?1 AND b > ?2 OR a = ?1", t.sqliteSql());
    assertEquals(2, t.parameterCount());
  }

  @Test
  void parameterCountIsTheHighestNumberEvenWithGaps() {
    assertEquals(3, PgToSqlite.translate("SELECT $3, $1").parameterCount());
    assertEquals(0, PgToSqlite.translate("SELECT 1").parameterCount());
  }

  @Test
  void dollarsInsideStringsCommentsAndIdentifiersStay() {
    assertEquals("SELECT '$1', \"$2\", a$3 /* $4 */ FROM t -- $6\nWHERE x = ?5",
        sqlite("SELECT '$1', \"$2\", a$3 /* $4 */ FROM t -- $6\nWHERE x = $5"));
    assertEquals(5, PgToSqlite.translate("SELECT '$1', \"$2\", a$3 /* $4 */ FROM t WHERE x = $5 -- $6").parameterCount());
    assertEquals("SELECT '$1 is '' here', ?1", sqlite("SELECT $$$1 is ' here$$, $1"));
  }

  @Test
  void invalidParameterNumbers() {
    assertEquals("42P02", rejected("SELECT $0").sqlState());
    assertEquals("42P02", rejected("SELECT $65536").sqlState());
    assertEquals("42P02", rejected("SELECT $99999999999999999999").sqlState());
    assertEquals(65535, PgToSqlite.translate("SELECT $65535").parameterCount());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "SELECT E'a\\'b\\n'                       | ~SELECT 'a''b\n'~",
    "SELECT U&'d\\0061ta', N'x', B'101'      | SELECT 'data', 'x', B'101'",
    "SELECT $tag$it's$tag$                   | SELECT 'it''s'",
    "SELECT U&\"d\\0061ta\" FROM t           | SELECT \"data\" FROM t",
    "SELECT * FROM t WHERE a ILIKE 'x%'      | SELECT * FROM t WHERE lower(a) LIKE lower('x%')",
    "SELECT * FROM t WHERE a NOT ILIKE $1    | SELECT * FROM t WHERE lower(a) NOT LIKE lower(?1)",
    "SELECT * FROM t WHERE (a) ILIKE 'x'     | SELECT * FROM t WHERE lower((a)) LIKE lower('x')",
    "SELECT * FROM t WHERE a LIKE 'X%'       | SELECT * FROM t WHERE a LIKE 'X%'",
    "SELECT * FROM t LIMIT ALL               | SELECT * FROM t",
    "SELECT * FROM t LIMIT ALL OFFSET 5      | SELECT * FROM t LIMIT -1 OFFSET 5",
    "SELECT * FROM t LIMIT 10                | SELECT * FROM t LIMIT 10",
    "SELECT * FROM t WHERE id <> ALL($1) AND v != ALL(SELECT x FROM u) | SELECT * FROM t WHERE NOT kq_array_contains((?1), id) AND v NOT IN(SELECT x FROM u)",
    "SELECT json_build_object('a', 1), jsonb_agg(x) FROM t | SELECT json_object('a', 1), json_group_array(x) FROM t",
    "SELECT (SELECT 1) AS DEFAULT, 2 AS order, 3 AS x FROM t | SELECT (SELECT 1) AS \"default\", 2 AS \"order\", 3 AS x FROM t",
    "SELECT CAST(a AS text) AS \"table\" FROM t             | SELECT CAST(a AS text) AS \"table\" FROM t",
    "SELECT * FROM t ORDER BY name COLLATE \"C\"            | SELECT * FROM t ORDER BY name COLLATE BINARY",
    "SELECT * FROM t ORDER BY name COLLATE pg_catalog.\"POSIX\" | SELECT * FROM t ORDER BY name COLLATE BINARY",
    "SELECT a COLLATE pg_catalog.default FROM t             | SELECT a FROM t",
    "SELECT a COLLATE \"en_US\" FROM t                      | SELECT a COLLATE \"en_US\" FROM t",
    "TABLE t                                 | SELECT * FROM t",
    "TABLE ONLY s.t                          | SELECT * FROM s.t",
    "SELECT TRUE, FALSE, NULL                | SELECT TRUE, FALSE, NULL",
    "INSERT INTO t VALUES ($1) ON CONFLICT (id) DO NOTHING RETURNING id | INSERT INTO t VALUES (?1) ON CONFLICT (id) DO NOTHING RETURNING id",
    "  select 1 ;  -- done                   | select 1",
    "/* lead */ select 1 /* mid */ + 2       | select 1 /* mid */ + 2",
  })
  void rewritesExpressions(String pgSql, String expected) {
    assertEquals(expected, sqlite(pgSql));
  }

  @Test
  void escapedNulIsRejectedLikePostgres() {
    assertError("22021", "invalid byte sequence for encoding \"UTF8\": 0x00", "SELECT E'a\\0b'");
  }

  @Test
  void emptyStatements() {
    for (String sql : new String[] {"", ";", "  -- c\n", "/* x */ ;"}) {
      TranslatedStatement t = PgToSqlite.translate(sql);
      assertEquals(StatementKind.EMPTY, t.kind());
      assertEquals("", t.sqliteSql());
      assertEquals("", t.commandTag(0));
      assertFalse(t.returnsRows());
    }
  }

  @Test
  void commandTags() {
    assertEquals("INSERT 0 2", PgToSqlite.translate("INSERT INTO t VALUES (1), (2)").commandTag(2));
    assertEquals("UPDATE 0", PgToSqlite.translate("UPDATE t SET a = 1").commandTag(0));
    assertEquals("DELETE 7", PgToSqlite.translate("DELETE FROM t").commandTag(7));
    assertEquals("SELECT 1", PgToSqlite.translate("VALUES (1)").commandTag(1));
    assertEquals("SELECT 4", PgToSqlite.translate("CREATE TABLE u AS SELECT * FROM t").commandTag(4));
    assertEquals("INSERT 0 1", PgToSqlite.translate("WITH a AS (SELECT 1) INSERT INTO t SELECT * FROM a").commandTag(1));
    assertEquals("CREATE TABLE", PgToSqlite.translate("CREATE TABLE t (a int)").commandTag(0));
    assertEquals("SET", PgToSqlite.translate("SET a = 1").commandTag(0));
    assertEquals("RESET", PgToSqlite.translate("RESET a").commandTag(0));
    assertEquals("SHOW", PgToSqlite.translate("SHOW a").commandTag(1));
    assertEquals("START TRANSACTION", PgToSqlite.translate("START TRANSACTION").commandTag(0));
  }

  @Test
  void returnsRowsOnlyForTopLevelReturning() {
    assertTrue(PgToSqlite.translate("DELETE FROM t RETURNING *").returnsRows());
    assertFalse(PgToSqlite.translate("DELETE FROM t WHERE id IN (SELECT id FROM u)").returnsRows());
    assertFalse(PgToSqlite.translate("CREATE TABLE t (returning int)").returnsRows());
    assertTrue(PgToSqlite.translate("SELECT 1").returnsRows());
    assertTrue(PgToSqlite.translate("SHOW ALL").returnsRows());
    assertFalse(PgToSqlite.translate("BEGIN").returnsRows());
  }

  @Test
  void nonSqlKindsHaveNoSqliteText() {
    for (String sql : new String[] {"SET a = 1", "SHOW a", "DISCARD ALL", "VACUUM", "CREATE DATABASE d", "DROP DATABASE d"}) {
      assertEquals("", sqlite(sql), sql);
    }
  }

  @Test
  void unterminatedTokensAreSyntaxErrors() {
    assertError("42601", "unterminated quoted string at or near \"'abc\"", "SELECT 'abc");
    assertError("42601", "unterminated quoted string at or near \"E'abc\\'\"", "SELECT E'abc\\'");
    assertError("42601", "unterminated quoted identifier at or near \"\"abc\"", "SELECT \"abc");
    assertError("42601", "unterminated /* comment at or near \"/* abc\"", "SELECT 1 /* abc");
    assertError("42601", "unterminated dollar-quoted string at or near \"$$abc\"", "SELECT $$abc");
    assertError("42601", "unterminated /* comment at or near \"/* only\"", "/* only");
  }

  @Test
  void severalStatementsAreRejected() {
    assertError("42601", "cannot insert multiple commands into a prepared statement", "SELECT 1; SELECT 2");
    assertEquals("SELECT 1", sqlite("SELECT 1;;"));
  }

  @Test
  void unsupportedStatementsNameTheCommand() {
    assertError("0A000", "WITH GRANT OPTION is not supported", "GRANT ALL ON t TO u WITH GRANT OPTION");
    assertError("0A000", "CREATE FUNCTION is not supported", "CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql");
    assertError("0A000", "ALTER SEQUENCE other than AS bigint is not supported", "ALTER SEQUENCE s RESTART");
    assertError("0A000", "SELECT INTO is not supported", "SELECT * INTO t2 FROM t");
    assertError("0A000", "data-modifying statements in WITH are not supported",
        "WITH x AS (INSERT INTO t DEFAULT VALUES RETURNING id) SELECT * FROM x");
    assertError("0A000", "TRUNCATE … RESTART IDENTITY is not supported",
        "TRUNCATE t RESTART IDENTITY");
    assertError("42601", "syntax error at or near \"SELEC\"", "SELEC 1");
  }

  @Test
  void translationIsCacheableImmutableValue() {
    TranslatedStatement a = PgToSqlite.translate("SELECT $1::int");
    TranslatedStatement b = PgToSqlite.translate("SELECT $1::int");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNull(a.detail());
    assertSame(StatementKind.QUERY, a.kind());
  }

  private static void assertError(String sqlState, String message, String sql) {
    SqlTranslationException e = rejected(sql);
    assertEquals(sqlState, e.sqlState(), sql);
    assertEquals(message, e.getMessage(), sql);
  }
}
