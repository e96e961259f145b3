package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.cli.KqliteServer;
import io.kqlite.statemachine.raft.ClusterAdmin;
import io.kqlite.statemachine.raft.MemberStatus;
import io.kqlite.statemachine.raft.NodeConfig;
import io.kqlite.statemachine.raft.Peer;
import io.kqlite.statemachine.raft.RaftNode;
import io.kqlite.statemachine.raft.RaftTls;
import io.kqlite.statemachine.raft.TlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.util.TimeDuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutual TLS between members: a three-member cluster with certificates from one CA elects and
 * replicates; admin clients and members without a certificate from that CA get nowhere, and a
 * rogue member that campaigns against the cluster changes neither its leader nor its term.
 */
class RaftTlsIT {

  private static Path dir;
  private static TestCerts certs;
  private static TestCerts otherCa;
  private static TestCluster cluster;
  private static ClusterAdmin admin;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("kqlite-raft-tls-");
    certs = TestCerts.newCa(dir.resolve("ca"));
    otherCa = TestCerts.newCa(dir.resolve("other-ca"));
    cluster = TestCluster.startWithTls(3, peer -> certs.node(peer.id(), "127.0.0.1", "localhost"));
    admin = ClusterAdmin.connect(cluster.peers(), certs.node("admin", "127.0.0.1"));
  }

  @AfterAll
  static void stop() throws Exception {
    admin.close();
    cluster.close();
    ClientTlsIT.deleteTree(dir);
  }

  @Test
  void electsAndReplicatesOverMutualTls() throws Exception {
    int follower = cluster.someFollower();
    try (Connection c = cluster.connect(follower); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE replicated (id int PRIMARY KEY, v text)");
      s.execute("INSERT INTO replicated VALUES (1, 'over mTLS')");
    }
    for (int i = 0; i < cluster.size(); i++) {
      int member = i;
      await().atMost(Duration.ofSeconds(20)).until(() -> cluster.dump(member, "replicated").size() == 1);
    }
    assertTrue(leader(admin.status()) != null, "the admin client with a cluster certificate sees the leader");
  }

  @Test
  void adminWithoutTheClusterCertificateReachesNoMember() throws Exception {
    TlsFiles foreign = otherCa.node("foreign-admin", "127.0.0.1");
    for (TlsFiles tls : new TlsFiles[] {null, foreign}) {
      try (ClusterAdmin outsider = ClusterAdmin.connect(cluster.peers(), tls)) {
        List<MemberStatus> members = outsider.status();
        assertTrue(members.stream().allMatch(m -> m.role().equals("UNREACHABLE")), members.toString());
        Peer intruder = new Peer("n9", "127.0.0.1", TestCluster.freePort(), TestCluster.freePort());
        assertThrows(IOException.class, () -> outsider.add(intruder));
      }
    }
    assertEquals(3, admin.currentMembers().size());
  }

  /** A Ratis client with a foreign certificate cannot put anything into the log. */
  @Test
  void clientWithAForeignCertificateCannotAppend() throws Exception {
    List<RaftPeer> peers = new ArrayList<>();
    for (Peer p : cluster.peers()) {
      peers.add(RaftPeer.newBuilder().setId(p.id()).setAddress(p.raftAddress()).build());
    }
    long appliedBefore = cluster.server(cluster.awaitLeader()).node().appliedIndex();
    try (RaftClient client = RaftClient.newBuilder()
        .setRaftGroup(RaftGroup.valueOf(RaftNode.GROUP_ID, peers))
        .setProperties(new RaftProperties())
        .setParameters(RaftTls.parameters(otherCa.node("forger", "127.0.0.1")))
        .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(3,
            TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)))
        .build()) {
      Message forged = Message.valueOf("forged entry");
      IOException refused = assertThrows(IOException.class, () -> client.io().send(forged));
      assertTrue(causedByTlsHandshake(refused), "refused by the TLS handshake, not later: " + refused);
    }
    assertEquals(appliedBefore, cluster.server(cluster.awaitLeader()).node().appliedIndex());
  }

  @Test
  void rogueMemberWithAnotherCaCannotDisturbTheCluster() throws Exception {
    rogueCannotDisturb("n4", otherCa.node("n4", "127.0.0.1", "localhost"));
  }

  @Test
  void rogueMemberWithoutTlsCannotDisturbTheCluster() throws Exception {
    rogueCannotDisturb("n5", null);
  }

  /**
   * The rogue lists itself with the cluster's members, so it times out, campaigns and tries to
   * replicate to them; none of it gets through the TLS handshake.
   */
  private static void rogueCannotDisturb(String id, TlsFiles rogueTls) throws Exception {
    MemberStatus before = leader(admin.status());
    assertTrue(before != null, "cluster has a leader");
    int pgPort = TestCluster.freePort();
    Peer self = new Peer(id, "127.0.0.1", TestCluster.freePort(), pgPort);
    List<Peer> members = new ArrayList<>(cluster.peers());
    members.add(self);
    NodeConfig config = new NodeConfig(id, dir.resolve(id), "127.0.0.1", self.raftPort(), members,
        false, Duration.ofMillis(300), Duration.ofSeconds(2), false, false,
        NodeConfig.DEFAULT_SNAPSHOT_THRESHOLD, NodeConfig.DEFAULT_LOG_SEGMENT_BYTES, rogueTls);
    try (KqliteServer rogue = KqliteServer.start(config, "127.0.0.1", pgPort, 1024 * 1024)) {
      await().pollInterval(Duration.ofMillis(250)).during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
          .until(() -> {
            MemberStatus now = leader(admin.status());
            return now != null && now.id().equals(before.id()) && now.term() == before.term()
                && rogue.node().leaderId().isEmpty() && !rogue.node().isLeader();
          });
      try (Connection c = DriverManager.getConnection(
          "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres?socketTimeout=30", "test", "");
          Statement s = c.createStatement()) {
        SQLException refused = assertThrows(SQLException.class, () -> s.execute("CREATE TABLE rogue (id int)"));
        assertFalse(refused.getSQLState() == null, refused.toString());
      }
      assertEquals(3, admin.currentMembers().size());
    }
    try (Connection c = cluster.connect(cluster.awaitLeader()); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS after_" + id + " (id int)");
    }
    assertEquals(before.term(), leader(admin.status()).term());
  }

  private static boolean causedByTlsHandshake(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof javax.net.ssl.SSLException) {
        return true;
      }
    }
    return false;
  }

  private static MemberStatus leader(List<MemberStatus> members) {
    return members.stream().filter(m -> m.role().equals("LEADER")).findFirst().orElse(null);
  }
}
