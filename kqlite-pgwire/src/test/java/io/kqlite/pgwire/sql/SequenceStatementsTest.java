package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SequenceStatementsTest {

  private static String sqlite(String pg) {
    TranslatedStatement t = PgToSqlite.translate(pg);
    return t.detail() instanceof StatementDetail.Script s ? s.sqliteStatements().get(0) : t.sqliteSql();
  }

  @Test
  void createPassesEveryOptionToTheStore() {
    assertEquals("SELECT kq_create_sequence('s', 0, NULL, NULL, NULL, NULL, NULL, NULL, 0)", sqlite("CREATE SEQUENCE s"));
    assertEquals("SELECT kq_create_sequence('Big', 1, 'integer', 100, -2, -1000, -1, 20, 1)",
        sqlite("create sequence if not exists public.\"Big\" as int4 increment by -2 minvalue -1000 maxvalue -1"
            + " start with 100 cache 20 cycle owned by t.id"));
    assertEquals("SELECT kq_create_sequence('s', 0, NULL, 5, 3, NULL, NULL, NULL, 0)",
        sqlite("CREATE SEQUENCE s INCREMENT 3 NO MINVALUE NO MAXVALUE START 5 NO CYCLE OWNED BY NONE;"));
    assertEquals("CREATE SEQUENCE", PgToSqlite.translate("CREATE SEQUENCE s").commandTag(0));
  }

  @Test
  void alterToBigintOnlyChecksTheSequenceExists() {
    assertEquals("SELECT kq_sequence_exists('kine_id_seq')", sqlite("ALTER SEQUENCE kine_id_seq AS BIGINT"));
    assertEquals("SELECT 1", sqlite("alter sequence if exists public.s as int8"));
    assertEquals("ALTER SEQUENCE", PgToSqlite.translate("ALTER SEQUENCE s AS bigint").commandTag(0));
    org.junit.jupiter.api.Assertions.assertThrows(SqlTranslationException.class,
        () -> sqlite("ALTER SEQUENCE s RESTART WITH 5"));
    org.junit.jupiter.api.Assertions.assertThrows(SqlTranslationException.class,
        () -> sqlite("ALTER SEQUENCE s AS integer"));
  }

  @Test
  void dropCallsTheStoreForEachName() {
    assertEquals("SELECT kq_drop_sequence('a', 1), kq_drop_sequence('b', 1)",
        sqlite("DROP SEQUENCE IF EXISTS a, b CASCADE"));
    assertEquals("DROP SEQUENCE", PgToSqlite.translate("DROP SEQUENCE a").commandTag(0));
  }

  @Test
  void nextvalMakesASelectAWrite() {
    assertEquals(StatementKind.WRITE, PgToSqlite.translate("SELECT nextval('s')").kind());
    assertEquals(StatementKind.WRITE, PgToSqlite.translate("select pg_catalog.setval('s', 5, false)").kind());
    assertEquals(StatementKind.QUERY, PgToSqlite.translate("SELECT currval('s')").kind());
    assertEquals("SELECT nextval('s')", sqlite("SELECT nextval('s'::regclass)"));
    assertEquals("CREATE TABLE t (id bigint DEFAULT (nextval('s')))",
        sqlite("CREATE TABLE t (id bigint DEFAULT nextval('s'::regclass))"));
  }

  @Test
  void refusesWhatPostgresRefuses() {
    assertEquals("42601", assertThrows(SqlTranslationException.class,
        () -> sqlite("CREATE SEQUENCE s INCREMENT BY x")).sqlState());
    assertEquals("3F000", assertThrows(SqlTranslationException.class,
        () -> sqlite("CREATE SEQUENCE other.s")).sqlState());
    assertEquals("0A000", assertThrows(SqlTranslationException.class,
        () -> sqlite("CREATE TEMP SEQUENCE s")).sqlState());
  }
}
