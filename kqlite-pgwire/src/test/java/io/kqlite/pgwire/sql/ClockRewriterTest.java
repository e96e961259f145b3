package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClockRewriterTest {

  private static String sql(String pg) {
    return PgToSqlite.translate(pg).sqliteSql();
  }

  @Test
  void currentTimeKeywordsBecomeEntryTimeFunctions() {
    assertEquals("INSERT INTO h VALUES (1, (now()))", sql("INSERT INTO h VALUES (1, CURRENT_TIMESTAMP)"));
    assertEquals("SELECT (kq_current_date()), (kq_localtimestamp())", sql("SELECT current_date, LOCALTIMESTAMP"));
    assertEquals("CREATE TABLE t (at timestamp DEFAULT (now()))", sql("CREATE TABLE t (at timestamp DEFAULT CURRENT_TIMESTAMP)"));
  }

  @Test
  void sqliteNowArgumentBecomesEntryTime() {
    assertEquals("SELECT datetime(kq_utc_now(), '-1 day')", sql("SELECT datetime('now', '-1 day')"));
    assertEquals("SELECT strftime('%s', kq_utc_now())", sql("SELECT strftime('%s', 'now')"));
  }

  @Test
  void leavesOtherNowStringsAndQualifiedNamesAlone() {
    assertEquals("INSERT INTO t VALUES ('now')", sql("INSERT INTO t VALUES ('now')"));
    assertEquals("SELECT t.current_date FROM t", sql("SELECT t.current_date FROM t"));
  }
}
