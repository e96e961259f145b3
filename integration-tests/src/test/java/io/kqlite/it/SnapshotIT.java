package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Snapshots bound the log; a member that missed purged entries catches up from a snapshot. */
class SnapshotIT {

  @Test
  void memberBehindPurgedLogCatchesUpBySnapshot() throws Exception {
    try (TestCluster cluster = TestCluster.startWithSnapshots(3, 50)) {
      int leader = cluster.awaitLeader();
      int away = cluster.someFollower();
      try (Connection c = cluster.connect(leader); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE big (id int PRIMARY KEY, v text)");
        s.execute("CREATE DATABASE other");
      }
      long awayApplied = cluster.server(away).node().appliedIndex();
      cluster.stopNode(away);
      try (Connection c = cluster.connect(leader);
          PreparedStatement insert = c.prepareStatement("INSERT INTO big VALUES (?, ?)")) {
        for (int i = 0; i < 600; i++) {
          insert.setInt(1, i);
          insert.setString(2, "row " + i + " " + "x".repeat(100));
          insert.executeUpdate();
        }
      }
      try (Connection c = cluster.connect(leader, "other"); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (v text)");
        s.execute("INSERT INTO t VALUES ('in the other database')");
      }
      Path leaderSnapshots = cluster.raftDir(leader);
      await().atMost(Duration.ofSeconds(30)).until(() -> countSnapshots(leaderSnapshots) > 0);
      // Enough entries for a few snapshots: the leader purged the entries the away member lacks,
      // so it can only catch up by installing a snapshot.
      await().atMost(Duration.ofSeconds(30))
          .until(() -> cluster.server(leader).node().logStartIndex() > awayApplied + 1);
      cluster.startNode(away);
      List<String> expected = cluster.dump(leader, "big");
      assertEquals(600, expected.size());
      await().atMost(Duration.ofSeconds(60)).until(() -> cluster.dump(away, "big").equals(expected));
      try (Connection c = cluster.connect(away, "other"); Statement s = c.createStatement();
          var rs = s.executeQuery("SELECT v FROM t")) {
        assertTrue(rs.next());
        assertEquals("in the other database", rs.getString(1));
      }
    }
  }

  private static long countSnapshots(Path raftDir) throws Exception {
    if (!Files.exists(raftDir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(raftDir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("snapshot.")).count();
    }
  }
}
