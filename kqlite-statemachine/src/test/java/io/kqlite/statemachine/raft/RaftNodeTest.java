package io.kqlite.statemachine.raft;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    List<Peer> peers = List.of(new Peer("n1", "127.0.0.1", freePort(), 0),
        new Peer("n2", "127.0.0.1", freePort(), 0), new Peer("n3", "127.0.0.1", freePort(), 0));
    for (Peer peer : peers) {
      nodes.add(RaftNode.start(new NodeConfig(peer.id(), dir.resolve(peer.id()), peer.host(),
          peer.raftPort(), peers, false, Duration.ofMillis(300), Duration.ofSeconds(20))));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> nodes.stream().anyMatch(RaftNode::isLeader));
    RaftNode follower = nodes.stream().filter(n -> !n.isLeader()).findFirst().orElseThrow();

    follower.write("postgres", List.of(Statement.of("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")));
    WriteOutcome insert = follower.write("postgres", List.of(Statement.of("INSERT INTO t VALUES (1, ?1) RETURNING id", "one")));

    assertEquals(1L, insert.result().results().get(0).rows().get(0)[0]);
    for (RaftNode node : nodes) {
      Object value = node.query("postgres", Statement.of("SELECT v FROM t WHERE id = 1"), insert.logIndex()).rows().get(0)[0];
      assertEquals("one", value, "on " + node.id());
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
