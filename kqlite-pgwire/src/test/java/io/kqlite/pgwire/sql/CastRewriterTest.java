package io.kqlite.pgwire.sql;

import static io.kqlite.pgwire.sql.PgToSqliteTest.sqlite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CastRewriterTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "SELECT $1::int                        | SELECT CAST(?1 AS INTEGER)",
    "SELECT '42'::int4, 7::bigint, 1::int2 | SELECT CAST('42' AS INTEGER), CAST(7 AS INTEGER), CAST(1 AS INTEGER)",
    "SELECT x :: text FROM t               | SELECT CAST(x AS TEXT) FROM t",
    "SELECT t.c::varchar(10) FROM t        | SELECT CAST(t.c AS TEXT) FROM t",
    "SELECT s.t.c::character varying FROM s.t | SELECT CAST(s.t.c AS TEXT) FROM s.t",
    "SELECT \"Col\"::name FROM t           | SELECT CAST(\"Col\" AS TEXT) FROM t",
    "SELECT (a * b)::bigint FROM t         | SELECT CAST((a * b) AS INTEGER) FROM t",
    "SELECT count(*)::int FROM t           | SELECT CAST(count(*) AS INTEGER) FROM t",
    "SELECT pg_catalog.max(a)::text FROM t | SELECT CAST(max(a) AS TEXT) FROM t",
    "SELECT x::int::text FROM t            | SELECT CAST(CAST(x AS INTEGER) AS TEXT) FROM t",
    "SELECT 1.5::double precision          | SELECT CAST(1.5 AS REAL)",
    "SELECT 1::float8, 2::real, 3::numeric(5,2), 4::decimal | SELECT CAST(1 AS REAL), CAST(2 AS REAL), CAST(3 AS NUMERIC), CAST(4 AS NUMERIC)",
    "SELECT 'a'::pg_catalog.text           | SELECT CAST('a' AS TEXT)",
    "SELECT 'ab'::bytea                    | SELECT X'6162'",
    "SELECT 'a\\\\b\\001'::bytea             | SELECT X'615c6201'",
    "SELECT '{}'::jsonb, 'x'::uuid         | SELECT CAST('{}' AS TEXT), CAST('x' AS TEXT)",
    "SELECT $$x$$::text                    | SELECT CAST('x' AS TEXT)",
    "SELECT E'\\t'::text                   | ~SELECT CAST('\t' AS TEXT)~",
    "SELECT -1::int                        | SELECT -CAST(1 AS INTEGER)",
    "SELECT a FROM t WHERE (a)::int = 1    | SELECT a FROM t WHERE CAST((a) AS INTEGER) = 1",
    "SELECT a FROM t WHERE id IN (1, 2)    | SELECT a FROM t WHERE id IN (1, 2)",
    "SELECT EXISTS (SELECT 1)::int         | SELECT CAST(EXISTS (SELECT 1) AS INTEGER)",
    "SELECT a FROM t WHERE (SELECT 1)::int = a | SELECT a FROM t WHERE CAST((SELECT 1) AS INTEGER) = a",
    "SELECT 't'::bool, 'off'::boolean, 'YES'::bool, 'f'::bool | SELECT 1, 0, 1, 0",
    "SELECT $1::bool, flag::boolean FROM t | SELECT CAST(?1 AS BOOLEAN), CAST(flag AS BOOLEAN) FROM t",
    "SELECT NULL::int                      | SELECT CAST(NULL AS INTEGER)",
    "SELECT $1::timestamptz, $2::date      | SELECT ?1, ?2",
    "SELECT CAST($1 AS date)               | SELECT ?1",
    "SELECT CAST('t' AS boolean), CAST(flag AS bool), CAST(a AS varchar(9)) FROM t | SELECT 1, CAST(flag AS BOOLEAN), CAST(a AS varchar(9)) FROM t",
    "SELECT CAST('2020-01-01T10:11:12' AS timestamp) | SELECT '2020-01-01 10:11:12'",
    "SELECT date, time FROM t WHERE date > date '2020-01-01' AND ts < timestamp with time zone '2020-01-01 10:00+02' | SELECT date, time FROM t WHERE date > '2020-01-01' AND ts < '2020-01-01 08:00:00+00'",
    "SELECT now() AT TIME ZONE 'UTC'       | SELECT kq_at_time_zone(now(), 'UTC')",
    "DELETE FROM t WHERE at < now() - INTERVAL '7 days' | DELETE FROM t WHERE at < kq_interval_add(now() , '7 days', -1)",
    "SELECT date '2024-02-28' + 2, '2024-03-01'::date - $1 | SELECT kq_date_add('2024-02-28' , 2, 1), kq_date_add('2024-03-01' , ?1, -1)",
    "SELECT current_date - d, current_date - 2 * 3 FROM t | SELECT (CASE WHEN typeof(d) = 'text' AND d GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN CAST(julianday((kq_current_date())) - julianday(d) AS INTEGER) WHEN typeof(d) = 'integer' THEN kq_date_add((kq_current_date()), d, -1) ELSE (kq_current_date()) - d END), (kq_current_date()) - 2 * 3 FROM t",
    "UPDATE t SET due = t.due + $1 | UPDATE t SET due = (CASE WHEN typeof(t.due) = 'text' AND t.due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN kq_date_add(t.due, ?1, 1) ELSE t.due + ?1 END)",
    "CREATE TABLE t (a int CHECK (a - 1 >= 0)) | CREATE TABLE t (a int CHECK (a - 1 >= 0))",
    "SELECT a * b - 1, d - 1.5, n - 1 * 2, CASE WHEN x THEN 1 END - 1, f(x) - 1 FROM t | SELECT a * b - 1, d - 1.5, n - 1 * 2, CASE WHEN x THEN 1 END - 1, f(x) - 1 FROM t",
    "SELECT t.at + '2 hours'::interval, date '2024-01-31' + interval '1 month' FROM t | SELECT kq_interval_add(t.at , '2 hours', 1), kq_interval_add('2024-01-31' , '1 month', 1) FROM t",
  })
  void rewritesCasts(String pgSql, String expected) {
    assertEquals(expected, sqlite(pgSql));
  }

  @Test
  void castsInsideStringsIdentifiersAndCommentsStay() {
    String sql = "SELECT 'a::int', \"b::int\" -- c::int\n, /* d::int */ 1";
    assertEquals(sql, sqlite(sql));
  }

  @Test
  void dateTimeAndByteaLiteralsBecomeWhatPostgresStores() {
    assertEquals("SELECT '2020-01-01', '2020-01-01 10:11:12.5', '2020-01-01 08:11:12+00', X'00ff'",
        sqlite("SELECT '2020-01-01'::date, '2020-01-01T10:11:12.500'::timestamp, "
            + "'2020-01-01 10:11:12+02:00'::timestamptz, '\\x00ff'::bytea"));
  }

  /** Any other operand is converted when the statement runs, by kq_cast. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "SELECT d::date FROM t                   | SELECT kq_cast(d, 'date') FROM t",
    "SELECT now()::timestamp with time zone  | SELECT kq_cast(now(), 'timestamptz')",
    "SELECT CAST(now() AS date)              | SELECT kq_cast(now() , 'date' )",
    "SELECT CAST(d AS timestamp without time zone) FROM t | SELECT kq_cast(d , 'timestamp' ) FROM t",
    "SELECT now()::date + 1                  | SELECT kq_date_add(kq_cast(now(), 'date') , 1, 1)",
    "SELECT CAST(at AS date) - 2 FROM t      | SELECT kq_date_add(kq_cast(at , 'date' ) , 2, -1) FROM t",
    "CREATE TABLE t (d date DEFAULT now()::date) | CREATE TABLE t (d date DEFAULT (kq_cast(now(), 'date')))",
    "CREATE TABLE t (d date DEFAULT (CAST(now() AS date))) | CREATE TABLE t (d date DEFAULT (kq_cast(now() , 'date' )))",
    "CREATE TABLE t (d date DEFAULT CAST(now() AS date)) | CREATE TABLE t (d date DEFAULT (kq_cast(now() , 'date' )))",
    "CREATE TABLE t (d date DEFAULT (now()::date + 1)) | CREATE TABLE t (d date DEFAULT (kq_date_add(kq_cast(now(), 'date') , 1, 1)))",
    "SELECT at AT TIME ZONE 'UTC' FROM t      | SELECT kq_at_time_zone(at, 'UTC') FROM t",
    "SELECT (t.at at time zone $1)::date FROM t | SELECT kq_cast((kq_at_time_zone(t.at, ?1)), 'date') FROM t",
    "SELECT now() AT TIME ZONE 'utc' > x     | SELECT kq_at_time_zone(now(), 'utc') > x",
  })
  void dateTimeCastsOfExpressionsConvertWhenRun(String pgSql, String sqliteSql) {
    assertEquals(sqliteSql, sqlite(pgSql));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "CREATE TABLE t (d text CHECK (d::date > '2020-01-01')) | cast to date is not supported",
    "CREATE TABLE t (d text CHECK (CAST(d AS date) > '2020-01-01')) | cast to date is not supported",
    "SELECT x::myschema.mytype FROM t      | cast to myschema.mytype is not supported",
    "SELECT ARRAY[1][1]::int               | ~cast of \"]\" with :: is not supported~",
    "SELECT interval '1 day'               | cast to interval is not supported",
    "SELECT now() - CAST('1 day' AS interval) | cast to interval is not supported",
    "SELECT interval '1 day' + now()       | cast to interval is not supported",
    "SELECT CAST(d AS timetz) FROM t        | cast to timetz is not supported",
  })
  void rejectsCastsItCannotTranslateFaithfully(String pgSql, String message) {
    SqlTranslationException e = assertThrows(SqlTranslationException.class, () -> PgToSqlite.translate(pgSql));
    assertEquals("0A000", e.sqlState());
    assertEquals(message, e.getMessage());
  }

  @Test
  void invalidBooleanLiteral() {
    SqlTranslationException e = assertThrows(SqlTranslationException.class, () -> PgToSqlite.translate("SELECT 'maybe'::bool"));
    assertEquals("22P02", e.sqlState());
    assertEquals("invalid input syntax for type boolean: \"maybe\"", e.getMessage());
  }

  /** PostgreSQL 15's answers; SQLite's CAST would read these as 0, 1 or a truncated number. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "SELECT '1.5'::int          | 22P02 | invalid input syntax for type integer: \"1.5\"",
    "SELECT ''::int8            | 22P02 | invalid input syntax for type bigint: \"\"",
    "SELECT '99999999999'::int  | 22003 | value \"99999999999\" is out of range for type integer",
    "SELECT '40000'::int2       | 22003 | value \"40000\" is out of range for type smallint",
    "SELECT 'x'::numeric        | 22P02 | invalid input syntax for type numeric: \"x\"",
    "SELECT '1e'::float4        | 22P02 | invalid input syntax for type real: \"1e\"",
  })
  void numberLiteralsArePostgresqlsInput(String pgSql, String sqlState, String message) {
    SqlTranslationException e = assertThrows(SqlTranslationException.class, () -> PgToSqlite.translate(pgSql));
    assertEquals(sqlState, e.sqlState());
    assertEquals(message, e.getMessage());
  }

  @Test
  void validNumberLiteralsStayCasts() {
    assertEquals("SELECT CAST(' 12 ' AS INTEGER), CAST('1e3' AS REAL), CAST('NaN' AS NUMERIC), CAST('-0' AS INTEGER)",
        sqlite("SELECT ' 12 '::int, '1e3'::float8, 'NaN'::numeric, '-0'::int2"));
  }

  @Test
  void castWithoutOperandOrTypeIsASyntaxError() {
    assertEquals("42601", assertThrows(SqlTranslationException.class, () -> PgToSqlite.translate("::int")).sqlState());
    assertEquals("42601", assertThrows(SqlTranslationException.class, () -> PgToSqlite.translate("SELECT 1::")).sqlState());
  }
}
