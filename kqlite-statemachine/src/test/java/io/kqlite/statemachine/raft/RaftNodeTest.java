package io.kqlite.statemachine.raft;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.WriteOutcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three real Ratis members on loopback ports in one JVM. */
class RaftNodeTest {

  @TempDir Path dir;
  private final List<RaftNode> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(RaftNode::close);
  }

  @Test
  void writeOnFollowerIsAppliedOnEveryMember() throws IOException {
    startThreeMembers();
    RaftNode follower = nodes.stream().filter(n -> !n.isLeader()).findFirst().orElseThrow();

    follower.write("postgres", List.of(Statement.of("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")));
    WriteOutcome insert = follower.write("postgres", List.of(Statement.of("INSERT INTO t VALUES (1, ?1) RETURNING id", "one")));

    assertEquals(1L, insert.result().results().get(0).rows().get(0)[0]);
    for (RaftNode node : nodes) {
      Object value = node.query("postgres", Statement.of("SELECT v FROM t WHERE id = 1"), insert.logIndex()).rows().get(0)[0];
      assertEquals("one", value, "on " + node.id());
    }
  }

  /**
   * The leader's own writes go to its server in-process. Sessions keep writing on the first leader
   * while leadership moves away: a write that leader had taken but could no longer commit is sent
   * again under the same call id to the new leader, so none fails and every write is applied
   * exactly once, on every member.
   */
  @Test
  void theLeadersOwnWritesSurviveALeadershipTransferExactlyOnce() throws Exception {
    List<Peer> peers = startThreeMembers();
    RaftNode leader = nodes.stream().filter(RaftNode::isLeader).findFirst().orElseThrow();
    leader.write("postgres", List.of(Statement.of("CREATE TABLE t (session INTEGER, seq INTEGER)")));
    assertTrue(leader.inProcessRequests() > 0, "the leader's write went through gRPC to itself");

    java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.ConcurrentLinkedQueue<String> acknowledged = new java.util.concurrent.ConcurrentLinkedQueue<>();
    java.util.concurrent.atomic.AtomicLong lastIndex = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.ConcurrentLinkedQueue<String> failed = new java.util.concurrent.ConcurrentLinkedQueue<>();
    List<Thread> sessions = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      int session = s;
      Thread thread = new Thread(() -> {
        for (int seq = 0; running.get(); seq++) {
          try {
            WriteOutcome outcome = leader.write("postgres",
                List.of(Statement.of("INSERT INTO t VALUES (?1, ?2)", session, seq)));
            acknowledged.add(session + "/" + seq);
            lastIndex.accumulateAndGet(outcome.logIndex(), Math::max);
          } catch (SqlException e) {
            failed.add(session + "/" + seq + ": " + e.getMessage());
          }
        }
      });
      thread.start();
      sessions.add(thread);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() > 50);
    String next = peers.stream().map(Peer::id).filter(id -> !id.equals(leader.id())).findFirst().orElseThrow();
    try (ClusterAdmin admin = ClusterAdmin.connect(peers)) {
      admin.transferLeader(next);
    }
    int atTransfer = acknowledged.size();
    await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() > atTransfer + 50);
    running.set(false);
    for (Thread thread : sessions) {
      thread.join(30_000);
    }

    assertTrue(!leader.isLeader(), "leadership moved to " + next);
    assertEquals(List.of(), List.copyOf(failed), "writes in flight follow the leader, none fails");
    for (RaftNode node : nodes) {
      List<Object[]> rows = node.query("postgres", Statement.of(
          "SELECT session || '/' || seq, count(*) FROM t GROUP BY session, seq"), lastIndex.get()).rows();
      java.util.Set<String> stored = new java.util.HashSet<>();
      for (Object[] row : rows) {
        assertEquals(1L, row[1], row[0] + " applied more than once on " + node.id());
        stored.add((String) row[0]);
      }
      for (String write : acknowledged) {
        assertTrue(stored.contains(write), "acknowledged " + write + " missing on " + node.id());
      }
    }
  }

  /**
   * A write larger than one log entry travels in parts through a follower and is applied whole on
   * every member; its parts are gone afterwards. One larger than the write limit is refused.
   */
  @Test
  void aWriteLargerThanAnEntryIsAppliedWholeOnEveryMember() throws IOException {
    List<Peer> peers = List.of(new Peer("n1", "127.0.0.1", freePort(), 0),
        new Peer("n2", "127.0.0.1", freePort(), 0), new Peer("n3", "127.0.0.1", freePort(), 0));
    for (Peer peer : peers) {
      nodes.add(RaftNode.start(config(peer, peers)));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> nodes.stream().anyMatch(RaftNode::isLeader));
    RaftNode follower = nodes.stream().filter(n -> !n.isLeader()).findFirst().orElseThrow();
    follower.write("postgres", List.of(Statement.of("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)")));
    byte[] large = new byte[3 * RaftNode.MAX_ENTRY_BYTES + 12345];
    new java.util.Random(7).nextBytes(large);

    WriteOutcome written = follower.write("postgres", List.of(
        Statement.of("INSERT INTO t VALUES (1, ?1)", large), Statement.of("INSERT INTO t VALUES (2, x'00')")));

    assertEquals(null, written.result().error());
    assertEquals(2, written.result().results().size());
    for (RaftNode node : nodes) {
      Object[] row = node.query("postgres", Statement.of("SELECT v FROM t WHERE id = 1"), written.logIndex()).rows().get(0);
      assertTrue(java.util.Arrays.equals(large, (byte[]) row[0]), "on " + node.id());
      assertEquals(0L, node.query("postgres", Statement.of("SELECT count(*) FROM kqlite_parts"),
          written.logIndex()).rows().get(0)[0], "on " + node.id());
    }
    SqlException tooLarge = assertThrows(SqlException.class, () -> follower.write("postgres",
        List.of(Statement.of("INSERT INTO t VALUES (3, ?1)", new byte[RaftNode.MAX_WRITE_BYTES]))));
    assertEquals("54000", tooLarge.error().sqlState());
  }

  /**
   * Once a request exhausts its retries, Ratis closes its client for good (AlreadyClosedException
   * on every later request). A node must not keep writing through that client: when a leader is
   * back, its next write commits. Which peer the failed client last aimed at varies from run to run;
   * before the fix, a run where it matched the new leader failed every later write.
   */
  @Test
  void aWriteThatFoundNoLeaderDoesNotBreakLaterWrites() throws IOException {
    List<Peer> peers = List.of(new Peer("n1", "127.0.0.1", freePort(), 0),
        new Peer("n2", "127.0.0.1", freePort(), 0));
    RaftNode first = RaftNode.start(config(peers.get(0), peers));
    nodes.add(first);
    for (int attempt = 0; attempt < 2; attempt++) {
      SqlException noLeader = assertThrows(SqlException.class,
          () -> first.write("postgres", List.of(Statement.of("CREATE TABLE lost (id INTEGER)"))));
      assertEquals("08006", noLeader.error().sqlState(), noLeader.getMessage());
    }

    nodes.add(RaftNode.start(config(peers.get(1), peers)));
    await().atMost(Duration.ofSeconds(20)).until(() -> nodes.stream().anyMatch(RaftNode::isLeader));
    WriteOutcome created = first.write("postgres", List.of(Statement.of("CREATE TABLE kept (id INTEGER)")));
    assertEquals(null, created.result().error());
    // The follower's own channel to the leader may still be in gRPC's reconnect back-off.
    await().atMost(Duration.ofSeconds(20)).ignoreException(SqlException.class)
        .until(() -> first.query("postgres", Statement.of("SELECT id FROM kept"), created.logIndex()).rows().isEmpty());
  }

  /** A full disk stops the member's Raft server instead of recording a failed statement. */
  @Test
  void anEntryThatCannotBeAppliedStopsTheRaftServer() throws IOException {
    Peer only = new Peer("n1", "127.0.0.1", freePort(), 0);
    RaftNode node = RaftNode.start(config(only, List.of(only)));
    nodes.add(node);
    await().atMost(Duration.ofSeconds(20)).until(node::isLeader);
    node.write("postgres", List.of(Statement.of("CREATE TABLE t (v BLOB)")));
    node.write("postgres", List.of(Statement.of("PRAGMA max_page_count = 20"))); // a small disk
    assertTrue(node.isRaftRunning());

    assertThrows(SqlException.class,
        () -> node.write("postgres", List.of(Statement.of("INSERT INTO t VALUES (zeroblob(1000000))"))));
    await().atMost(Duration.ofSeconds(20)).until(() -> !node.isRaftRunning());
  }

  private NodeConfig config(Peer peer, List<Peer> peers) {
    return new NodeConfig(peer.id(), dir.resolve(peer.id()), peer.host(), peer.raftPort(), peers, false,
        Duration.ofMillis(300), Duration.ofSeconds(1));
  }

  /** Three members with a 20 s write timeout, once one of them leads. */
  private List<Peer> startThreeMembers() throws IOException {
    List<Peer> peers = List.of(new Peer("n1", "127.0.0.1", freePort(), 0),
        new Peer("n2", "127.0.0.1", freePort(), 0), new Peer("n3", "127.0.0.1", freePort(), 0));
    for (Peer peer : peers) {
      nodes.add(RaftNode.start(new NodeConfig(peer.id(), dir.resolve(peer.id()), peer.host(),
          peer.raftPort(), peers, false, Duration.ofMillis(300), Duration.ofSeconds(20))));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> nodes.stream().anyMatch(RaftNode::isLeader));
    return peers;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
