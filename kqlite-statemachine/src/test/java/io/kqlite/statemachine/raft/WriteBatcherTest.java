package io.kqlite.statemachine.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.statemachine.BatchCodec;
import io.kqlite.statemachine.EntryCodec;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.WriteCommand;
import io.kqlite.statemachine.WriteOutcome;
import io.kqlite.statemachine.WriteResult;
import io.kqlite.statemachine.store.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batcher against a real SQLite store standing in for the log: entries, results, failures. */
class WriteBatcherTest {

  @TempDir Path dir;

  private static byte[] insert(String sql) {
    return EntryCodec.encode(new WriteCommand(WriteCommand.Kind.EXECUTE, "postgres",
        List.of(Statement.of(sql)), 1_000_000L, 7L));
  }

  @Test
  void concurrentWritesShareEntriesAndEachKeepsItsOwnResult() throws Exception {
    try (SqliteStore store = new SqliteStore(dir)) {
      AtomicLong index = new AtomicLong();
      CountDownLatch firstEntryHeld = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      WriteBatcher.EntrySender sender = entry -> {
        long at = index.incrementAndGet();
        if (at == 2) { // hold the first batched entry until every other write is queued
          firstEntryHeld.countDown();
          await(release);
        }
        return new WriteBatcher.Committed(at,
            BatchCodec.encodeResults(store.apply(at, BatchCodec.decode(entry))));
      };
      try (WriteBatcher batcher = new WriteBatcher("t", 1, 1 << 20, sender)) {
        batcher.submit(insert("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
        ExecutorService sessions = Executors.newFixedThreadPool(20);
        List<Future<WriteOutcome>> outcomes = new ArrayList<>();
        outcomes.add(sessions.submit(() -> batcher.submit(insert("INSERT INTO t VALUES (0)"))));
        firstEntryHeld.await();
        for (int i = 1; i < 20; i++) {
          String sql = i == 7 ? "INSERT INTO t VALUES (0)" : "INSERT INTO t VALUES (" + i + ")";
          outcomes.add(sessions.submit(() -> batcher.submit(insert(sql))));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> batcher.queued() == 19); // the later writes wait behind the held entry
        release.countDown();
        for (int i = 0; i < outcomes.size(); i++) {
          WriteOutcome outcome = outcomes.get(i).get();
          assertEquals(i == 7, outcome.result().failed(), "write " + i);
        }
        assertEquals("23505", outcomes.get(7).get().result().error().sqlState());
        assertEquals(3, index.get(), "the 19 writes queued behind the held entry share one entry");
        sessions.shutdown();
      }
      assertEquals(19L, store.forRead("postgres").query(Statement.of("SELECT count(*) FROM t")).rows().get(0)[0]);
    }
  }

  /**
   * Session A's write is in flight while B's waits; when A is answered and writes again at once,
   * its next write leaves in the same entry as B's instead of waiting for B's entry to finish.
   */
  @Test
  void sessionsJustAnsweredJoinTheWritesQueuedBehindThem() throws Exception {
    List<Integer> entrySizes = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch release = new CountDownLatch(1);
    WriteBatcher.EntrySender sender = holdingTheFirstEntry(release, entrySizes);
    // A gather time far beyond what the test needs, so that the outcome does not depend on timing.
    try (WriteBatcher batcher = new WriteBatcher("t", 1, 1 << 20, 30_000_000_000L, sender)) {
      ExecutorService sessions = Executors.newFixedThreadPool(2);
      Future<?> a = sessions.submit(() -> {
        batcher.submit(insert("SELECT 1"));
        batcher.submit(insert("SELECT 2")); // at once, as a closed-loop client does
      });
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> entrySizes.size() == 1);
      Future<WriteOutcome> b = sessions.submit(() -> batcher.submit(insert("SELECT 3")));
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> batcher.queued() == 1);
      release.countDown();
      a.get();
      assertFalse(b.get().result().failed());
      assertEquals(List.of(1, 2), entrySizes);
      sessions.shutdown();
    }
  }

  /** A session that does not write again holds the queued writes up for the gather time only. */
  @Test
  void queuedWritesLeaveWithoutTheSessionThatDoesNotComeBack() throws Exception {
    List<Integer> entrySizes = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch release = new CountDownLatch(1);
    WriteBatcher.EntrySender sender = holdingTheFirstEntry(release, entrySizes);
    try (WriteBatcher batcher = new WriteBatcher("t", 1, 1 << 20, 50_000_000L, sender)) {
      ExecutorService sessions = Executors.newFixedThreadPool(2);
      Future<WriteOutcome> a = sessions.submit(() -> batcher.submit(insert("SELECT 1")));
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> entrySizes.size() == 1);
      Future<WriteOutcome> b = sessions.submit(() -> batcher.submit(insert("SELECT 2")));
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> batcher.queued() == 1);
      release.countDown();
      assertFalse(a.get().result().failed());
      assertFalse(b.get().result().failed());
      assertEquals(List.of(1, 1), entrySizes);
      sessions.shutdown();
    }
  }

  @Test
  void failedSendFailsEveryWriteOfItsEntryAndLaterWritesGoOn() {
    AtomicLong calls = new AtomicLong();
    WriteBatcher.EntrySender sender = entry -> {
      if (calls.incrementAndGet() == 1) {
        throw new SqlException("08006", "no leader");
      }
      return new WriteBatcher.Committed(calls.get(), BatchCodec.encodeResults(
          BatchCodec.decode(entry).stream().map(c -> WriteResult.ok(List.of())).toList()));
    };
    try (WriteBatcher batcher = new WriteBatcher("t", 1, 1 << 20, sender)) {
      SqlException failed = assertThrows(SqlException.class, () -> batcher.submit(insert("SELECT 1")));
      assertEquals("08006", failed.error().sqlState());
      assertFalse(batcher.submit(insert("SELECT 1")).result().failed());
    }
  }

  @Test
  void writeLargerThanAnEntryIsRefusedUpFront() {
    try (WriteBatcher batcher = new WriteBatcher("t", 1, 1024, entry -> {
      throw new AssertionError("nothing should be sent");
    })) {
      SqlException tooBig = assertThrows(SqlException.class,
          () -> batcher.submit(insert("SELECT '" + "x".repeat(2000) + "'")));
      assertEquals("54000", tooBig.error().sqlState());
      assertTrue(tooBig.getMessage().contains("limit"));
    }
  }

  /**
   * Answers every command of an entry with success and records the entry's size; the first entry
   * stays in flight until {@code release}, so that the test can queue writes behind it.
   */
  private static WriteBatcher.EntrySender holdingTheFirstEntry(CountDownLatch release, List<Integer> entrySizes) {
    return entry -> {
      List<?> commands = BatchCodec.decode(entry);
      entrySizes.add(commands.size());
      if (entrySizes.size() == 1) {
        await(release);
      }
      return new WriteBatcher.Committed(entrySizes.size(), BatchCodec.encodeResults(
          commands.stream().map(c -> WriteResult.ok(List.of())).toList()));
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
