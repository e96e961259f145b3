package io.kqlite.statemachine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.WriteCommand;
import io.kqlite.statemachine.WriteResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sequences through the apply path: PostgreSQL's values and errors, replay-safe and atomic. */
class SequencesTest {

  @TempDir Path dir;
  private long index;

  private WriteResult apply(SqliteStore store, String... sql) {
    List<Statement> statements = new ArrayList<>();
    for (String s : sql) {
      statements.add(Statement.of(s));
    }
    return store.apply(++index, new WriteCommand(WriteCommand.Kind.EXECUTE, "postgres", statements, 1_000_000L, 1L));
  }

  private Object value(SqliteStore store, String sql) {
    WriteResult result = apply(store, sql);
    assertTrue(!result.failed(), () -> sql + ": " + result.error());
    return result.results().get(0).rows().get(0)[0];
  }

  private String error(SqliteStore store, String... sql) {
    WriteResult result = apply(store, sql);
    assertTrue(result.failed(), sql[0]);
    return result.error().sqlState() + " " + result.error().message();
  }

  @Test
  void nextvalSetvalAndCycleFollowPostgres() {
    try (SqliteStore store = new SqliteStore(dir)) {
      value(store, "SELECT kq_create_sequence('s', 0, NULL, 5, 5, NULL, 16, NULL, 1)");
      assertEquals(5L, value(store, "SELECT nextval('s')"));
      assertEquals(10L, value(store, "SELECT nextval('S')"));
      assertEquals(15L, value(store, "SELECT nextval('public.s')"));
      assertEquals(1L, value(store, "SELECT nextval('s')"), "cycles to MINVALUE");
      assertEquals(3L, value(store, "SELECT setval('s', 3, false)"));
      assertEquals(3L, value(store, "SELECT nextval('s')"));
      assertEquals(12L, value(store, "SELECT setval('s', 12)"));
      assertEquals(1L, value(store, "SELECT nextval('s')"), "12 + 5 passes MAXVALUE 16: cycles");
      assertEquals("22003 setval: value 17 is out of bounds for sequence \"s\" (1..16)",
          error(store, "SELECT setval('s', 17)"));
    }
  }

  @Test
  void errorsCarryPostgresStates() {
    try (SqliteStore store = new SqliteStore(dir)) {
      value(store, "SELECT kq_create_sequence('down', 0, 'integer', NULL, -1, -3, NULL, NULL, 0)");
      assertEquals(-1L, value(store, "SELECT nextval('down')"));
      value(store, "SELECT nextval('down')");
      value(store, "SELECT nextval('down')");
      assertEquals("2200H nextval: reached minimum value of sequence \"down\" (-3)",
          error(store, "SELECT nextval('down')"));
      assertEquals("42P01 relation \"nope\" does not exist", error(store, "SELECT nextval('nope')"));
      assertEquals("42P07 relation \"down\" already exists",
          error(store, "SELECT kq_create_sequence('down', 0, NULL, NULL, NULL, NULL, NULL, NULL, 0)"));
      value(store, "SELECT kq_create_sequence('down', 1, NULL, NULL, NULL, NULL, NULL, NULL, 0)");
      assertEquals("55000 currval of sequence \"down\" is not yet defined in this session",
          error(store, "SELECT currval('down')"));
      assertEquals("42P01 sequence \"nope\" does not exist", error(store, "SELECT kq_drop_sequence('nope', 0)"));
      value(store, "SELECT kq_drop_sequence('nope', 1)");
    }
  }

  @Test
  void currvalSeesTheSameEntryAndAFailedEntryGivesItsValuesBack() {
    try (SqliteStore store = new SqliteStore(dir)) {
      value(store, "SELECT kq_create_sequence('s', 0, NULL, NULL, NULL, NULL, NULL, NULL, 0)");
      apply(store, "CREATE TABLE t (id INTEGER DEFAULT (nextval('s')), v TEXT)");
      WriteResult entry = apply(store, "INSERT INTO t (v) VALUES ('a')", "SELECT currval('s'), lastval()");
      assertEquals(List.of(1L, 1L), List.of(entry.results().get(1).rows().get(0)));
      assertTrue(apply(store, "INSERT INTO t (v) VALUES ('b')", "SELECT nextval('nope')").failed());
      assertEquals(2L, value(store, "SELECT nextval('s')"), "the failed entry's nextval was rolled back");
    }
  }
}
