package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.statemachine.raft.Peer;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The membership CLI against a running 2 data + 1 witness cluster of real processes. */
class ClusterCliIT {

  @Test
  void statusAddTransferAndRemove() throws Exception {
    // Small log segments and frequent snapshots: the data nodes purge their log, so a new member
    // can only catch up by receiving a snapshot.
    try (ProcessCluster cluster = ProcessCluster.withArgs(3,
        List.of("--snapshot-threshold", "20", "--log-segment-bytes", "8192"), 2)) {
      cluster.startAll();
      String peers = cluster.peers.stream().map(Peer::toString).collect(Collectors.joining(","));

      KqliteProcess.Result human = KqliteProcess.run("cluster", "status", "--peers", peers);
      assertEquals(0, human.exitCode(), human.output());
      assertTrue(human.output().lines().anyMatch(l -> l.startsWith("ID ") && l.contains("ROLE") && l.contains("LAG")), human.output());
      assertTrue(human.output().lines().anyMatch(l -> l.startsWith("w3 ") && l.contains("witness")), human.output());
      assertEquals(1, human.output().lines().filter(l -> l.contains(" LEADER ")).count(), human.output());

      KqliteProcess.Result json = KqliteProcess.run("cluster", "status", "--peers", peers, "--json");
      assertEquals(0, json.exitCode(), json.output());
      assertTrue(json.output().trim().startsWith("{\"members\":["), json.output());
      assertTrue(json.output().contains("\"id\":\"w3\"") && json.output().contains("\"witness\":true"), json.output());

      int leader = cluster.awaitLeader();
      try (Connection c = cluster.connect(leader); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE items (id int PRIMARY KEY, v text)");
        for (int i = 0; i < 200; i++) {
          s.execute("INSERT INTO items VALUES (" + i + ", 'v" + i + " " + "x".repeat(100) + "')");
        }
      }
      int other = leader == 0 ? 1 : 0;
      KqliteProcess.Result transfer = KqliteProcess.run("cluster", "transfer-leader", cluster.peer(other).id(), "--peers", peers);
      assertEquals(0, transfer.exitCode(), transfer.output());
      await().atMost(Duration.ofSeconds(30)).until(() -> cluster.leaderIndex() == other);

      // A fourth member from empty storage joins, catches up by snapshot, and leaves again.
      Peer fourth = new Peer("n4", "127.0.0.1", TestCluster.freePort(), TestCluster.freePort());
      try (KqliteProcess joiner = new KqliteProcess(cluster.dir.resolve("n4.log"), fourth.pgPort(),
          "--id", "n4", "--join", "--data-dir", cluster.dir.resolve("n4").toString(),
          "--raft-port", Integer.toString(fourth.raftPort()))) {
        joiner.start();
        KqliteProcess.Result add = KqliteProcess.run("cluster", "add", fourth.toString(), "--peers", peers);
        assertEquals(0, add.exitCode(), add.output());
        List<String> expected = cluster.dump(other, "items");
        String url = "jdbc:postgresql://127.0.0.1:" + fourth.pgPort() + "/postgres";
        await().atMost(Duration.ofSeconds(60)).until(() -> {
          try (Connection c = DriverManager.getConnection(url, "test", "")) {
            return Dump.rows(c, "items").equals(expected);
          } catch (java.sql.SQLException notYet) {
            return false;
          }
        });
        String joinerLog = Files.readString(cluster.dir.resolve("n4.log"));
        assertTrue(joinerLog.contains("installed snapshot at log index"), joinerLog);
        KqliteProcess.Result withFour = KqliteProcess.run("cluster", "status", "--peers", peers);
        assertTrue(withFour.output().lines().anyMatch(l -> l.startsWith("n4 ")), withFour.output());

        KqliteProcess.Result remove = KqliteProcess.run("cluster", "remove", "n4", "--peers", peers);
        assertEquals(0, remove.exitCode(), remove.output());
        KqliteProcess.Result after = KqliteProcess.run("cluster", "status", "--peers", peers);
        assertTrue(after.output().lines().noneMatch(l -> l.startsWith("n4 ")), after.output());
      }

      KqliteProcess.Result bad = KqliteProcess.run("cluster", "remove", "nobody", "--peers", peers);
      assertNotEquals(0, bad.exitCode());
      assertTrue(bad.output().contains("no member with id nobody"), bad.output());
    }
  }
}
