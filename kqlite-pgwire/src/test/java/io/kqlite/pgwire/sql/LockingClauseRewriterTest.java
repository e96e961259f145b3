package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LockingClauseRewriterTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "SELECT * FROM jobs WHERE id = 1 FOR UPDATE | SELECT * FROM jobs WHERE id = 1",
    "SELECT id FROM jobs ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED | SELECT id FROM jobs ORDER BY id LIMIT 1",
    "SELECT * FROM a JOIN b ON a.id = b.id FOR NO KEY UPDATE OF a, s.b NOWAIT | SELECT * FROM a JOIN b ON a.id = b.id",
    "SELECT * FROM t FOR SHARE OF t FOR KEY SHARE | SELECT * FROM t",
    "SELECT * FROM t WHERE id IN (SELECT id FROM t FOR UPDATE) | SELECT * FROM t WHERE id IN (SELECT id FROM t)",
    "SELECT substring(name FOR 2), \"for\" FROM t | SELECT substring(name, 1, 2), \"for\" FROM t",
  })
  void dropsLockingClauses(String pg, String sqlite) {
    assertEquals(sqlite, PgToSqlite.translate(pg).sqliteSql());
  }
}
