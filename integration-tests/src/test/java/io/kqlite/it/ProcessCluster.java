package io.kqlite.it;

import static org.awaitility.Awaitility.await;

import io.kqlite.statemachine.raft.ClusterAdmin;
import io.kqlite.statemachine.raft.MemberStatus;
import io.kqlite.statemachine.raft.Peer;
import io.kqlite.statemachine.raft.TlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * kqlite members as real operating-system processes ({@code java -jar kqlite.jar start}), so that
 * faults are real: {@link #kill} is SIGKILL.
 */
final class ProcessCluster implements AutoCloseable {

  final Path dir;
  final List<Peer> peers = new ArrayList<>();
  private final List<KqliteProcess> processes = new ArrayList<>();
  /** Certificate files for admin clients when members use mutual TLS, else null. */
  final TlsFiles adminTls;

  /** @param witnesses which members (by index) are witnesses */
  ProcessCluster(int size, int... witnesses) throws IOException {
    this(size, null, List.of(), witnesses);
  }

  /** Members started with {@code extraArgs} added to every command line. */
  static ProcessCluster withArgs(int size, List<String> extraArgs, int... witnesses) throws IOException {
    return new ProcessCluster(size, null, extraArgs, witnesses);
  }

  /**
   * Members started with {@code --tls-cert/--tls-key/--tls-ca} from {@code certs} (for 127.0.0.1
   * and localhost): TLS for clients, mutual TLS between members.
   */
  static ProcessCluster withTls(int size, TestCerts certs) throws IOException {
    return new ProcessCluster(size, certs, List.of());
  }

  private ProcessCluster(int size, TestCerts certs, List<String> extraArgs, int... witnesses)
      throws IOException {
    dir = Files.createTempDirectory("kqlite-proc-");
    for (int i = 0; i < size; i++) {
      boolean witness = false;
      for (int w : witnesses) {
        witness |= w == i;
      }
      peers.add(new Peer((witness ? "w" : "n") + (i + 1), "127.0.0.1", TestCluster.freePort(),
          TestCluster.freePort(), witness));
    }
    String list = peers.stream().map(Peer::toString).collect(Collectors.joining(","));
    for (Peer peer : peers) {
      List<String> args = new ArrayList<>(List.of("--id", peer.id(), "--peers", list,
          "--data-dir", dir.resolve(peer.id()).toString(), "--election-timeout-ms", "500"));
      args.addAll(extraArgs);
      if (certs != null) {
        TlsFiles tls = certs.node(peer.id(), "127.0.0.1", "localhost");
        args.addAll(List.of("--tls-cert", tls.cert().toString(), "--tls-key", tls.key().toString(),
            "--tls-ca", tls.ca().toString()));
      }
      processes.add(new KqliteProcess(dir.resolve(peer.id() + ".log"), peer.pgPort(), args.toArray(String[]::new)));
    }
    adminTls = certs == null ? null : certs.node("admin", "127.0.0.1");
  }

  void startAll() throws IOException {
    for (KqliteProcess process : processes) {
      process.start();
    }
    awaitLeader();
  }

  void start(int i) throws IOException {
    processes.get(i).start();
  }

  void kill(int i) throws InterruptedException {
    processes.get(i).kill();
  }

  Peer peer(int i) {
    return peers.get(i);
  }

  /** Index of the member every reachable member agrees is the leader. */
  int awaitLeader() {
    int[] leader = {-1};
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      leader[0] = leaderIndex();
      return leader[0] >= 0;
    });
    return leader[0];
  }

  /**
   * Waits until every member holds the leader's whole log. A member that has just started (a
   * fresh witness above all) counts towards a majority only once it has caught up, so a test
   * that kills a member before that tests something else than it means to.
   */
  void awaitAllCaughtUp() {
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      try (ClusterAdmin admin = ClusterAdmin.connect(peers)) {
        List<MemberStatus> members = admin.status();
        long leaderLast = members.stream().filter(m -> m.role().equals("LEADER"))
            .mapToLong(MemberStatus::lastLogIndex).findFirst().orElse(-1);
        return leaderLast > 0 && members.stream().allMatch(m -> !m.role().equals("UNREACHABLE")
            && m.lastLogIndex() >= leaderLast && m.commitIndex() >= leaderLast);
      }
    });
  }

  int leaderIndex() throws IOException {
    try (ClusterAdmin admin = ClusterAdmin.connect(peers, adminTls)) {
      for (MemberStatus status : admin.status()) {
        if (status.role().equals("LEADER")) {
          for (int i = 0; i < peers.size(); i++) {
            if (peers.get(i).id().equals(status.id())) {
              return i;
            }
          }
        }
      }
    }
    return -1;
  }

  Connection connect(int i) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + peers.get(i).pgPort()
        + "/postgres?connectTimeout=5&socketTimeout=30", "test", "");
  }

  List<String> dump(int i, String table) throws SQLException {
    try (Connection c = connect(i)) {
      return Dump.rows(c, table);
    }
  }


  @Override
  public void close() throws Exception {
    for (KqliteProcess process : processes) {
      process.close();
    }
    if (Boolean.getBoolean("kqlite.keepLogs")) {
      return; // for debugging a failed run: logs stay in dir
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
