package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class CountColumnsTest {

  private static String positions(String sql) {
    BitSet counts = CountColumns.of(sql);
    return counts.toString();
  }

  @Test
  void bareCountItemsAreFoundAliasedOrNot() {
    assertEquals("{0}", positions("SELECT count(*) FROM t"));
    assertEquals("{1}", positions("SELECT name, COUNT(id) AS n FROM t GROUP BY name"));
    assertEquals("{0, 2}", positions("SELECT count(*) n, max(id), count(DISTINCT x) FROM t"));
    assertEquals("{1}", positions("SELECT (SELECT MAX(rkv.id) FROM kine AS rkv), COUNT(c.theid) FROM (SELECT 1) AS c"));
    assertEquals("{0}", positions("SELECT count(*)"));
  }

  @Test
  void countInsideAnExpressionOrAfterAStarIsNotABareCount() {
    assertEquals("{}", positions("SELECT count(*) + 1 FROM t"));
    assertEquals("{}", positions("SELECT coalesce(count(*), 0) FROM t"));
    assertEquals("{}", positions("SELECT *, count(*) FROM t"));
    assertEquals("{}", positions("SELECT CASE WHEN count(*) > 0 THEN 1 END FROM t"));
    assertEquals("{}", positions("INSERT INTO t VALUES (1)"));
  }
}
