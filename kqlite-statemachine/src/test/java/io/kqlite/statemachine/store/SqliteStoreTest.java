package io.kqlite.statemachine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.statemachine.Column;
import io.kqlite.statemachine.CommandParts;
import io.kqlite.statemachine.EntryCodec;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import io.kqlite.statemachine.WriteCommand;
import io.kqlite.statemachine.WriteResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {

  @TempDir Path dir;

  private static WriteCommand exec(String db, Statement... statements) {
    return new WriteCommand(WriteCommand.Kind.EXECUTE, db, List.of(statements), 1_000_000L, 1L);
  }

  private static long count(SqliteStore store) {
    return (Long) store.forRead("postgres").query(Statement.of("SELECT count(*) FROM t")).rows().get(0)[0];
  }

  @Test
  void replayAfterRestartAppliesEachEntryOnce() {
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)")));
      store.apply(2, exec("postgres", Statement.of("INSERT INTO t (v) VALUES (?1)", "a")));
    }
    try (SqliteStore store = new SqliteStore(dir)) {
      // Ratis replays the whole log after a restart: entries 1 and 2 must be skipped.
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)")));
      WriteResult replay = store.apply(2, exec("postgres", Statement.of("INSERT INTO t (v) VALUES (?1)", "a")));
      assertFalse(replay.failed());
      store.apply(3, exec("postgres", Statement.of("INSERT INTO t (v) VALUES (?1)", "b")));
      assertEquals(2, count(store));
      assertEquals(3, store.existing("postgres").appliedIndex());
    }
  }

  /**
   * A full disk is not the statement's result: another replica has room and applies it. The
   * apply fails instead (Ratis then stops this node), the file keeps its last applied entry, and
   * no error is recorded as if the statement had failed everywhere.
   */
  @Test
  void fullDiskFailsTheApplyInsteadOfFailingTheStatement() {
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (v BLOB)")));
      store.apply(2, exec("postgres", Statement.of("PRAGMA max_page_count = 20"))); // a small disk
      assertThrows(IllegalStateException.class, () -> store.apply(3,
          exec("postgres", Statement.of("INSERT INTO t VALUES (zeroblob(1000000))"))));
      assertEquals(2, store.existing("postgres").appliedIndex());
    }
  }

  /**
   * A function the apply path lacks is 42883 whether the statement calls it or a column default
   * does (SQLite words the two differently: "no such function", "unknown function").
   */
  @Test
  void aMissingFunctionIsUndefinedFunctionAlsoInAColumnDefault() {
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (owner TEXT DEFAULT (current_user()), x INTEGER)")));
      WriteResult byDefault = store.apply(2, exec("postgres", Statement.of("INSERT INTO t (x) VALUES (1)")));
      WriteResult called = store.apply(3, exec("postgres", Statement.of("INSERT INTO t VALUES (current_user(), 2)")));
      assertEquals("42883", byDefault.error().sqlState(), byDefault.error().message());
      assertEquals("function current_user does not exist", byDefault.error().message());
      assertEquals("42883", called.error().sqlState(), called.error().message());
    }
  }

  /** SQLite's default refuses SQL over 1 MB; drivers that inline a large bytea send one. */
  @Test
  void statementOfSeveralMegabytesApplies() {
    String value = "x".repeat(3_000_000);
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (v TEXT)")));
      WriteResult result = store.apply(2, exec("postgres", Statement.of("INSERT INTO t VALUES ('" + value + "')")));
      assertEquals(null, result.error());
      assertEquals(3_000_000L, store.forRead("postgres").query(Statement.of("SELECT length(v) FROM t")).rows().get(0)[0]);
    }
  }

  private static long parts(SqliteStore store) {
    return (Long) store.forRead("postgres").query(Statement.of("SELECT count(*) FROM kqlite_parts")).rows().get(0)[0];
  }

  /** A write carried in parts changes nothing until its assemble entry, which applies it whole. */
  @Test
  void writeInPartsAppliesAtItsAssembleEntryOnly() {
    byte[] large = new byte[1_500_000];
    new java.util.Random(3).nextBytes(large);
    WriteCommand whole = exec("postgres", Statement.of("INSERT INTO t VALUES (?1)", large),
        Statement.of("INSERT INTO t VALUES (x'01')"));
    List<WriteCommand> parts = CommandParts.split(whole, EntryCodec.encode(whole), 42L, 400_000);
    assertEquals(5, parts.size());
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (v BLOB)")));
      long index = 2;
      for (WriteCommand part : parts.subList(0, parts.size() - 1)) {
        assertFalse(store.apply(index++, part).failed());
      }
      assertEquals(0, count(store));
      assertEquals(4, parts(store));

      WriteResult applied = store.apply(index, parts.get(parts.size() - 1));

      assertEquals(null, applied.error());
      assertEquals(2, applied.results().size());
      assertEquals(2, count(store));
      assertTrue(java.util.Arrays.equals(large, (byte[]) store.forRead("postgres")
          .query(Statement.of("SELECT v FROM t WHERE length(v) > 1")).rows().get(0)[0]));
      assertEquals(0, parts(store));
    }
  }

  /** A failing write and a write whose parts are missing both fail whole and leave no parts. */
  @Test
  void failedWriteInPartsLeavesNeitherRowsNorParts() {
    byte[] large = new byte[900_000];
    WriteCommand failing = exec("postgres", Statement.of("INSERT INTO t VALUES (?1)", large),
        Statement.of("INSERT INTO missing VALUES (1)"));
    List<WriteCommand> failingParts = CommandParts.split(failing, EntryCodec.encode(failing), 1L, 400_000);
    WriteCommand incomplete = exec("postgres", Statement.of("INSERT INTO t VALUES (?1)", large));
    List<WriteCommand> incompleteParts = CommandParts.split(incomplete, EntryCodec.encode(incomplete), 2L, 400_000);
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (v BLOB)")));
      long index = 2;
      for (WriteCommand part : failingParts.subList(0, failingParts.size() - 1)) {
        store.apply(index++, part);
      }
      WriteResult failed = store.apply(index++, failingParts.get(failingParts.size() - 1));
      assertEquals("42P01", failed.error().sqlState());
      store.apply(index++, incompleteParts.get(0));
      WriteResult missing = store.apply(index++, incompleteParts.get(incompleteParts.size() - 1));

      assertEquals("XX000", missing.error().sqlState());
      assertEquals(0, count(store));
      assertEquals(0, parts(store));
    }
  }

  /** Parts whose assemble entry never came are deleted by a later one an hour on, by log time. */
  @Test
  void abandonedPartsGoWithALaterWriteInParts() {
    WriteCommand abandoned = exec("postgres", Statement.of("INSERT INTO t VALUES (?1)", new byte[900_000]));
    WriteCommand later = new WriteCommand(WriteCommand.Kind.EXECUTE, "postgres",
        List.of(Statement.of("INSERT INTO t VALUES (?1)", new byte[900_000])),
        abandoned.timestampMicros() + 2 * 3_600_000_000L, 1L);
    List<WriteCommand> laterParts = CommandParts.split(later, EntryCodec.encode(later), 4L, 400_000);
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (v BLOB)")));
      store.apply(2, CommandParts.split(abandoned, EntryCodec.encode(abandoned), 3L, 400_000).get(0));
      long index = 3;
      for (WriteCommand part : laterParts) {
        store.apply(index++, part);
      }
      assertEquals(1, count(store));
      assertEquals(0, parts(store));
    }
  }

  @Test
  void bulkStatementAppliesEveryRowOrNone() {
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")));
      WriteResult ok = store.apply(2, exec("postgres", Statement.bulk("INSERT INTO t VALUES (?1, ?2)",
          io.kqlite.statemachine.ParameterRows.of(2, new Object[] {1L, "a", 2L, null, 3L, "c"}))));
      assertEquals(3, ok.results().get(0).rowsChanged());
      WriteResult duplicate = store.apply(3, exec("postgres", Statement.bulk("INSERT INTO t VALUES (?1, ?2)",
          io.kqlite.statemachine.ParameterRows.of(2, new Object[] {4L, "d", 1L, "again"}))));
      assertTrue(duplicate.failed());
      assertEquals("23505", duplicate.error().sqlState());
      assertEquals(3, count(store)); // row 4 went with the failing row 1
    }
  }

  @Test
  void failingStatementRollsBackTheWholeEntry() {
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")));
      WriteResult result = store.apply(2, exec("postgres",
          Statement.of("INSERT INTO t VALUES (1, 'a')"),
          Statement.of("INSERT INTO t VALUES (1, 'b')")));
      assertTrue(result.failed());
      assertEquals("23505", result.error().sqlState());
      assertEquals("t_pkey", result.error().constraint());
      assertEquals(1, result.results().size());
      assertEquals(0, count(store));
      assertEquals("23502", store.apply(3, exec("postgres", Statement.of("INSERT INTO t VALUES (2, NULL)"))).error().sqlState());
      assertEquals("42P01", store.apply(4, exec("postgres", Statement.of("INSERT INTO nope VALUES (1)"))).error().sqlState());
    }
  }

  @Test
  void nowAndRandomComeFromTheEntry() {
    try (SqliteStore a = new SqliteStore(dir.resolve("a")); SqliteStore b = new SqliteStore(dir.resolve("b"))) {
      for (SqliteStore store : List.of(a, b)) {
        store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (ts TEXT, r REAL, u TEXT)")));
        store.apply(2, new WriteCommand(WriteCommand.Kind.EXECUTE, "postgres",
            List.of(Statement.of("INSERT INTO t VALUES (now(), random(), gen_random_uuid())")), 1_700_000_000_123_456L, 99L));
      }
      Object[] rowA = a.forRead("postgres").query(Statement.of("SELECT * FROM t")).rows().get(0);
      Object[] rowB = b.forRead("postgres").query(Statement.of("SELECT * FROM t")).rows().get(0);
      assertEquals("2023-11-14 22:13:20.123456+00", rowA[0]);
      assertEquals(List.of(rowA), List.of(rowA)); // sanity
      assertEquals(java.util.Arrays.asList(rowA), java.util.Arrays.asList(rowB));
    }
  }

  /** PostgreSQL's now() is one value for a whole statement, however many rows it takes. */
  @Test
  void aReadSeesOneNowForTheWholeStatement() {
    try (SqliteStore store = new SqliteStore(dir)) {
      StatementResult result = store.forRead("postgres").query(Statement.of(
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
              + " SELECT count(DISTINCT now()), count(DISTINCT random()) FROM n"));
      assertEquals(1L, result.rows().get(0)[0]);
      assertEquals(20000L, result.rows().get(0)[1]); // randomness stays fresh
    }
  }

  @Test
  void createDatabaseIsIdempotentOnReplayButDuplicatesFail() {
    try (SqliteStore store = new SqliteStore(dir)) {
      WriteCommand create = new WriteCommand(WriteCommand.Kind.CREATE_DATABASE, "app", List.of(), 0, 0);
      assertFalse(store.apply(5, create).failed());
      assertFalse(store.apply(5, create).failed()); // replay
      assertEquals("42P04", store.apply(6, create).error().sqlState());
      assertEquals("42602", store.apply(7, new WriteCommand(WriteCommand.Kind.CREATE_DATABASE, "../x", List.of(), 0, 0)).error().sqlState());
      assertEquals("3D000", store.apply(8, exec("nope", Statement.of("SELECT 1"))).error().sqlState());
    }
  }

  @Test
  void uniqueViolationsNameTheIndexLikePostgres() {
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres",
          Statement.of("CREATE TABLE kine (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, prev_revision INTEGER, other TEXT UNIQUE)"),
          Statement.of("CREATE UNIQUE INDEX kine_name_prev_revision_uindex ON kine (name, prev_revision)"),
          Statement.of("INSERT INTO kine (id, name, prev_revision, other) VALUES (1, 'a', 0, 'x')")));
      WriteResult named = store.apply(2, exec("postgres", Statement.of("INSERT INTO kine (name, prev_revision) VALUES ('a', 0)")));
      assertEquals("kine_name_prev_revision_uindex", named.error().constraint());
      WriteResult column = store.apply(3, exec("postgres", Statement.of("INSERT INTO kine (name, prev_revision, other) VALUES ('b', 0, 'x')")));
      assertEquals("kine_other_key", column.error().constraint());
      WriteResult primary = store.apply(4, exec("postgres", Statement.of("INSERT INTO kine (id, name) VALUES (1, 'c')")));
      assertEquals("kine_pkey", primary.error().constraint());
    }
  }

  @Test
  void ddlInATransactionCommitsWithItsSpeculativeDigest() {
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE a (v int)"), Statement.of("INSERT INTO a VALUES (1), (2)")));
      List<Statement> transaction = List.of(Statement.of("CREATE TABLE b (v int)"), Statement.of("INSERT INTO b VALUES (3)"));
      WriteResult speculated = store.forRead("postgres").speculate(List.of(), List.of(), transaction, 5L, 6L);
      List<Long> digests = speculated.results().stream().map(io.kqlite.statemachine.ResultDigest::of).toList();
      WriteResult committed = store.apply(2, new WriteCommand(WriteCommand.Kind.TRANSACTION, "postgres",
          transaction, digests, 5L, 6L));
      assertFalse(committed.failed(), String.valueOf(committed.error()));
    }
  }

  @Test
  void batchedCommandsSucceedOrFailEachOnItsOwn() {
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")));
      List<WriteResult> results = store.apply(2, List.of(
          exec("postgres", Statement.of("INSERT INTO t VALUES (1, 'a')")),
          exec("postgres", Statement.of("INSERT INTO t VALUES (2, 'b')"), Statement.of("INSERT INTO t VALUES (1, 'dup')")),
          exec("nosuchdb", Statement.of("INSERT INTO t VALUES (3, 'c')")),
          exec("postgres", Statement.of("INSERT INTO t VALUES (4, 'd')"))));
      assertFalse(results.get(0).failed());
      assertEquals("23505", results.get(1).error().sqlState());
      assertEquals("3D000", results.get(2).error().sqlState());
      assertFalse(results.get(3).failed());
      assertEquals(2, count(store)); // rows 1 and 4; row 2 went with its command's failing statement
      assertEquals(2, store.existing("postgres").appliedIndex());
    }
  }

  @Test
  void commandThatEndsTheSqliteTransactionKeepsItsNeighboursWork() {
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")));
      // OR ROLLBACK ends the whole SQLite transaction, earlier commands of the entry included.
      List<WriteResult> results = store.apply(2, List.of(
          exec("postgres", Statement.of("INSERT INTO t VALUES (1, 'a')")),
          exec("postgres", Statement.of("INSERT OR ROLLBACK INTO t VALUES (1, 'dup')")),
          exec("postgres", Statement.of("INSERT INTO t VALUES (2, 'b')"))));
      assertFalse(results.get(0).failed());
      assertEquals("23505", results.get(1).error().sqlState());
      assertFalse(results.get(2).failed());
      assertEquals(2, count(store));
    }
  }

  private static StatementResult only(WriteResult result) {
    assertFalse(result.failed(), () -> String.valueOf(result.error()));
    return result.results().get(0);
  }

  @Test
  void reusedStatementsFollowSchemaChanges() {
    try (SqliteStore store = new SqliteStore(dir)) {
      String insert = "INSERT INTO t (a) VALUES (?1) RETURNING *";
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (a TEXT)")));
      assertEquals(1, only(store.apply(2, exec("postgres", Statement.of(insert, "x")))).columns().size());
      store.apply(3, exec("postgres", Statement.of("ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'd'")));
      StatementResult after = only(store.apply(4, exec("postgres", Statement.of(insert, "y"))));
      assertEquals(List.of("a", "b"), after.columns().stream().map(Column::name).toList());
      assertEquals("d", after.rows().get(0)[1]);
    }
  }

  @Test
  void rowidAliasTypeIsReadAgainAfterTheTableChanges() {
    String plain = "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)";
    String marked = "CREATE TABLE t (id INTEGER " + RowidAliasTypes.marker("int8")
        + " PRIMARY KEY AUTOINCREMENT, v TEXT)";
    String insert = "INSERT INTO t (v) VALUES ('a') RETURNING id";
    try (SqliteStore store = new SqliteStore(dir)) {
      store.apply(1, exec("postgres", Statement.of(plain)));
      assertEquals("INTEGER", only(store.apply(2, exec("postgres", Statement.of(insert)))).columns().get(0).declaredType());
      // An undone command moves the schema version on and back; what was learned under its schema
      // must not stick to the version number that the next real change reaches.
      WriteResult undone = store.apply(3, List.of(new WriteCommand(WriteCommand.Kind.EXECUTE, "postgres",
          List.of(Statement.of("DROP TABLE t"), Statement.of(marked), Statement.of(insert),
              Statement.of("SELECT nope")), 1, 1))).get(0);
      assertTrue(undone.failed());
      assertEquals("INT8", undone.results().get(2).columns().get(0).declaredType());
      store.apply(4, exec("postgres", Statement.of("DROP TABLE t"), Statement.of(plain)));
      assertEquals("INTEGER", only(store.apply(5, exec("postgres", Statement.of(insert)))).columns().get(0).declaredType());
      store.apply(6, exec("postgres", Statement.of("DROP TABLE t"), Statement.of(marked)));
      assertEquals("INT8", only(store.apply(7, exec("postgres", Statement.of(insert)))).columns().get(0).declaredType());
      assertEquals("INT8", store.forRead("postgres").query(Statement.of("SELECT id FROM t")).columns().get(0).declaredType());
    }
  }

  @Test
  void aReusedStatementRunsAgainAfterItFailed() {
    try (SqliteStore store = new SqliteStore(dir)) {
      String insert = "INSERT INTO t VALUES (?1) RETURNING id";
      store.apply(1, exec("postgres", Statement.of("CREATE TABLE t (id INTEGER PRIMARY KEY)")));
      only(store.apply(2, exec("postgres", Statement.of(insert, 1L))));
      assertEquals("23505", store.apply(3, exec("postgres", Statement.of(insert, 1L))).error().sqlState());
      assertEquals(2L, only(store.apply(4, exec("postgres", Statement.of(insert, 2L)))).rows().get(0)[0]);
      assertEquals(2, count(store));
    }
  }
}
