package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.pgwire.sql.StatementDetail.Setting;
import io.kqlite.pgwire.sql.StatementDetail.Transaction;
import io.kqlite.pgwire.sql.StatementDetail.Transaction.Op;
import io.kqlite.pgwire.sql.StatementDetail.Utility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UtilityStatementsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', nullValues = "NULL", value = {
    "SET application_name = 'x'                     | application_name        | x",
    "SET extra_float_digits = 3                     | extra_float_digits      | 3",
    "SET extra_float_digits TO -3                   | extra_float_digits      | -3",
    "set DateStyle = ISO                            | datestyle               | iso",
    "SET SESSION statement_timeout = '5s'           | statement_timeout       | 5s",
    "SET search_path TO a, b                        | search_path             | a, b",
    "SET search_path = \"$user\", public            | search_path             | $user, public",
    "SET kqlite.read_consistency = 'linearizable'   | kqlite.read_consistency | linearizable",
    "SET \"Kqlite\".\"Mode\" TO on                  | Kqlite.Mode             | on",
    "SET TIME ZONE 'UTC'                            | timezone                | UTC",
    "SET TIME ZONE LOCAL                            | timezone                | NULL",
    "SET timezone TO DEFAULT                        | timezone                | NULL",
    "SET NAMES 'UTF8'                               | client_encoding         | UTF8",
    "SET SCHEMA 'app'                               | search_path             | app",
    "SET ROLE admin                                 | role                    | admin",
    "SET SESSION AUTHORIZATION DEFAULT              | session_authorization   | NULL",
    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ | transaction_isolation  | repeatable read",
    "SET TRANSACTION READ ONLY                      | transaction_read_only   | on",
    "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE | default_transaction_isolation | serializable",
    "SET x = 'it''s', E'tab\\there'                 | x                       | ~it's, tab\there~",
    "SET x = $$dollar$$                             | x                       | dollar",
    "RESET ALL                                      | NULL                    | NULL",
    "RESET statement_timeout                        | statement_timeout       | NULL",
    "RESET TIME ZONE                                | timezone                | NULL",
    "SHOW ALL                                       | NULL                    | NULL",
    "SHOW TRANSACTION ISOLATION LEVEL               | transaction_isolation   | NULL",
    "show standard_conforming_strings               | standard_conforming_strings | NULL",
    "SHOW TIME ZONE                                 | timezone                | NULL",
    "SHOW SESSION AUTHORIZATION                     | session_authorization   | NULL",
    "SHOW kqlite.read_consistency                   | kqlite.read_consistency | NULL",
  })
  void settings(String sql, String name, String value) {
    TranslatedStatement t = PgToSqlite.translate(sql);
    assertEquals(name, t.settingName());
    assertEquals(value, t.settingValue());
  }

  @Test
  void allIsNotASettingName() {
    TranslatedStatement resetAll = PgToSqlite.translate("RESET ALL");
    assertEquals(StatementKind.SET, resetAll.kind());
    assertEquals("RESET", resetAll.commandTag(0));
    assertNull(resetAll.settingName());
    assertNull(PgToSqlite.translate("show all").settingName());
    assertEquals(new Setting(null, null, false), PgToSqlite.translate("SHOW ALL").detail());
  }

  @Test
  void setLocal() {
    Setting s = (Setting) PgToSqlite.translate("SET LOCAL statement_timeout = 0").detail();
    assertTrue(s.local());
    assertFalse(((Setting) PgToSqlite.translate("SET statement_timeout = 0").detail()).local());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "SET",
    "SET x",
    "SET x 1",
    "SET x =",
    "SHOW",
    "SHOW a b",
    "BEGIN ISOLATION LEVEL SOMETIMES",
    "BEGIN IMMEDIATE",
    "SAVEPOINT",
    "COMMIT WORK NOW",
    "DISCARD EVERYTHING",
    "CREATE DATABASE",
  })
  void malformedUtilitiesAreSyntaxErrors(String sql) {
    SqlTranslationException e = assertThrows(SqlTranslationException.class, () -> PgToSqlite.translate(sql));
    assertEquals("42601", e.sqlState(), sql);
  }

  @Test
  void databases() {
    TranslatedStatement create = PgToSqlite.translate("CREATE DATABASE \"Kube\";");
    assertEquals(StatementKind.CREATE_DATABASE, create.kind());
    assertEquals("Kube", create.databaseName());
    assertFalse(create.ifNotExists());

    TranslatedStatement folded = PgToSqlite.translate("create database KubeRNetes WITH OWNER = bob ENCODING 'UTF8'");
    assertEquals("kubernetes", folded.databaseName());

    assertTrue(PgToSqlite.translate("CREATE DATABASE IF NOT EXISTS d").ifNotExists());

    TranslatedStatement drop = PgToSqlite.translate("DROP DATABASE IF EXISTS app WITH (FORCE)");
    assertEquals(StatementKind.DROP_DATABASE, drop.kind());
    assertEquals("app", drop.databaseName());
    assertTrue(drop.ifExists());
    assertEquals("DROP DATABASE", drop.commandTag(0));
    assertNull(PgToSqlite.translate("SELECT 1").databaseName());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
    "BEGIN                                   | BEGIN       | NULL | NULL            | false | BEGIN",
    "begin isolation level serializable      | BEGIN       | NULL | serializable    | false | BEGIN",
    "BEGIN WORK READ ONLY, ISOLATION LEVEL READ COMMITTED | BEGIN | NULL | read committed | true | BEGIN",
    "START TRANSACTION ISOLATION LEVEL REPEATABLE READ NOT DEFERRABLE | BEGIN | NULL | repeatable read | false | BEGIN",
    "COMMIT                                  | COMMIT      | NULL | NULL            | false | COMMIT",
    "END TRANSACTION                         | COMMIT      | NULL | NULL            | false | COMMIT",
    "COMMIT AND NO CHAIN                     | COMMIT      | NULL | NULL            | false | COMMIT",
    "ROLLBACK WORK                           | ROLLBACK    | NULL | NULL            | false | ROLLBACK",
    "ABORT                                   | ROLLBACK    | NULL | NULL            | false | ROLLBACK",
    "SAVEPOINT Sp1                           | SAVEPOINT   | sp1  | NULL            | false | SAVEPOINT \"sp1\"",
    "RELEASE SAVEPOINT sp1                   | RELEASE     | sp1  | NULL            | false | RELEASE SAVEPOINT \"sp1\"",
    "RELEASE \"Sp\"\"1\"                     | RELEASE     | Sp\"1 | NULL           | false | RELEASE SAVEPOINT \"Sp\"\"1\"",
    "ROLLBACK TO sp1                         | ROLLBACK_TO | sp1  | NULL            | false | ROLLBACK TO SAVEPOINT \"sp1\"",
    "ROLLBACK TRANSACTION TO SAVEPOINT sp1   | ROLLBACK_TO | sp1  | NULL            | false | ROLLBACK TO SAVEPOINT \"sp1\"",
  })
  void transactions(String sql, Op op, String savepoint, String isolation, boolean readOnly, String sqliteSql) {
    TranslatedStatement t = PgToSqlite.translate(sql);
    assertEquals(StatementKind.TRANSACTION, t.kind());
    assertEquals(new Transaction(op, savepoint, isolation, readOnly), t.detail());
    assertEquals(sqliteSql, t.sqliteSql());
  }

  @Test
  void commitAndChainIsNotSupported() {
    SqlTranslationException e = assertThrows(SqlTranslationException.class, () -> PgToSqlite.translate("COMMIT AND CHAIN"));
    assertEquals("0A000", e.sqlState());
    assertEquals("COMMIT AND CHAIN is not supported", e.getMessage());
  }

  @Test
  void utilityTargets() {
    assertEquals(new Utility("s_1"), PgToSqlite.translate("DEALLOCATE PREPARE S_1").detail());
    assertEquals(new Utility("S_1"), PgToSqlite.translate("DEALLOCATE \"S_1\"").detail());
    assertEquals(new Utility(null), PgToSqlite.translate("DEALLOCATE ALL").detail());
    assertEquals(new Utility("ch"), PgToSqlite.translate("LISTEN ch").detail());
    assertEquals(new Utility(null), PgToSqlite.translate("UNLISTEN *").detail());
    assertNull(PgToSqlite.translate("DISCARD ALL").detail());
  }
}
