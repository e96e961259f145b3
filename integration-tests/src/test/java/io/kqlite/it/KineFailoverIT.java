package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * kine's write path under failover: 2 data nodes + witness as real processes, the leader killed
 * with SIGKILL mid-run. Revisions (kine's ids) stay unique and increasing, and no acknowledged
 * revision is lost.
 */
class KineFailoverIT {

  @Test
  void revisionsSurviveLeaderKill() throws Exception {
    try (ProcessCluster cluster = new ProcessCluster(3, 2)) {
      cluster.startAll();
      int leader = cluster.awaitLeader();
      try (Connection c = cluster.connect(leader); Statement s = c.createStatement()) {
        for (String ddl : KineIT.SCHEMA) {
          s.execute(ddl);
        }
      }
      cluster.awaitAllCaughtUp();
      Map<Integer, List<Long>> acknowledged = new ConcurrentHashMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int writer = w;
        acknowledged.put(writer, new ArrayList<>());
        Thread thread = new Thread(() -> write(cluster, writer, acknowledged.get(writer), stop));
        writers.add(thread);
        thread.start();
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> total(acknowledged) >= 100);
      cluster.kill(leader);
      int before = total(acknowledged);
      // Generous on a loaded machine: the failover time itself is measured by bench/failover.sh.
      await().atMost(Duration.ofSeconds(180)).until(() -> total(acknowledged) >= before + 100);
      cluster.start(leader);
      stop.set(true);
      for (Thread thread : writers) {
        thread.join(60_000);
      }

      Set<Long> stored = new HashSet<>();
      int survivor = leader == 0 ? 1 : 0;
      try (Connection c = cluster.connect(survivor); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM kine")) {
        while (rs.next()) {
          assertTrue(stored.add(rs.getLong(1)), "duplicate revision " + rs.getLong(1));
        }
      }
      for (List<Long> ids : acknowledged.values()) {
        for (int i = 1; i < ids.size(); i++) {
          assertTrue(ids.get(i) > ids.get(i - 1), "revisions of one writer must increase: " + ids);
        }
        assertTrue(stored.containsAll(ids), "an acknowledged revision was lost");
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> cluster.dump(0, "kine").equals(cluster.dump(1, "kine")));
      assertEquals(cluster.dump(0, "kine").size(), stored.size());
    }
  }

  private static int total(Map<Integer, List<Long>> acknowledged) {
    return acknowledged.values().stream().mapToInt(l -> {
      synchronized (l) {
        return l.size();
      }
    }).sum();
  }

  /** Creates keys one after another, switching data node when one fails, like kine reconnecting. */
  private static void write(ProcessCluster cluster, int writer, List<Long> acknowledged, AtomicBoolean stop) {
    int node = writer % 2;
    for (int key = 0; !stop.get(); key++) {
      while (!stop.get()) {
        try (Connection c = cluster.connect(node);
            PreparedStatement insert = c.prepareStatement(KineIT.INSERT.replace("$1", "?").replace("$2", "?")
                .replace("$3", "?").replace("$4", "?").replace("$5", "?").replace("$6", "?")
                .replace("$7", "?").replace("$8", "?"))) {
          insert.setString(1, "/registry/w" + writer + "/" + key);
          insert.setInt(2, 1);
          insert.setInt(3, 0);
          insert.setLong(4, 0);
          insert.setLong(5, 0);
          insert.setLong(6, 0);
          insert.setBytes(7, new byte[] {1, 2, 3});
          insert.setLong(8, 0);
          try (ResultSet rs = insert.executeQuery()) {
            rs.next();
            synchronized (acknowledged) {
              acknowledged.add(rs.getLong(1));
            }
          }
          break;
        } catch (SQLException e) {
          if ("23505".equals(e.getSQLState())) {
            break; // an earlier try of this key committed without telling us: kine reports "exists"
          }
          node = 1 - node;
        }
      }
    }
  }
}
