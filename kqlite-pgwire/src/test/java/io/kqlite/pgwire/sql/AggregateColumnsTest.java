package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateColumnsTest {

  private static AggregateColumns of(String sql) {
    return AggregateColumns.of(Words.of(SqlLexer.tokenize(sql)));
  }

  @Test
  void aggregatesOfOneColumnAndTheProbeThatTypesThem() {
    AggregateColumns found = of("SELECT g, max(t.d) AS last, count(*), sum(n) total FROM t JOIN u ON u.id = t.u "
        + "WHERE g > 1 GROUP BY g ORDER BY g");
    assertEquals(List.of(new AggregateColumns.Item(1, "max", "t . d"), new AggregateColumns.Item(3, "sum", "n")),
        found.items());
    assertEquals("SELECT t . d, n FROM t JOIN u ON u . id = t . u LIMIT 0", found.probe());
    assertEquals(List.of(new AggregateColumns.Item(0, "coalesce", "d")),
        of("SELECT coalesce(d, '2024-01-01') FROM t").items());
  }

  @Test
  void otherItemsAreLeftAlone() {
    for (String sql : new String[] {"SELECT max(d) + 1 FROM t", "SELECT max(d) OVER (ORDER BY d) FROM t",
        "SELECT sum(a * b) FROM t", "SELECT max(d)", "SELECT *, max(d) FROM t",
        "INSERT INTO t VALUES (1) RETURNING max(d)", "SELECT (SELECT max(d) FROM t)"}) {
      assertEquals(List.of(), of(sql).items(), sql);
      assertNull(of(sql).probe(), sql);
    }
  }
}
