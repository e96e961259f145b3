package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.statemachine.raft.Peer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real processes started with {@code --tls-cert/--tls-key/--tls-ca}: the cluster CLI with and
 * without the certificates (flags and config file), TLS clients, and a failover over mutual TLS.
 */
class ProcessTlsIT {

  @Test
  void clusterOfProcessesWithMutualTls() throws Exception {
    Path certDir = Files.createTempDirectory("kqlite-proc-tls-");
    TestCerts certs = TestCerts.newCa(certDir);
    try (ProcessCluster cluster = ProcessCluster.withTls(3, certs)) {
      cluster.startAll();
      String peers = cluster.peers.stream().map(Peer::toString).collect(Collectors.joining(","));

      KqliteProcess.Result status = KqliteProcess.run("cluster", "status", "--peers", peers,
          "--tls-cert", cluster.adminTls.cert().toString(), "--tls-key", cluster.adminTls.key().toString(),
          "--tls-ca", certs.ca().toString());
      assertEquals(0, status.exitCode(), status.output());
      assertEquals(1, status.output().lines().filter(l -> l.contains(" LEADER ")).count(), status.output());

      Path config = certDir.resolve("admin.properties");
      Files.writeString(config, "tls-cert=" + cluster.adminTls.cert() + "\ntls-key=" + cluster.adminTls.key()
          + "\ntls-ca=" + certs.ca() + "\n");
      KqliteProcess.Result fromFile = KqliteProcess.run("cluster", "status", "--peers", peers, "--config", config.toString());
      assertEquals(0, fromFile.exitCode(), fromFile.output());

      KqliteProcess.Result withoutCerts = KqliteProcess.run("cluster", "status", "--peers", peers);
      assertEquals(2, withoutCerts.exitCode(), withoutCerts.output()); // no leader seen
      assertEquals(3, withoutCerts.output().lines().filter(l -> l.contains("UNREACHABLE")).count(), withoutCerts.output());

      int leader = cluster.awaitLeader();
      try (Connection c = verifyFull(cluster, leader, certs); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id int PRIMARY KEY, v text)");
        s.execute("INSERT INTO t VALUES (1, 'before failover')");
      }
      cluster.kill(leader);
      int next = cluster.awaitLeader();
      assertTrue(next != leader);
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        try (Connection c = verifyFull(cluster, next, certs); Statement s = c.createStatement()) {
          s.execute("INSERT INTO t VALUES (2, 'after failover') ON CONFLICT (id) DO NOTHING");
          return true;
        } catch (SQLException notYet) {
          return false;
        }
      });
      int survivor = 3 - leader - next;
      await().atMost(Duration.ofSeconds(30)).until(() -> cluster.dump(survivor, "t").size() == 2);
    } finally {
      ClientTlsIT.deleteTree(certDir);
    }
  }

  private static Connection verifyFull(ProcessCluster cluster, int i, TestCerts certs) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + cluster.peer(i).pgPort()
        + "/postgres?sslmode=verify-full&sslrootcert=" + certs.ca()
        + "&connectTimeout=5&socketTimeout=30", "test", "");
  }
}
