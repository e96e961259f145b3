package io.kqlite.statemachine.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

class SnapshotDirectoryTest {

  @TempDir Path dir;

  /**
   * The background snapshotter and Ratis' apply thread both delete old snapshots. Concurrent
   * deletions must neither throw (on the apply thread that stopped the member) nor leave old ones.
   */
  @RepeatedTest(5)
  void concurrentCleanupsDeleteOldSnapshotsWithoutFailing() throws Exception {
    for (int index = 1; index <= 30; index++) {
      Path snapshot = Files.createDirectories(dir.resolve("snapshot.1_" + index));
      for (int f = 0; f < 40; f++) {
        Files.writeString(snapshot.resolve("db" + f + ".db"), "x");
      }
    }
    SnapshotDirectory snapshots = new SnapshotDirectory();
    snapshots.use(dir.toFile());
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> cleanups = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      cleanups.add(CompletableFuture.runAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        snapshots.cleanupOldSnapshots(null);
      }));
    }
    start.countDown();
    CompletableFuture.allOf(cleanups.toArray(CompletableFuture[]::new)).join();

    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of("snapshot.1_29", "snapshot.1_30"),
          left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
