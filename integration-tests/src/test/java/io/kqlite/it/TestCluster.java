package io.kqlite.it;

import static org.awaitility.Awaitility.await;

import io.kqlite.cli.AuthSettings;
import io.kqlite.cli.KqliteServer;
import io.kqlite.statemachine.raft.NodeConfig;
import io.kqlite.statemachine.raft.Peer;
import io.kqlite.statemachine.raft.TlsFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Real kqlite members in this JVM: real Ratis groups on loopback ports, real SQLite files in a
 * temporary directory (deleted on close), real PostgreSQL listeners.
 */
final class TestCluster implements AutoCloseable {

  private final Path dir;
  private final List<Peer> peers = new ArrayList<>();
  private final KqliteServer[] servers;
  private final int[] pgPorts;
  private final boolean autoCreate;
  private long snapshotThreshold = NodeConfig.DEFAULT_SNAPSHOT_THRESHOLD;
  private long logSegmentBytes = NodeConfig.DEFAULT_LOG_SEGMENT_BYTES;
  private TlsFiles[] tls;
  private int witness = -1;
  private AuthSettings auth = AuthSettings.defaults();

  private TestCluster(int size, boolean autoCreate) throws IOException {
    this.dir = Files.createTempDirectory("kqlite-it-");
    this.servers = new KqliteServer[size];
    this.pgPorts = new int[size];
    this.autoCreate = autoCreate;
    for (int i = 0; i < size; i++) {
      pgPorts[i] = freePort();
      peers.add(new Peer("n" + (i + 1), "127.0.0.1", freePort(), pgPorts[i]));
    }
  }

  static TestCluster start(int size) throws Exception {
    return start(size, false);
  }

  static TestCluster start(int size, boolean autoCreateDatabases) throws Exception {
    TestCluster cluster = new TestCluster(size, autoCreateDatabases);
    for (int i = 0; i < size; i++) {
      cluster.startNode(i);
    }
    cluster.awaitLeader();
    return cluster;
  }

  /** A cluster whose nodes authenticate clients per {@code auth} (hba file, bootstrap superuser). */
  static TestCluster startWithAuth(int size, AuthSettings auth) throws Exception {
    TestCluster cluster = new TestCluster(size, false);
    cluster.auth = auth;
    for (int i = 0; i < size; i++) {
      cluster.startNode(i);
    }
    cluster.awaitLeader();
    return cluster;
  }

  /** A cluster that snapshots every {@code threshold} entries and keeps small log segments. */
  static TestCluster startWithSnapshots(int size, long threshold) throws Exception {
    TestCluster cluster = new TestCluster(size, false);
    cluster.snapshotThreshold = threshold;
    cluster.logSegmentBytes = 16 * 1024;
    for (int i = 0; i < size; i++) {
      cluster.startNode(i);
    }
    cluster.awaitLeader();
    return cluster;
  }

  /**
   * Two data nodes and a witness (the last member), snapshotting every {@code threshold} entries
   * with small log segments, so that purging shows within a test.
   */
  static TestCluster startWitnessWithSnapshots(long threshold) throws Exception {
    TestCluster cluster = new TestCluster(3, false);
    cluster.snapshotThreshold = threshold;
    cluster.logSegmentBytes = 16 * 1024;
    cluster.witness = 2;
    Peer w = cluster.peers.get(2);
    cluster.peers.set(2, new Peer(w.id(), w.host(), w.raftPort(), w.pgPort(), true));
    for (int i = 0; i < 3; i++) {
      cluster.startNode(i);
    }
    cluster.awaitLeader();
    return cluster;
  }

  /**
   * A cluster whose members use the certificate files {@code tlsOf} gives for them: TLS for
   * clients, and mutual TLS between members when the files name a CA.
   */
  static TestCluster startWithTls(int size, Function<Peer, TlsFiles> tlsOf) throws Exception {
    return startWithTls(size, tlsOf, AuthSettings.defaults());
  }

  /** TLS as {@link #startWithTls(int, Function)}, clients authenticated per {@code auth}. */
  static TestCluster startWithTls(int size, Function<Peer, TlsFiles> tlsOf, AuthSettings auth)
      throws Exception {
    TestCluster cluster = new TestCluster(size, false);
    cluster.auth = auth;
    cluster.tls = new TlsFiles[size];
    for (int i = 0; i < size; i++) {
      cluster.tls[i] = tlsOf.apply(cluster.peers.get(i));
      cluster.startNode(i);
    }
    cluster.awaitLeader();
    return cluster;
  }

  List<Peer> peers() {
    return List.copyOf(peers);
  }

  Path dir() {
    return dir;
  }

  void startNode(int i) throws Exception {
    Peer self = peers.get(i);
    List<Peer> members = peers.size() == 1 ? List.of() : peers;
    NodeConfig config = new NodeConfig(self.id(), dir.resolve(self.id()), "127.0.0.1",
        self.raftPort(), members, autoCreate, Duration.ofMillis(400), Duration.ofSeconds(20), i == witness, false,
        snapshotThreshold, logSegmentBytes, tls == null ? null : tls[i]);
    servers[i] = KqliteServer.start(config, "127.0.0.1", pgPorts[i], 16 * 1024 * 1024, auth);
  }

  void stopNode(int i) {
    servers[i].close();
    servers[i] = null;
  }

  /** Where member {@code i} keeps its Raft log and snapshots. */
  Path raftDir(int i) {
    return dir.resolve(peers.get(i).id()).resolve("raft");
  }

  int size() {
    return servers.length;
  }

  int pgPort(int i) {
    return pgPorts[i];
  }

  KqliteServer server(int i) {
    return servers[i];
  }

  int awaitLeader() {
    await().atMost(Duration.ofSeconds(30)).until(() -> leaderIndex() >= 0);
    return leaderIndex();
  }

  int leaderIndex() {
    for (int i = 0; i < servers.length; i++) {
      if (servers[i] != null && servers[i].node().isLeader()) {
        return i;
      }
    }
    return -1;
  }

  int someFollower() {
    int leader = awaitLeader();
    for (int i = 0; i < servers.length; i++) {
      if (i != leader && servers[i] != null) {
        return i;
      }
    }
    throw new IllegalStateException("no follower running");
  }

  String url(int i, String database) {
    return "jdbc:postgresql://127.0.0.1:" + pgPorts[i] + "/" + database;
  }

  Connection connect(int i) throws SQLException {
    return connect(i, "postgres");
  }

  Connection connect(int i, String database) throws SQLException {
    return DriverManager.getConnection(url(i, database), "test", "");
  }

  /** Every row of a table as text, ordered, for comparing replicas. */
  List<String> dump(int i, String table) throws SQLException {
    try (Connection c = connect(i)) {
      return Dump.rows(c, table);
    }
  }


  /**
   * A port that is free now, chosen below Linux's ephemeral range (32768 and up): a port taken from
   * that range can be grabbed by any outgoing connection before the member binds it.
   */
  private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * A port nothing listens on now, below the kernel's ephemeral range, and never one handed out
   * before in this JVM: a probe closes its socket at once, so two members of one cluster could
   * otherwise be given the same port and the second fail to bind.
   */
  static int freePort() {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 20_000 + random.nextInt(12_000);
      if (!HANDED_OUT.add(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(port)) {
        socket.setReuseAddress(true);
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new UncheckedIOException(new IOException("no free port found below 32000"));
  }

  @Override
  public void close() throws IOException {
    for (int i = 0; i < servers.length; i++) {
      if (servers[i] != null) {
        stopNode(i);
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
