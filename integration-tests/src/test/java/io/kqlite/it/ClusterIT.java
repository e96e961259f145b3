package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Three real members in one JVM: replication, follower writes, leader loss and return. */
class ClusterIT {

  /**
   * Session functions in a write (autocommit, prepared, and in a transaction replayed at COMMIT)
   * take the writing session's values, decided once: every member stores the same row.
   */
  @Test
  void sessionValuesInWritesAreTheWritersOnEveryMember() throws Exception {
    try (TestCluster cluster = TestCluster.start(3)) {
      int follower = cluster.someFollower();
      java.util.Properties props = new java.util.Properties();
      props.setProperty("user", "test");
      props.setProperty("ApplicationName", "audit-it");
      try (Connection c = java.sql.DriverManager.getConnection(cluster.url(follower, "postgres"), props);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE audit (n int, who text, pid int, port int, app text)");
        s.execute("INSERT INTO audit VALUES (1, current_user, pg_backend_pid(), inet_client_port(),"
            + " current_setting('application_name'))");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit (n, who, pid) VALUES (?, session_user, pg_backend_pid())")) {
          insert.setInt(1, 2);
          insert.executeUpdate();
        }
        c.setAutoCommit(false);
        s.execute("INSERT INTO audit (n, who) VALUES (3, current_user)");
        c.commit();
        c.setAutoCommit(true);
        try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), inet_client_port()")) {
          rs.next();
          List<String> expected = List.of(
              "1|test|" + rs.getInt(1) + "|" + rs.getInt(2) + "|audit-it|",
              "2|test|" + rs.getInt(1) + "|null|null|",
              "3|test|null|null|null|");
          for (int i = 0; i < 3; i++) {
            int node = i;
            await().atMost(Duration.ofSeconds(20)).until(() -> cluster.dump(node, "audit").equals(expected));
          }
        }
      }
    }
  }

  @Test
  void followerWritesReplicateAndSurviveLeaderLoss() throws Exception {
    try (TestCluster cluster = TestCluster.start(3)) {
      int follower = cluster.someFollower();
      try (Connection c = cluster.connect(follower); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kv (k int PRIMARY KEY, v text, at text DEFAULT (now()))");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO kv (k, v) VALUES (?, ?)")) {
          for (int k = 0; k < 20; k++) {
            insert.setInt(1, k);
            insert.setString(2, "before-" + k);
            insert.executeUpdate();
          }
        }
        // The session reads its own writes on the follower, at once.
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM kv")) {
          rs.next();
          assertEquals(20, rs.getInt(1));
        }
      }
      List<String> expected = cluster.dump(follower, "kv");
      for (int i = 0; i < 3; i++) {
        int node = i;
        await().atMost(Duration.ofSeconds(20)).until(() -> cluster.dump(node, "kv").equals(expected));
      }

      int oldLeader = cluster.awaitLeader(); // a busy machine can be between leaders here
      cluster.stopNode(oldLeader);
      int newLeader = cluster.awaitLeader();
      assertNotEquals(oldLeader, newLeader);

      int survivor = (oldLeader + 1) % 3;
      try (Connection c = cluster.connect(survivor); Statement s = c.createStatement()) {
        for (int k = 20; k < 40; k++) {
          s.executeUpdate("INSERT INTO kv (k, v) VALUES (" + k + ", 'after-" + k + "')");
        }
        s.executeUpdate("UPDATE kv SET v = v || '!' WHERE k % 10 = 0");
      }

      cluster.startNode(oldLeader);
      List<String> afterFailover = cluster.dump(survivor, "kv");
      assertEquals(40, afterFailover.size());
      await().atMost(Duration.ofSeconds(30))
          .until(() -> cluster.dump(oldLeader, "kv").equals(afterFailover));
      for (int i = 0; i < 3; i++) {
        assertEquals(afterFailover, cluster.dump(i, "kv"), "replica n" + (i + 1));
      }
    }
  }
}
