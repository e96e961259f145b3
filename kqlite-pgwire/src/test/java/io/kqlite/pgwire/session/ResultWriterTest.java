package io.kqlite.pgwire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultWriterTest {

  /** Left: SQLite's label for a translated select item; right: PostgreSQL 15's column name. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "CAST(count(*) AS INTEGER)              | count",
    "CAST(t.id AS TEXT)                     | id",
    "CAST((a) AS INTEGER)                   | a",
    "CAST(CAST(max(x) AS TEXT) AS INTEGER)  | max",
    "CAST(?1 AS TEXT)                       | text",
    "CAST('1' AS INTEGER)                   | int4",
    "CAST((a) + (b) AS REAL)                | float8",
    "CAST((f(x)) + (g(y)) AS NUMERIC)       | numeric",
    "lower(name)                            | lower",
    "1 + 2                                  | ?column?",
    "CAST(x AS INTEGER) + CAST(y AS INTEGER) | ?column?",
    "lower(a) + length(b)                   | ?column?",
    "count(*) FILTER (WHERE a > 1)          | count",
    "row_number() OVER (ORDER BY id)        | row_number",
    "kq_interval_add(now() , '1 day', -1)   | ?column?",
    "kq_array(1, 2)                         | array",
  })
  void expressionsAreNamedAsPostgresqlNamesThem(String sqliteLabel, String pgName) {
    assertEquals(pgName, ResultWriter.expressionName(sqliteLabel));
  }
}
