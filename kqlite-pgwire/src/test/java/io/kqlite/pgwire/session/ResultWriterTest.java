package io.kqlite.pgwire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kqlite.pgwire.types.PgType;
import io.kqlite.statemachine.Column;
import java.util.List;
import org.junit.jupiter.api.Test;
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
    "group_concat(name, ',')                | string_agg",
    "json_group_array(x)                    | json_agg",
    "json_object('a', 1)                    | json_build_object",
    "trim(' a ')                            | btrim",
    "kq_date_add('2024-01-01', 1, 1)        | ?column?",
    "CASE WHEN a THEN 1 ELSE 2 END          | case",
    "case when a then case b when 1 then 2 end end | case",
    "CASE WHEN a THEN 1 END + CASE WHEN b THEN 2 END | ?column?",
    "x + CASE WHEN a THEN 1 END             | ?column?",
    "position(name, '/')                    | position",
    "extract('year', at)                    | extract",
    "kq_cast(now(), 'date')                 | now",
    "kq_cast(t.created , 'timestamptz' )    | created",
    "kq_cast(a + b, 'date')                 | date",
  })
  void expressionsAreNamedAsPostgresqlNamesThem(String sqliteLabel, String pgName) {
    assertEquals(pgName, ResultWriter.expressionName(sqliteLabel));
  }

  /** numeric(12,2) values print with two decimals, as PostgreSQL stores them; SQLite keeps 10.5. */
  @Test
  void numericColumnsPrintAtTheirDeclaredScale() {
    assertEquals(2, ResultWriter.declaredScale("NUMERIC(12,2)"));
    assertEquals(0, ResultWriter.declaredScale("decimal(5)"));
    assertEquals(-1, ResultWriter.declaredScale("numeric"));
    List<ResultField> fields = ResultWriter.fields(
        List.of(new Column("balance", "numeric(12, 2)", "acct"), new Column("n", "numeric", "acct")),
        "SELECT balance, n FROM acct", i -> 0);
    assertEquals("10.50", fields.get(0).shown(10.5));
    assertEquals("20.00", fields.get(0).shown(20L));
    assertEquals("0.13", fields.get(0).shown("0.125"));
    assertEquals(10.5, fields.get(1).shown(10.5));
    assertEquals(null, fields.get(0).shown(null));
  }

  @Test
  void aggregatesOfAColumnAreTypedAsPostgreSqlTypesThem() {
    assertEquals(PgType.DATE, ResultWriter.aggregateType("max", PgType.DATE));
    assertEquals(PgType.INT8, ResultWriter.aggregateType("sum", PgType.INT4));
    assertEquals(PgType.NUMERIC, ResultWriter.aggregateType("sum", PgType.INT8));
    assertEquals(PgType.NUMERIC, ResultWriter.aggregateType("avg", PgType.INT4));
    assertEquals(PgType.FLOAT8, ResultWriter.aggregateType("avg", PgType.FLOAT4));
    assertEquals(null, ResultWriter.aggregateType("sum", PgType.TEXT));
    List<Column> result = List.of(
        new Column("max(d)", "TEXT", ""), new Column("s", "REAL", ""));
    List<ResultField> fields = ResultWriter.fields(result, "SELECT max(d), sum(n) AS s FROM t",
        i -> 0, probe -> {
          assertEquals("SELECT d, n FROM t LIMIT 0", probe);
          return List.of(new Column("d", "DATE", "t"),
              new Column("n", "NUMERIC(10,2)", "t"));
        });
    assertEquals(PgType.DATE, fields.get(0).type());
    assertEquals(PgType.NUMERIC, fields.get(1).type());
    assertEquals("max", fields.get(0).name());
  }
}
