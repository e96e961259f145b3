package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.pgwire.sql.StatementDetail.Grant;
import io.kqlite.pgwire.sql.StatementDetail.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessStatementsTest {

  private static StatementDetail parse(String sql) {
    TranslatedStatement t = PgToSqlite.translate(sql);
    assertEquals(StatementKind.ACCESS, t.kind());
    return t.detail();
  }

  @Test
  void createUserLogsInByDefaultAndCreateRoleDoesNot() {
    Role user = (Role) parse("CREATE USER Alice WITH PASSWORD 'it''s' SUPERUSER");
    assertEquals(new Role(Role.Op.CREATE, "alice", false, true, true, "it's", true), user);
    Role role = (Role) parse("create role \"Bob\"");
    assertEquals(new Role(Role.Op.CREATE, "Bob", false, false, null, null, false), role);
  }

  @Test
  void alterRoleKeepsWhatIsNotGiven() {
    Role alter = (Role) parse("ALTER USER bob PASSWORD 'SCRAM-SHA-256$4096:abc$def:ghi'");
    assertNull(alter.login());
    assertNull(alter.superuser());
    assertEquals("SCRAM-SHA-256$4096:abc$def:ghi", alter.password());
    Role clear = (Role) parse("ALTER ROLE bob WITH NOLOGIN PASSWORD NULL");
    assertEquals(false, clear.login());
    assertTrue(clear.setsPassword());
    assertNull(clear.password());
  }

  @Test
  void dropRole() {
    assertEquals(new Role(Role.Op.DROP, "bob", true, null, null, null, false),
        parse("DROP ROLE IF EXISTS bob"));
  }

  @Test
  void grantsExpandAllAndStripPublicSchema() {
    Grant all = (Grant) parse("GRANT ALL PRIVILEGES ON TABLE public.t, u TO bob, PUBLIC");
    assertEquals(List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE"), all.privileges());
    assertEquals(List.of("t", "u"), all.objects());
    assertEquals(List.of("bob", "public"), all.roles());
    assertTrue(all.grant());
    Grant revoke = (Grant) parse("REVOKE select, insert ON t FROM bob CASCADE");
    assertFalse(revoke.grant());
    assertEquals(List.of("SELECT", "INSERT"), revoke.privileges());
    Grant connect = (Grant) parse("GRANT CONNECT ON DATABASE app TO bob");
    assertTrue(connect.onDatabase());
    assertEquals(List.of("CONNECT"), connect.privileges());
  }

  @Test
  void whatIsNotEnforcedIsRefused() {
    assertState("0A000", "GRANT SELECT (a) ON t TO bob");
    assertState("0A000", "GRANT admin TO bob");
    assertState("0A000", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO bob");
    assertState("0A000", "CREATE ROLE bob CREATEDB");
    assertState("0LP01", "GRANT CONNECT ON t TO bob");
    assertState("42601", "GRANT SELECT ON t bob");
  }

  @Test
  void passwordsAreNotPrinted() {
    assertFalse(parse("CREATE USER bob PASSWORD 'hunter2'").toString().contains("hunter2"));
  }

  private static void assertState(String state, String sql) {
    SqlTranslationException e = assertThrows(SqlTranslationException.class, () -> PgToSqlite.translate(sql));
    assertEquals(state, e.sqlState(), e.getMessage());
  }
}
