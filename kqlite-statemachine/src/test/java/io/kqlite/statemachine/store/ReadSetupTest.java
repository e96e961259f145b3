package io.kqlite.statemachine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kqlite.statemachine.LocalFunction;
import io.kqlite.statemachine.ReadSetup;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.WriteCommand;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadSetupTest {

  @TempDir Path dir;

  /** A derived TEMP table counting the file's tables, as a front end's catalog would. */
  private static final ReadSetup SETUP = new ReadSetup(
      List.of(new LocalFunction("twice", 1, a -> 2 * (Long) a[0])),
      List.of("CREATE TEMP TABLE derived (tables INTEGER)"),
      List.of("DELETE FROM temp.derived",
          "INSERT INTO temp.derived SELECT count(*) FROM main.sqlite_schema WHERE type = 'table'"));

  private static WriteCommand exec(String sql) {
    return new WriteCommand(WriteCommand.Kind.EXECUTE, "postgres", List.of(Statement.of(sql)),
        1_000_000L, 1L);
  }

  private static Object read(SqliteStore store, String sql) {
    return store.forRead("postgres").query(Statement.of(sql)).rows().get(0)[0];
  }

  @Test
  void derivedTablesFollowSchemaChangesAndNeverReachTheFile() {
    try (SqliteStore store = new SqliteStore(dir, SETUP)) {
      // kqlite_applied and kqlite_sequences are there from the start.
      assertEquals(2L, read(store, "SELECT tables FROM derived"));
      store.apply(1, exec("CREATE TABLE a (x)"));
      assertEquals(3L, read(store, "SELECT twice(tables) / 2 FROM derived"));
      store.apply(2, exec("INSERT INTO a VALUES (1)"));
      store.apply(3, exec("CREATE TABLE b (y)"));
      assertEquals(4L, read(store, "SELECT tables FROM derived"));
      store.apply(4, exec("DROP TABLE a"));
      assertEquals(3L, read(store, "SELECT tables FROM derived"));
      assertEquals(0L, read(store, "SELECT count(*) FROM main.sqlite_schema WHERE name = 'derived'"));
    }
  }

  @Test
  void aSchemaTheStatementsCannotDigestDoesNotFailQueries() {
    ReadSetup failing = new ReadSetup(List.of(), List.of("CREATE TEMP TABLE derived (n INTEGER)"),
        List.of("INSERT INTO temp.derived SELECT count(*) FROM main.needed"));
    try (SqliteStore store = new SqliteStore(dir, failing)) {
      assertEquals(0L, read(store, "SELECT count(*) FROM derived"));
      store.apply(1, exec("CREATE TABLE needed (x)"));
      assertEquals(1L, read(store, "SELECT count(*) FROM derived"));
    }
  }
}
