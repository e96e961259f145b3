package io.kqlite.statemachine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.statemachine.LocalFunction;
import io.kqlite.statemachine.ReadSetup;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.WriteCommand;
import io.kqlite.statemachine.WriteResult;
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

  /** SETUP plus a replicated function, as the front end's array helpers. */
  private static final ReadSetup WITH_REPLICATED = new ReadSetup(SETUP.functions(), SETUP.onOpen(),
      SETUP.onSchemaChange(), List.of(new LocalFunction("plus_one", 1, a -> (Long) a[0] + 1)));

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
      // kqlite_applied, kqlite_sequences and kqlite_parts are there from the start.
      assertEquals(3L, read(store, "SELECT tables FROM derived"));
      store.apply(1, exec("CREATE TABLE a (x)"));
      assertEquals(4L, read(store, "SELECT twice(tables) / 2 FROM derived"));
      store.apply(2, exec("INSERT INTO a VALUES (1)"));
      store.apply(3, exec("CREATE TABLE b (y)"));
      assertEquals(5L, read(store, "SELECT tables FROM derived"));
      store.apply(4, exec("DROP TABLE a"));
      assertEquals(4L, read(store, "SELECT tables FROM derived"));
      assertEquals(0L, read(store, "SELECT count(*) FROM main.sqlite_schema WHERE name = 'derived'"));
    }
  }

  /** An aggregate sees its group's values in the call's ORDER BY; no rows hand it none. */
  @Test
  void aggregateFunctionsCollectTheirGroupInOrder() {
    ReadSetup joined = ReadSetup.functions(List.of(LocalFunction.aggregate("joined",
        values -> values.length == 0 ? null : java.util.Arrays.toString(values))));
    try (SqliteStore store = new SqliteStore(dir, joined)) {
      store.apply(1, exec("CREATE TABLE a (g, x)"));
      store.apply(2, exec("INSERT INTO a VALUES (1, 'b'), (1, NULL), (2, 3), (1, 'a')"));
      assertEquals("[b, null, a]", read(store, "SELECT joined(x) FROM a WHERE g = 1"));
      assertEquals("[a, b, null]", read(store, "SELECT joined(x ORDER BY x NULLS LAST) FROM a WHERE g = 1"));
      assertEquals(List.of("1:[a, b, null]", "2:[3]"), store.forRead("postgres").query(Statement.of(
          "SELECT g || ':' || joined(x ORDER BY x NULLS LAST) FROM a GROUP BY g ORDER BY g")).rows()
          .stream().map(row -> row[0]).toList());
      assertEquals(null, read(store, "SELECT joined(x) FROM a WHERE g = 3"));
    }
  }

  @Test
  void replicatedFunctionsRunInTheLogsApply() {
    try (SqliteStore store = new SqliteStore(dir, WITH_REPLICATED)) {
      store.apply(1, exec("CREATE TABLE a (x)"));
      assertFalse(store.apply(2, exec("INSERT INTO a VALUES (plus_one(41))")).failed());
      assertEquals(42L, read(store, "SELECT x FROM a"));
      assertEquals(43L, read(store, "SELECT plus_one(x) FROM a"));
      // a read-only function is not there for the apply: the write fails, nothing is written
      assertTrue(store.apply(3, exec("INSERT INTO a VALUES (twice(1))")).failed());
      assertEquals(1L, read(store, "SELECT count(*) FROM a"));
    }
  }

  @Test
  void aTransactionReadsTheCatalogButOnlyTableReadsAreReplayable() {
    try (SqliteStore store = new SqliteStore(dir, WITH_REPLICATED)) {
      store.apply(1, exec("CREATE TABLE a (x)"));
      SqliteDatabase db = store.forRead("postgres");
      WriteResult result = db.speculate(List.of(Statement.of("INSERT INTO a VALUES (1)")), List.of(),
          List.of(Statement.of("SELECT twice(tables) FROM derived"),
              Statement.of("SELECT plus_one(count(*)) FROM a")), 1_000_000L, 1L);
      assertFalse(result.failed(), String.valueOf(result.error()));
      assertEquals(8L, result.results().get(0).rows().get(0)[0]); // kqlite_applied, _sequences, _parts, a
      assertEquals(2L, result.results().get(1).rows().get(0)[0]);
      assertFalse(db.replayable("SELECT twice(tables) FROM derived"));
      assertFalse(db.replayable("SELECT x FROM not_yet_created"));
      assertTrue(db.replayable("SELECT plus_one(count(*)) FROM a"));
      store.apply(2, exec("CREATE TABLE b (y)"));
      WriteResult after = db.speculate(List.of(), List.of(),
          List.of(Statement.of("SELECT tables FROM derived")), 1_000_000L, 1L);
      assertEquals(5L, after.results().get(0).rows().get(0)[0]); // refreshed for the speculator too
      WriteResult ownDdl = db.speculate(List.of(Statement.of("CREATE TABLE c (z)")), List.of(),
          List.of(Statement.of("SELECT tables FROM derived")), 1_000_000L, 1L);
      assertEquals(6L, ownDdl.results().get(0).rows().get(0)[0]); // the transaction's own table
      assertEquals(5L, read(store, "SELECT tables FROM derived"));
      WriteResult again = db.speculate(List.of(), List.of(),
          List.of(Statement.of("SELECT tables FROM derived")), 1_000_000L, 1L);
      assertEquals(5L, again.results().get(0).rows().get(0)[0]); // rolled back with it
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
