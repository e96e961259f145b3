package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a single-node process under writes, then restart: nothing acknowledged is lost. */
class RestartIT {

  @TempDir Path dir;

  @Test
  void acknowledgedRowsSurviveKillAndAreNotDuplicated() throws Exception {
    assertTrue(KqliteProcess.jar().exists(), "build the jar first (mvn verify does)");
    int pgPort = TestCluster.freePort();
    String url = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
    try (KqliteProcess node = new KqliteProcess(dir.resolve("node.log"), pgPort, "--id", "solo",
        "--data-dir", dir.resolve("data").toString(), "--raft-port", Integer.toString(TestCluster.freePort()))) {
      node.start();
      try (Connection c = DriverManager.getConnection(url, "test", ""); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE acks (id INTEGER PRIMARY KEY AUTOINCREMENT, seq int NOT NULL)");
      }
      Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(url, "test", "");
            PreparedStatement insert = c.prepareStatement("INSERT INTO acks (seq) VALUES (?)")) {
          for (int seq = 0; !stop.get(); seq++) {
            insert.setInt(1, seq);
            insert.executeUpdate();
            acknowledged.add(seq);
          }
        } catch (SQLException expected) {
          // the process was killed under us
        }
      });
      writer.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 200);
      node.kill();
      stop.set(true);
      writer.join(30_000);

      node.start();
      Set<Integer> present = new HashSet<>();
      int rows = 0;
      try (Connection c = DriverManager.getConnection(url, "test", ""); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT seq FROM acks")) {
        while (rs.next()) {
          present.add(rs.getInt(1));
          rows++;
        }
      }
      assertEquals(present.size(), rows, "a write was applied twice");
      assertTrue(present.containsAll(acknowledged),
          "lost acknowledged writes: " + acknowledged.stream().filter(a -> !present.contains(a)).sorted().limit(10).toList());
      assertTrue(Files.exists(dir.resolve("data/db/postgres.db")));
    }
  }
}
