package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leader dies while a transaction is open: nothing of it may survive, anywhere. */
class TransactionFailoverIT {

  @Test
  void leaderKilledBetweenStatementsLeavesNoTrace() throws Exception {
    try (TestCluster cluster = TestCluster.start(3)) {
      int leader = cluster.awaitLeader();
      try (Connection c = cluster.connect(leader); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE moves (id int PRIMARY KEY, v text)");
        s.execute("INSERT INTO moves VALUES (0, 'committed before')");
      }
      Connection open = cluster.connect(leader);
      open.setAutoCommit(false);
      try (Statement s = open.createStatement()) {
        s.executeUpdate("INSERT INTO moves VALUES (1, 'in flight')");
        s.executeUpdate("UPDATE moves SET v = 'changed in flight' WHERE id = 0");
        cluster.stopNode(leader);
        SQLException lost = assertThrows(SQLException.class, () -> {
          s.executeUpdate("INSERT INTO moves VALUES (2, 'in flight')");
          open.commit();
        });
        assertTrue(lost.getSQLState() == null || lost.getSQLState().startsWith("08"),
            "expected a connection error, got " + lost.getSQLState() + " " + lost.getMessage());
      } finally {
        try {
          open.close();
        } catch (SQLException ignored) {
          // already broken
        }
      }
      cluster.awaitLeader();
      cluster.startNode(leader);
      int survivor = (leader + 1) % 3;
      List<String> expected = List.of("0|committed before|");
      for (int i = 0; i < 3; i++) {
        int node = i;
        await().atMost(Duration.ofSeconds(30)).until(() -> cluster.dump(node, "moves").equals(expected));
      }
      try (Connection c = cluster.connect(survivor); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM moves")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
    }
  }
}
