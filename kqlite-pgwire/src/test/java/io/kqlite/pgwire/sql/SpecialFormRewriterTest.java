package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpecialFormRewriterTest {

  private static String sql(String pg) {
    return PgToSqlite.translate(pg).sqliteSql();
  }

  @Test
  void positionBecomesStrpos() {
    assertEquals("SELECT strpos(name, '/') FROM t", sql("SELECT position('/' IN name) FROM t"));
    assertEquals("SELECT strpos('xxab', ('a' || 'b'))", sql("SELECT POSITION(('a' || 'b') in 'xxab')"));
  }

  @Test
  void extractBecomesDatePart() {
    assertEquals("SELECT date_part('year', at) FROM t", sql("SELECT extract(YEAR FROM at) FROM t"));
    assertEquals("SELECT date_part('day', (now()))", sql("SELECT extract('day' from current_timestamp)"));
  }

  /** Columns or tables called position or extract, and calls without the keyword, stay. */
  @Test
  void leavesOtherUsesAlone() {
    assertEquals("SELECT t.position(x IN y), position FROM t", sql("SELECT t.position(x IN y), position FROM t"));
    assertEquals("SELECT extract(a, b)", sql("SELECT extract(a, b)"));
  }
}
