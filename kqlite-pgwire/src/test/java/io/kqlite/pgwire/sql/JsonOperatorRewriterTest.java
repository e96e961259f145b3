package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonOperatorRewriterTest {

  @ParameterizedTest
  @CsvSource(delimiter = '#', quoteCharacter = '~', value = {
    "SELECT * FROM t WHERE meta @> '{\"k\":1}' # SELECT * FROM t WHERE kq_jsonb_contains(meta, '{\"k\":1}')",
    "SELECT * FROM t WHERE t.meta @> $1::jsonb AND x = 1 # SELECT * FROM t WHERE kq_jsonb_contains(t.meta, CAST(?1 AS TEXT)) AND x = 1",
    "SELECT '[1]' <@ f(x) FROM t # SELECT kq_jsonb_contains(f(x), '[1]') FROM t",
    "SELECT meta ? 'k', meta ?| '{a,b}', (meta) ?& $1 FROM t # SELECT kq_jsonb_exists(meta, 'k'), kq_jsonb_exists_any(meta, '{a,b}'), kq_jsonb_exists_all((meta), ?1) FROM t",
    "SELECT meta -> 'a' @> '1', meta->>'b' FROM t # SELECT kq_jsonb_contains(meta -> 'a', '1'), meta->>'b' FROM t",
    "SELECT 1 FROM t WHERE (meta) @> '{}' # SELECT 1 FROM t WHERE kq_jsonb_contains((meta), '{}')",
  })
  void jsonbOperatorsBecomeCalls(String pg, String sqlite) {
    assertEquals(sqlite, PgToSqlite.translate(pg).sqliteSql());
  }
}
