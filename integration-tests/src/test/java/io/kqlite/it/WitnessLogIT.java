package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.statemachine.raft.RaftNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A witness's log is bounded by the data nodes' snapshots, yet keeps every entry a data node that
 * is away may still need: with the other data node gone too, the witness alone brings it up to date.
 */
class WitnessLogIT {

  private static final int WITNESS = 2;

  @Test
  void witnessPurgesBehindDataSnapshotsButKeepsWhatAnAbsentNodeNeeds() throws Exception {
    try (TestCluster cluster = TestCluster.startWitnessWithSnapshots(50)) {
      int leader = cluster.awaitLeader();
      assertTrue(leader != WITNESS, "a data node should lead");
      int away = 1 - leader;
      try (Connection c = cluster.connect(leader); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE big (id int PRIMARY KEY, v text)");
      }
      insert(cluster, leader, 0, 600);
      RaftNode witness = cluster.server(WITNESS).node();
      await().atMost(Duration.ofSeconds(60)).until(() -> witness.logStartIndex() > 0);

      await().atMost(Duration.ofSeconds(30)).until(() -> cluster.server(away).node().appliedIndex()
          >= cluster.server(leader).node().appliedIndex());
      long awayApplied = cluster.server(away).node().appliedIndex();
      cluster.stopNode(away);
      insert(cluster, leader, 600, 1200);
      await().atMost(Duration.ofSeconds(60))
          .until(() -> cluster.server(leader).node().logStartIndex() > awayApplied + 1);
      assertTrue(witness.logStartIndex() <= awayApplied + 1,
          "the witness purged entries the absent node still needs: log starts at "
              + witness.logStartIndex() + ", the absent node applied " + awayApplied);

      cluster.stopNode(leader);
      cluster.startNode(away); // its log is older than the witness's: the witness leads, then hands over
      await().atMost(Duration.ofSeconds(60)).until(() -> cluster.server(away).node().isLeader());
      List<String> rows = cluster.dump(away, "big");
      assertEquals(1200, rows.size());
      cluster.startNode(leader);
      await().atMost(Duration.ofSeconds(60)).until(() -> cluster.dump(leader, "big").equals(rows));

      // A witness restarted after purging starts from its saved purge point and keeps following.
      long purgedTo = cluster.server(WITNESS).node().logStartIndex();
      cluster.stopNode(WITNESS);
      cluster.startNode(WITNESS);
      insert(cluster, away, 1200, 1210);
      long last = cluster.server(away).node().appliedIndex();
      await().atMost(Duration.ofSeconds(60))
          .until(() -> cluster.server(WITNESS).node().appliedIndex() >= last);
      assertTrue(cluster.server(WITNESS).node().logStartIndex() >= purgedTo);
    }
  }

  private static void insert(TestCluster cluster, int node, int from, int to) throws Exception {
    try (Connection c = cluster.connect(node);
        PreparedStatement insert = c.prepareStatement("INSERT INTO big VALUES (?, ?)")) {
      for (int i = from; i < to; i++) {
        insert.setInt(1, i);
        insert.setString(2, "row " + i + " " + "x".repeat(100));
        insert.executeUpdate();
      }
    }
  }
}
