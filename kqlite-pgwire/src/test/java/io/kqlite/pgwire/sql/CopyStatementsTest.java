package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Error codes and texts as PostgreSQL 15 answers them. */
class CopyStatementsTest {

  private static StatementDetail.Copy copy(String sql) {
    TranslatedStatement t = PgToSqlite.translate(sql);
    assertEquals(StatementKind.COPY, t.kind());
    assertEquals("COPY 7", t.commandTag(7));
    return (StatementDetail.Copy) t.detail();
  }

  private static void assertError(String state, String message, String sql) {
    SqlTranslationException e = assertThrows(SqlTranslationException.class, () -> PgToSqlite.translate(sql));
    assertEquals(state, e.sqlState());
    assertEquals(message, e.getMessage());
  }

  @Test
  void pgbenchCopy() {
    StatementDetail.Copy c = copy("copy pgbench_accounts from stdin with (freeze on)");
    assertTrue(c.from());
    assertEquals("pgbench_accounts", c.table());
    assertEquals(List.of(), c.columns());
    assertEquals(CopyOptions.text(), c.options());
  }

  @Test
  void optionListWithColumns() {
    StatementDetail.Copy c = copy("COPY public.\"T\" (a, \"B\") FROM STDIN WITH (FORMAT csv, HEADER true, "
        + "DELIMITER ';', NULL 'NULL', QUOTE '''', ESCAPE '\\', FORCE_NOT_NULL (a))");
    assertEquals("public.\"T\"", c.table());
    assertEquals(List.of("a", "B"), c.columns());
    assertEquals(new CopyOptions(true, ';', "NULL", true, '\'', '\\', List.of(), false), c.options());
  }

  @Test
  void legacyOptionsAsPsqlSendsThem() {
    StatementDetail.Copy c = copy("COPY t FROM STDIN csv header");
    assertEquals(new CopyOptions(true, ',', "", true, '"', '"', List.of(), false), c.options());
    c = copy("COPY t TO STDOUT WITH DELIMITER AS '|' NULL AS '' CSV QUOTE AS '\"' FORCE QUOTE *");
    assertFalse(c.from());
    assertEquals(new CopyOptions(true, '|', "", false, '"', '"', List.of("*"), false), c.options());
  }

  @Test
  void queryToStdout() {
    StatementDetail.Copy c = copy("COPY (SELECT a, 'x)' FROM t WHERE (a > 1)) TO STDOUT (FORMAT csv)");
    assertNull(c.table());
    assertEquals("SELECT a, 'x)' FROM t WHERE (a > 1)", c.query());
  }

  @Test
  void rejectionsMatchPostgres() {
    assertError("22023", "COPY format \"xml\" not recognized", "COPY t FROM STDIN (FORMAT xml)");
    assertError("22023", "COPY delimiter must be a single one-byte character",
        "COPY t FROM STDIN (DELIMITER '||')");
    assertError("0A000", "COPY quote available only in CSV mode", "COPY t FROM STDIN (QUOTE '''')");
    assertError("22023", "COPY delimiter and quote must be different",
        "COPY t FROM STDIN (FORMAT csv, DELIMITER '\"')");
    assertError("42601", "option \"bogus\" not recognized", "COPY t FROM STDIN (BOGUS 1)");
    assertError("42601", "syntax error at or near \"FROM\"", "COPY (SELECT 1) FROM STDIN");
    assertError("0A000", "COPY FROM a file or program is not supported; use COPY FROM STDIN (psql: \\copy)",
        "COPY t FROM '/etc/passwd'");
    assertError("0A000", "COPY FROM … WHERE is not supported", "COPY t FROM STDIN WHERE a > 1");
  }

  @Test
  void binaryFormatIsReadInBothSyntaxes() {
    org.junit.jupiter.api.Assertions.assertTrue(copy("COPY t FROM STDIN BINARY").options().binary());
    org.junit.jupiter.api.Assertions.assertTrue(copy("COPY t (a, b) FROM STDIN (FORMAT binary)").options().binary());
    org.junit.jupiter.api.Assertions.assertFalse(copy("COPY t FROM STDIN").options().binary());
  }
}
