package io.kqlite.pgwire.sql;

import static io.kqlite.pgwire.sql.PgToSqliteTest.sqlite;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rewrites that make catalog queries (psql, drivers) run against kqlite's catalog. */
class CatalogRewritersTest {

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", quoteCharacter = '~', value = {
    "SELECT c.oid FROM pg_catalog.pg_class c => SELECT c.oid FROM pg_class c",
    "SELECT pg_catalog.format_type(1, 2) => SELECT format_type(1, 2)",
    "SELECT * FROM information_schema.tables t => SELECT * FROM \"information_schema.tables\" t",
    "SELECT 1 FROM t WHERE a OPERATOR(pg_catalog.~) '^(x)$' COLLATE pg_catalog.default => SELECT 1 FROM t WHERE a  REGEXP  '^(x)$'",
    "SELECT 1 FROM t WHERE a !~ '^pg_' => SELECT 1 FROM t WHERE a  NOT REGEXP  '^pg_'",
    "SELECT 1 FROM t WHERE a ~* 'X' => SELECT 1 FROM t WHERE a  REGEXP '(?i)' ||  'X'",
    "SELECT ~ 5 => SELECT ~ 5",
    "SELECT '16442'::pg_catalog.regclass => SELECT 16442",
    "SELECT 'books'::regclass => SELECT (SELECT kq_r.oid FROM pg_class kq_r WHERE kq_r.relname = 'books')",
    "SELECT c.oid::regclass::text FROM pg_class c => SELECT CAST((SELECT kq_r.relname FROM pg_class kq_r WHERE kq_r.oid = (c.oid)) AS TEXT) FROM pg_class c",
    "SELECT t::regtype FROM x => SELECT kq_regtype(t) FROM x",
    "SELECT a::int2[] FROM x => SELECT a FROM x",
    "SELECT pg_get_indexdef(i.indexrelid, 0, true) => SELECT (SELECT kq_d.indexdef FROM kq_indexdef kq_d WHERE kq_d.kq_key = (i.indexrelid))",
    "SELECT pg_catalog.pg_get_constraintdef(oid, true) FROM c => SELECT (SELECT kq_d.condef FROM kq_constraintdef kq_d WHERE kq_d.kq_key = (oid)) FROM c",
    "SELECT ARRAY(SELECT b FROM t) => SELECT (WITH kq_a(kq_v) AS (SELECT b FROM t) SELECT '{' || coalesce(group_concat(kq_v, ','), '') || '}' FROM kq_a)",
    "SELECT 1 FROM t WHERE oid = any (t.roles) => SELECT 1 FROM t WHERE kq_array_contains ((t.roles), oid)",
    "SELECT 1 FROM t WHERE x = ANY (SELECT y FROM u) => SELECT 1 FROM t WHERE x IN (SELECT y FROM u)",
    "SELECT a[s] FROM t => SELECT kq_array_get(a, s) FROM t",
    "SELECT 1 FROM c WHERE k = ANY (ARRAY['r', 'v']) => SELECT 1 FROM c WHERE kq_array_contains ((kq_array('r', 'v')), k)",
    "SELECT x FROM unnest(a) x => SELECT x FROM (SELECT value AS x FROM json_each(kq_array_json(a))) x",
    "SELECT s FROM t, generate_series(1, 3) s => SELECT s FROM t, (SELECT value AS s FROM json_each(kq_series_json(1, 3))) s",
    "SELECT 1 FROM pg_partition_ancestors(r) WITH ORDINALITY AS a(relid, depth) => SELECT 1 FROM (SELECT (r)  AS relid, 1 AS depth) AS a",
    "SELECT string_agg(a, ', ') FROM t => SELECT group_concat(a, ', ') FROM t",
    "SELECT unnest(ix.indkey) attnum, generate_subscripts(ix.indkey, 1) ord FROM pg_index ix WHERE ix.indisprimary"
        + " => SELECT kq_su.value attnum, (kq_su.key + 1) ord FROM pg_index ix  CROSS JOIN json_each(kq_array_json(ix.indkey)) kq_su WHERE ix.indisprimary",
    "SELECT unnest(ARRAY[1, 2]) => SELECT kq_su.value AS unnest FROM json_each(kq_array_json(kq_array(1, 2))) kq_su ",
    "SELECT id, unnest(tags) FROM t => SELECT id, kq_su.value AS unnest FROM t CROSS JOIN json_each(kq_array_json(tags)) kq_su",
    "SELECT unnest(a), unnest(b) FROM t => SELECT unnest(a), unnest(b) FROM t",
  })
  void rewritesCatalogQueries(String pgSql, String expected) {
    assertEquals(expected, sqlite(pgSql));
  }
}
