package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kqlite.pgwire.sql.StatementClassifier.Classification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kinds, PostgreSQL 15 command tags (for 3 rows) and whether rows come back. */
class StatementClassifierTest {

  private static Classification classification(String sql) {
    return StatementClassifier.classify(Words.of(PgToSqlite.singleStatement(SqlLexer.tokenize(sql))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    // queries, as psql, pgjdbc, kine and SQLAlchemy send them
    "select 1                                                     | QUERY           | SELECT 3           | true",
    "SELECT pg_catalog.set_config('search_path', '', false);     | QUERY           | SELECT 3           | true",
    "VALUES (1, 'a'), (2, 'b')                                    | QUERY           | SELECT 3           | true",
    "TABLE pgbench_branches                                       | QUERY           | SELECT 3           | true",
    "(SELECT 1) UNION (SELECT 2)                                  | QUERY           | SELECT 3           | true",
    "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r | QUERY | SELECT 3 | true",
    "WITH u AS MATERIALIZED (SELECT * FROM t FOR UPDATE) SELECT 1 | QUERY           | SELECT 3           | true",
    "SELECT * FROM t FOR NO KEY UPDATE                            | QUERY           | SELECT 3           | true",
    "SELECT abalance FROM pgbench_accounts WHERE aid = $1         | QUERY           | SELECT 3           | true",
    "-- ping                                                      | EMPTY           | ~~                 | false",
    // writes
    "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP) | WRITE | INSERT 0 3 | false",
    "INSERT INTO kine(name, value) SELECT $1, $2 RETURNING id      | WRITE           | INSERT 0 3         | true",
    "insert into t values (1) on conflict (id) do update set a = excluded.a returning id | WRITE | INSERT 0 3 | true",
    "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2 | WRITE    | UPDATE 3           | false",
    "UPDATE t SET a = (SELECT max(b) FROM u) RETURNING a          | WRITE           | UPDATE 3           | true",
    "DELETE FROM kine WHERE id = $1                               | WRITE           | DELETE 3           | false",
    "REPLACE INTO t VALUES (1)                                    | WRITE           | INSERT 0 3         | false",
    "WITH x AS (INSERT INTO t (a) VALUES (1) RETURNING id) SELECT * FROM x | WRITE  | SELECT 3           | true",
    "WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d | WRITE           | SELECT 3           | true",
    "WITH a AS (SELECT 1) INSERT INTO t SELECT * FROM a RETURNING *  | WRITE        | INSERT 0 3         | true",
    "WITH a AS (SELECT 1 AS v) UPDATE t SET v = a.v FROM a        | WRITE           | UPDATE 3           | false",
    "WITH a AS (WITH b AS (UPDATE t SET x = 1 RETURNING x) SELECT * FROM b) SELECT * FROM a | WRITE | SELECT 3 | true",
    "CREATE TABLE IF NOT EXISTS kine ( id BIGSERIAL PRIMARY KEY, name text COLLATE \"C\" ); | WRITE | CREATE TABLE | false",
    "create table pgbench_history(tid int,bid int,aid int,delta int,mtime timestamp,filler char(22)) with (fillfactor=100) | WRITE | CREATE TABLE | false",
    "CREATE TEMP TABLE t (a int)                                  | WRITE           | CREATE TABLE       | false",
    "CREATE TABLE t2 AS SELECT * FROM t                           | WRITE           | SELECT 3           | false",
    "CREATE TABLE t2 AS SELECT * FROM t WITH NO DATA              | WRITE           | CREATE TABLE AS    | false",
    "CREATE UNIQUE INDEX IF NOT EXISTS kine_name_prev_revision_uindex ON kine (name, prev_revision) | WRITE | CREATE INDEX | false",
    "CREATE OR REPLACE VIEW v AS SELECT 1                         | WRITE           | CREATE VIEW        | false",
    "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END      | WRITE           | CREATE TRIGGER     | false",
    "DROP TABLE IF EXISTS t                                       | WRITE           | DROP TABLE         | false",
    "DROP INDEX i                                                 | WRITE           | DROP INDEX         | false",
    "DROP VIEW v                                                  | WRITE           | DROP VIEW          | false",
    "DROP TRIGGER tr                                              | WRITE           | DROP TRIGGER       | false",
    "alter table pgbench_branches add primary key (bid)           | WRITE           | ALTER TABLE        | false",
    "ALTER TABLE t ADD COLUMN c text                              | WRITE           | ALTER TABLE        | false",
    // databases
    "CREATE DATABASE \"kubernetes\";                              | CREATE_DATABASE | CREATE DATABASE    | false",
    "DROP DATABASE IF EXISTS kubernetes                           | DROP_DATABASE   | DROP DATABASE      | false",
    // transactions
    "BEGIN                                                        | TRANSACTION     | BEGIN              | false",
    "begin isolation level serializable                           | TRANSACTION     | BEGIN              | false",
    "BEGIN ISOLATION LEVEL SERIALIZABLE                           | TRANSACTION     | BEGIN              | false",
    "START TRANSACTION READ ONLY                                  | TRANSACTION     | START TRANSACTION  | false",
    "COMMIT                                                       | TRANSACTION     | COMMIT             | false",
    "END                                                          | TRANSACTION     | COMMIT             | false",
    "ROLLBACK                                                     | TRANSACTION     | ROLLBACK           | false",
    "ABORT                                                        | TRANSACTION     | ROLLBACK           | false",
    "SAVEPOINT sp1                                                | TRANSACTION     | SAVEPOINT          | false",
    "RELEASE SAVEPOINT sp1                                        | TRANSACTION     | RELEASE            | false",
    "ROLLBACK TO SAVEPOINT sp1                                    | TRANSACTION     | ROLLBACK           | false",
    // settings
    "SET application_name = 'x'                                   | SET             | SET                | false",
    "SET extra_float_digits = 3                                   | SET             | SET                | false",
    "SET LOCAL statement_timeout TO 0                             | SET             | SET                | false",
    "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE | SET  | SET                | false",
    "RESET ALL                                                    | SET             | RESET              | false",
    "SHOW TRANSACTION ISOLATION LEVEL                             | SHOW            | SHOW               | true",
    "show standard_conforming_strings                             | SHOW            | SHOW               | true",
    // utilities that are safe to ignore
    "DISCARD ALL                                                  | UTILITY_NOOP    | DISCARD ALL        | false",
    "DISCARD TEMPORARY                                            | UTILITY_NOOP    | DISCARD TEMP       | false",
    "DEALLOCATE PREPARE S_1                                       | UTILITY_NOOP    | DEALLOCATE         | false",
    "DEALLOCATE ALL                                               | UTILITY_NOOP    | DEALLOCATE ALL     | false",
    "LISTEN ch                                                    | UTILITY_NOOP    | LISTEN             | false",
    "UNLISTEN *                                                   | UTILITY_NOOP    | UNLISTEN           | false",
    "vacuum analyze pgbench_branches                              | UTILITY_NOOP    | VACUUM             | false",
    "ANALYZE t                                                    | UTILITY_NOOP    | ANALYZE            | false",
    "CHECKPOINT                                                   | UTILITY_NOOP    | CHECKPOINT         | false",
    "CLOSE ALL                                                    | UTILITY_NOOP    | CLOSE CURSOR ALL   | false",
    "copy pgbench_accounts from stdin with (freeze on)            | COPY            | COPY 3             | false",
    "truncate table pgbench_accounts                              | WRITE           | TRUNCATE TABLE     | false",
    "drop table if exists a, b                                    | WRITE           | DROP TABLE         | false",
    "GRANT SELECT ON t TO bob                                     | ACCESS          | GRANT              | false",
    "revoke all on t from bob                                     | ACCESS          | REVOKE             | false",
    "CREATE USER bob PASSWORD 'x'                                 | ACCESS          | CREATE ROLE        | false",
    "ALTER ROLE bob WITH PASSWORD 'x'                             | ACCESS          | ALTER ROLE         | false",
    "DROP USER IF EXISTS bob                                      | ACCESS          | DROP ROLE          | false",
    // not supported
    "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql | UNSUPPORTED  | CREATE FUNCTION    | false",
    "CREATE EXTENSION IF NOT EXISTS pgcrypto                      | UNSUPPORTED     | CREATE EXTENSION   | false",
    "CREATE MATERIALIZED VIEW mv AS SELECT 1                      | UNSUPPORTED     | CREATE MATERIALIZED VIEW | false",
    "DROP SCHEMA s CASCADE                                        | UNSUPPORTED     | DROP SCHEMA        | false",
    "ALTER SEQUENCE kine_id_seq AS BIGINT                         | WRITE           | ALTER SEQUENCE     | false",
    "EXPLAIN SELECT 1                                             | UNSUPPORTED     | EXPLAIN            | false",
    "SELECT 1 INTO t2                                             | UNSUPPORTED     | SELECT INTO        | false",
    "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE | UNSUPPORTED     | MERGE              | false",
    "PREPARE TRANSACTION 'x'                                      | UNSUPPORTED     | PREPARE TRANSACTION | false",
    "COMMIT PREPARED 'x'                                          | UNSUPPORTED     | COMMIT PREPARED    | false",
    "SET CONSTRAINTS ALL DEFERRED                                 | UNSUPPORTED     | SET CONSTRAINTS    | false",
    "CLOSE c1                                                     | UNSUPPORTED     | CLOSE              | false",
    "NOTIFY ch                                                    | UNSUPPORTED     | NOTIFY             | false",
  })
  void classifies(String sql, StatementKind kind, String tag, boolean returnsRows) {
    Classification c = classification(sql);
    assertEquals(kind, c.kind(), "kind");
    assertEquals(tag == null ? "" : tag, c.tag().format(3), "tag");
    assertEquals(returnsRows, c.returnsRows(), "returnsRows");
    assertEquals(kind, StatementClassifier.classify(sql));
  }

  @Test
  void emptyInputIsEmpty() {
    assertEquals(StatementKind.EMPTY, StatementClassifier.classify(""));
    assertEquals(StatementKind.EMPTY, StatementClassifier.classify(" ; "));
  }

  @Test
  void unknownCommandsAreSyntaxErrors() {
    Classification c = classification("FROBNICATE t");
    assertEquals(StatementKind.UNSUPPORTED, c.kind());
    assertEquals("42601", c.rejection().sqlState());
    assertEquals("syntax error at or near \"FROBNICATE\"", c.rejection().message());
    assertEquals("42601", classification("42").rejection().sqlState());
    assertEquals("42601", classification("WITH x SELECT 1").rejection().sqlState());
  }

  @Test
  void schemaPublicExistsAndIsTheOnlyOne() {
    assertEquals(StatementKind.UTILITY_NOOP, classification("CREATE SCHEMA IF NOT EXISTS public").kind());
    assertEquals("CREATE SCHEMA", classification("create schema if not exists \"public\"").tag().format(0));
    Classification exists = classification("CREATE SCHEMA public");
    assertEquals("42P06", exists.rejection().sqlState());
    assertEquals("schema \"public\" already exists", exists.rejection().message());
    assertEquals("0A000", classification("CREATE SCHEMA IF NOT EXISTS app").rejection().sqlState());
    assertEquals("0A000", classification("CREATE SCHEMA public CREATE TABLE t (a int)").rejection().sqlState());
  }

  @Test
  void unsupportedStatementsCarryTheirRejection() {
    assertEquals("LOCK is not supported", classification("LOCK TABLE t").rejection().message());
    assertEquals("0A000", classification("LOCK TABLE t").rejection().sqlState());
  }

  @Test
  void classifyRejectsUnterminatedInput() {
    SqlTranslationException e = assertThrows(SqlTranslationException.class,
        () -> StatementClassifier.classify("select 'abc"));
    assertEquals("42601", e.sqlState());
  }

  @Test
  void readQueriesMentioningUpdateAreNotWrites() {
    assertEquals(StatementKind.QUERY, StatementClassifier.classify(
        "WITH x AS (SELECT \"update\", (SELECT 1) AS delete FROM t) SELECT * FROM x"));
    assertEquals(StatementKind.QUERY, StatementClassifier.classify(
        "WITH x AS (SELECT update FROM t) SELECT * FROM x"));
  }
}
