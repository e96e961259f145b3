package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpecialFormRewriterTest {

  private static String sql(String pg) {
    return PgToSqlite.translate(pg).sqliteSql();
  }

  @Test
  void positionTakesItsArgumentsWithAComma() {
    assertEquals("SELECT position(name, '/') FROM t", sql("SELECT position('/' IN name) FROM t"));
    assertEquals("SELECT position('xxab', ('a' || 'b'))", sql("SELECT POSITION(('a' || 'b') in 'xxab')"));
  }

  @Test
  void extractTakesItsFieldAsText() {
    assertEquals("SELECT extract('year', at) FROM t", sql("SELECT extract(YEAR FROM at) FROM t"));
    assertEquals("SELECT extract('day', (now()))", sql("SELECT extract('day' from current_timestamp)"));
  }

  @Test
  void substringFromForBecomesArguments() {
    assertEquals("SELECT substring(name, 2, 3) FROM t", sql("SELECT substring(name FROM 2 FOR 3) FROM t"));
    assertEquals("SELECT substring(name, length(x) + 1) FROM t", sql("SELECT substring(name from length(x) + 1) FROM t"));
    assertEquals("SELECT substring(name, 1, 4)", sql("SELECT SUBSTRING(name FOR 4)"));
    assertEquals("SELECT substring(name, 2, 3)", sql("SELECT substring(name, 2, 3)"));
  }

  /** Columns or tables called position or extract, and calls without the keyword, stay. */
  @Test
  void leavesOtherUsesAlone() {
    assertEquals("SELECT t.position(x IN y), position FROM t", sql("SELECT t.position(x IN y), position FROM t"));
    assertEquals("SELECT extract(a, b)", sql("SELECT extract(a, b)"));
  }
}
