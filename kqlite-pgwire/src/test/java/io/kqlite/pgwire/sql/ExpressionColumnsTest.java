package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionColumnsTest {

  /** Left: translated SQL; right: the types found, by item position. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "SELECT 1, 2.5, -3 | {0=int8, 1=numeric, 2=int8}",
    "SELECT CAST(?1 AS INTEGER) + 1 AS n, CAST(?2 AS REAL), CAST(?3 AS TEXT) | {0=int8, 1=float8}",
    "SELECT 2.5 * 2, (1 + 2) / 3, 7 % 2, 1 + CAST(x AS REAL) FROM t | {0=numeric, 1=int8, 2=int8, 3=float8}",
    "SELECT length(name) + 1, count(*), random() * 10 FROM t | {0=int8, 1=int8, 2=float8}",
    "SELECT now(), kq_cast(now(), 'date') AS d, kq_cast(at, 'timestamptz') FROM t | {0=timestamptz, 1=date, 2=timestamptz}",
    "SELECT a + 1, 'x', 1 = 2, max(a) + 1, now() + 1, f(1) FROM t | {}",
    "SELECT 1 one, 2 AS two, (3) three | {0=int8, 1=int8, 2=int8}",
    "SELECT a, *, 1 FROM t | {}",
    "INSERT INTO t VALUES (1) RETURNING id, 42, length(v) | {1=int8, 2=int8}",
    "SELECT CASE WHEN a THEN 1 END, 1 FROM t | {1=int8}",
    "SELECT x FROM t WHERE y = 1 | {}",
  })
  void findsTheTypesTheTextShows(String sql, String expected) {
    assertEquals(expected, new TreeMap<>(ExpressionColumns.of(sql)).toString());
  }
}
