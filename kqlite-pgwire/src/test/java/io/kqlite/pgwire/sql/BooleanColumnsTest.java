package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BooleanColumnsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "SELECT 1 = 1 | {0}",
    "SELECT a > b, a + b, a <> b AS differs FROM t | {0, 2}",
    "SELECT x IS NULL, x IS NOT DISTINCT FROM y, x ISNULL FROM t | {0, 1, 2}",
    "SELECT EXISTS (SELECT 1 FROM t), NOT x, x LIKE 'a%', x IN (1, 2), a AND b, a OR b | {0, 1, 2, 3, 4, 5}",
    "SELECT x BETWEEN 1 AND 2, x NOT IN (SELECT y FROM u) FROM t | {0, 1}",
    "SELECT (a = b) + 1, CASE WHEN a = b THEN 1 ELSE 0 END, coalesce(a = b, 0), count(*) FROM t | {}",
    "SELECT DISTINCT a = b FROM t WHERE c = d ORDER BY a = b | {0}",
    "SELECT DISTINCT ON (a) a, b = c FROM t | {1}",
    "SELECT a, *, b = c FROM t | {}",
    "SELECT a = b, t.* FROM t | {0}",
    "WITH q AS (SELECT 1 = 1 AS x) SELECT x, x = 1 FROM q | {1}",
    "SELECT a = 1 FROM t UNION SELECT b FROM u | {0}",
    "INSERT INTO t SELECT a = b FROM u RETURNING id, id > 5 | {1}",
    "UPDATE t SET a = 1 WHERE b = 2 RETURNING a, a = 1 | {1}",
    "DELETE FROM t WHERE a = 1 | {}",
    "SELECT name, created FROM kine WHERE (deleted = 0 OR ?3) | {}",
    "SELECT (SELECT a = b FROM t) | {}",
    "SELECT pg_table_is_visible(c.oid), has_table_privilege('t', 'select') AS p, length(pg_table_is_visible(1)) FROM c | {0, 1}",
  })
  void findsBooleanItems(String sql, String expected) {
    assertEquals(expected, BooleanColumns.of(sql).toString());
  }
}
