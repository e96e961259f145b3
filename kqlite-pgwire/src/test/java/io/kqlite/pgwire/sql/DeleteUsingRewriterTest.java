package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeleteUsingRewriterTest {

  @Test
  void kineCompactionDelete() {
    String pg = "DELETE FROM kine AS kv USING ( SELECT kp.prev_revision AS id FROM kine AS kp WHERE "
        + "kp.name != 'compact_rev_key' AND kp.prev_revision != 0 AND kp.id <= $1 UNION SELECT kd.id AS id "
        + "FROM kine AS kd WHERE kd.deleted != 0 AND kd.id <= $2 ) AS ks WHERE kv.id = ks.id";
    assertEquals("DELETE FROM kine AS kv WHERE EXISTS (SELECT 1 FROM ( SELECT kp.prev_revision AS id FROM kine AS kp WHERE "
        + "kp.name != 'compact_rev_key' AND kp.prev_revision != 0 AND kp.id <= ?1 UNION SELECT kd.id AS id "
        + "FROM kine AS kd WHERE kd.deleted != 0 AND kd.id <= ?2 ) AS ks WHERE kv.id = ks.id)",
        PgToSqlite.translate(pg).sqliteSql());
  }

  @Test
  void keepsReturningOutsideAndLeavesPlainDeletesAlone() {
    assertEquals("DELETE FROM t WHERE EXISTS (SELECT 1 FROM u WHERE t.id = u.id) RETURNING t.id",
        PgToSqlite.translate("DELETE FROM t USING u WHERE t.id = u.id RETURNING t.id").sqliteSql());
    assertEquals("DELETE FROM t WHERE id = ?1", PgToSqlite.translate("DELETE FROM t WHERE id = $1").sqliteSql());
  }
}
