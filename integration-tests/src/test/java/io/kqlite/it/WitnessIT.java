package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two data nodes and a witness, each a real process killed with SIGKILL: automatic failover, no
 * acknowledged write lost, the witness's log bridging the data nodes.
 */
class WitnessIT {

  private static final int A = 0;
  private static final int B = 1;
  private static final int WITNESS = 2;

  private static void createTable(ProcessCluster cluster, int node) throws SQLException {
    try (Connection c = cluster.connect(node); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE acks (seq int PRIMARY KEY, writer text)");
    }
  }

  private static void awaitIdentical(ProcessCluster cluster, String table, int... nodes) {
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      List<String> first = cluster.dump(nodes[0], table);
      for (int node : nodes) {
        if (!cluster.dump(node, table).equals(first)) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  void killingTheLeaderUnderLoadLosesNoAcknowledgedWrite() throws Exception {
    try (ProcessCluster cluster = new ProcessCluster(3, WITNESS)) {
      cluster.startAll();
      int leader = cluster.awaitLeader();
      assertNotEquals(WITNESS, leader, "a data node should win the first election");
      createTable(cluster, leader);
      cluster.awaitAllCaughtUp();

      Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer = new Thread(() -> {
        int node = A;
        for (int seq = 0; !stop.get(); seq++) {
          while (!stop.get()) {
            try (Connection c = cluster.connect(node);
                PreparedStatement insert = c.prepareStatement("INSERT INTO acks VALUES (?, 'load')")) {
              insert.setInt(1, seq);
              insert.executeUpdate();
              acknowledged.add(seq);
              break;
            } catch (SQLException e) {
              if ("23505".equals(e.getSQLState())) {
                acknowledged.add(seq); // an earlier try committed without telling us
                break;
              }
              node = node == A ? B : A; // that node is gone: use the other data node
            }
          }
        }
      });
      writer.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 50);
      cluster.kill(leader);
      int before = acknowledged.size();
      // Generous on a loaded machine: the failover time itself is measured by bench/failover.sh.
      await().atMost(Duration.ofSeconds(180)).until(() -> acknowledged.size() >= before + 50);
      int newLeader = cluster.awaitLeader();
      assertNotEquals(leader, newLeader);

      cluster.start(leader);
      stop.set(true);
      writer.join(60_000);
      awaitIdentical(cluster, "acks", A, B);
      List<String> rows = cluster.dump(A, "acks");
      for (int seq : acknowledged) {
        assertTrue(rows.contains(seq + "|load|"), "acknowledged write " + seq + " is missing");
      }
    }
  }

  @Test
  void witnessLogCarriesWritesFromOneDataNodeToTheOther() throws Exception {
    try (ProcessCluster cluster = new ProcessCluster(3, WITNESS)) {
      cluster.startAll();
      createTable(cluster, cluster.awaitLeader());
      cluster.awaitAllCaughtUp();
      cluster.kill(A);
      try (Connection c = cluster.connect(B); Statement s = c.createStatement()) {
        for (int seq = 1; seq <= 20; seq++) {
          s.executeUpdate("INSERT INTO acks VALUES (" + seq + ", 'only B saw this')");
        }
      }
      cluster.kill(B);
      cluster.start(A); // A's log is older than the witness's: the witness must lead first
      int leader = cluster.awaitLeader();
      await().atMost(Duration.ofSeconds(60)).until(() -> cluster.leaderIndex() == A);
      assertTrue(leader == A || leader == WITNESS);
      assertEquals(20, cluster.dump(A, "acks").size());
      try (Connection c = cluster.connect(A); Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO acks VALUES (21, 'A after B died')");
      }
      cluster.start(B);
      awaitIdentical(cluster, "acks", A, B);
      assertEquals(21, cluster.dump(B, "acks").size());
    }
  }

  /**
   * The largest entries reach the witness too, started by the launcher as a user would. With the
   * launcher's earlier 24 MB heap a witness ran out of memory parsing a 7 MB entry and stayed
   * behind for good; with one data node down, no write could commit any more.
   */
  @Test
  void witnessStartedByTheLauncherTakesTheLargestEntries() throws Exception {
    try (ProcessCluster cluster = new ProcessCluster(3, WITNESS)) {
      cluster.startAll();
      int leader = cluster.awaitLeader();
      try (Connection c = cluster.connect(leader); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE blobs (id int PRIMARY KEY, v bytea)");
      }
      byte[] large = new byte[7 * 1024 * 1024];
      java.util.Arrays.fill(large, (byte) 7);
      try (Connection c = cluster.connect(leader);
          PreparedStatement insert = c.prepareStatement("INSERT INTO blobs VALUES (?, ?)")) {
        for (int id = 1; id <= 3; id++) {
          insert.setInt(1, id);
          insert.setBytes(2, large);
          insert.executeUpdate();
        }
      }
      cluster.awaitAllCaughtUp(); // the witness too: a witness that ran out of memory never did
      int survivor = cluster.awaitLeader() == A ? A : B;
      cluster.kill(survivor == A ? B : A);
      // The survivor and the witness are the majority now: the witness must hold every entry.
      try (Connection c = cluster.connect(survivor); Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO blobs VALUES (4, '\\x00')");
        try (java.sql.ResultSet rows = s.executeQuery("SELECT count(*), sum(length(v)) FROM blobs")) {
          rows.next();
          assertEquals(4, rows.getInt(1));
          assertEquals(3L * large.length + 1, rows.getLong(2));
        }
      }
    }
  }

  @Test
  void witnessDownKeepsServingBothDataNodesDownRefusesClearly() throws Exception {
    try (ProcessCluster cluster = new ProcessCluster(3, WITNESS)) {
      cluster.startAll();
      createTable(cluster, cluster.awaitLeader());
      cluster.awaitAllCaughtUp();
      cluster.kill(WITNESS);
      try (Connection c = cluster.connect(B); Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO acks VALUES (1, 'witness down')");
      }
      cluster.start(WITNESS);
      cluster.kill(A);
      cluster.kill(B);
      SQLException refused = assertThrows(SQLException.class, () -> cluster.connect(WITNESS).close());
      assertEquals("57P03", refused.getSQLState());
      assertTrue(refused.getMessage().contains("witness"), refused.getMessage());
    }
  }
}
