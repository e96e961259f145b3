package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** DISTINCT ON → ROW_NUMBER() window: the shape, and PostgreSQL's answers from a real SQLite. */
class DistinctOnRewriterTest {

  /** kine v0.14's list query (keys + value), as it reaches the server (collapsed here). */
  static final String KINE_LIST = "SELECT (SELECT MAX(rkv.id) AS id FROM kine AS rkv), (SELECT MAX(crkv.prev_revision)"
      + " AS prev_revision FROM kine AS crkv WHERE crkv.name = 'compact_rev_key'), maxkv.* FROM ( SELECT DISTINCT ON"
      + " (name) kv.id AS theid, kv.name, kv.created, kv.deleted, kv.create_revision, kv.prev_revision, kv.lease,"
      + " kv.value FROM kine AS kv WHERE kv.name LIKE $1 ESCAPE '^' AND kv.name >= $2 ORDER BY kv.name, theid DESC )"
      + " AS maxkv WHERE maxkv.deleted = 0 OR $3 ORDER BY maxkv.name, maxkv.theid DESC";

  private static final String DATA = String.join(";\n",
      "CREATE TABLE kine (id BIGSERIAL PRIMARY KEY, name text COLLATE \"C\", created INTEGER, deleted INTEGER,"
          + " create_revision BIGINT, prev_revision BIGINT, lease INTEGER, value bytea, old_value bytea)",
      "INSERT INTO kine (name, created, deleted, create_revision, prev_revision, lease, value) VALUES"
          + " ('compact_rev_key', 0, 0, 0, 0, 0, ''), ('/r/a', 1, 0, 0, 0, 0, 'a1'), ('/r/b', 1, 0, 0, 0, 0, 'b1'),"
          + " ('/r/a', 0, 0, 2, 2, 0, 'a2'), ('/r/b', 0, 1, 3, 3, 0, NULL), ('/r/A_x', 1, 0, 0, 0, 0, 'x'),"
          + " ('/r/c', 1, 0, 0, 0, 0, 'c1'), ('/s/a', 1, 0, 0, 0, 0, 's')");

  private static String run(String pgQuery, String... parameters) {
    assumeTrue(SqliteCli.available(), "sqlite3 shell not installed");
    StringBuilder script = new StringBuilder();
    for (String pg : DATA.split(";\n")) {
      script.append(PgToSqlite.translate(pg).sqliteSql()).append(";\n");
    }
    script.append("PRAGMA case_sensitive_like = 1;\n.parameter init\n");
    for (int i = 0; i < parameters.length; i++) {
      script.append(".parameter set ?").append(i + 1).append(' ').append(parameters[i]).append('\n');
    }
    return SqliteCli.run(script + PgToSqlite.translate(pgQuery).sqliteSql() + ";\n");
  }

  @Test
  void rewritesToAWindowKeepingOutputNames() {
    assertEquals("SELECT kq_c1_ AS \"a\", kq_c2_ AS \"x\" FROM (SELECT a AS kq_c1_, b AS kq_c2_,"
        + " ROW_NUMBER() OVER (PARTITION BY (a) ORDER BY (a) ASC NULLS LAST, c DESC NULLS FIRST) AS kq_rn_,"
        + " (a) AS kq_o1_, c AS kq_o2_ FROM t WHERE c > 0) WHERE kq_rn_ = 1"
        + " ORDER BY kq_o1_ ASC NULLS LAST, kq_o2_ DESC NULLS FIRST LIMIT 5",
        PgToSqlite.translate("SELECT DISTINCT ON (a) a, b AS x FROM t WHERE c > 0 ORDER BY a, c DESC LIMIT 5")
            .sqliteSql());
  }

  @Test
  void kineListKeepsTheNewestRowOfEachKey() {
    assertEquals("8|0|6|/r/A_x|1|0|0|0|0|x\n8|0|4|/r/a|0|0|2|2|0|a2\n8|0|7|/r/c|1|0|0|0|0|c1\n",
        run(KINE_LIST.replace("kv.value FROM", "CAST(kv.value AS text) FROM"), "'/r/%'", "'/r/'", "0"));
    assertEquals("8|0|6|/r/A_x|1|0|0|0|0|x\n8|0|4|/r/a|0|0|2|2|0|a2\n8|0|5|/r/b|0|1|3|3|0|\n8|0|7|/r/c|1|0|0|0|0|c1\n",
        run(KINE_LIST.replace("kv.value FROM", "CAST(kv.value AS text) FROM"), "'/r/%'", "'/r/'", "1"));
  }

  @Test
  void likeWithCaretEscapeIsCaseSensitiveAndLiteral() {
    assertEquals("/r/A_x\n", run("SELECT name FROM kine WHERE name LIKE $1 ESCAPE '^'", "'/r/A^_%'"));
    assertEquals("", run("SELECT name FROM kine WHERE name LIKE $1 ESCAPE '^'", "'/r/a^_%'"));
    assertEquals("/r/A_x\n", run("SELECT name FROM kine WHERE name LIKE $1 ESCAPE '\\'", "'/r/A\\_%'"));
  }

  @Test
  void kineCountCountsLiveKeys() {
    String count = "SELECT (SELECT MAX(rkv.id) AS id FROM kine AS rkv), COUNT(c.theid) FROM ( SELECT DISTINCT ON (name)"
        + " kv.id AS theid, kv.deleted FROM kine AS kv WHERE kv.name LIKE $1 ESCAPE '^' AND kv.name >= $2"
        + " ORDER BY kv.name, theid DESC ) AS c WHERE c.deleted = 0 OR $3";
    assertEquals("8|3\n", run(count, "'/r/%'", "'/r/'", "0"));
    assertEquals("8|4\n", run(count, "'/r/%'", "'/r/'", "1"));
  }

  @Test
  void ordinalsFunctionNamesAndNullsFollowPostgres() {
    assertEquals("/r/A_x|6\n/r/a|4\n/r/b|5\n/r/c|7\n",
        run("SELECT DISTINCT ON (1) name, id FROM kine WHERE name LIKE '/r/%' ORDER BY 1, 2 DESC"));
    assertEquals("|/r/b\n",
        run("SELECT DISTINCT ON (created) CAST(value AS text), name FROM kine WHERE created = 0 ORDER BY created, value"
            + " DESC LIMIT 1"));
  }

  @Test
  void refusesWhatItCannotTranslate() {
    assertEquals("0A000", assertThrows(SqlTranslationException.class,
        () -> PgToSqlite.translate("SELECT DISTINCT ON (a) * FROM t ORDER BY a")).sqlState());
    assertEquals("42P10", assertThrows(SqlTranslationException.class,
        () -> PgToSqlite.translate("SELECT DISTINCT ON (a) a, b FROM t ORDER BY b, a")).sqlState());
    assertEquals("0A000", assertThrows(SqlTranslationException.class,
        () -> PgToSqlite.translate("SELECT DISTINCT ON (a) a FROM t UNION SELECT 1")).sqlState());
  }
}
