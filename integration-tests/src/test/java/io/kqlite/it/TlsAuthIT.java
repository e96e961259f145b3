package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.cli.AuthSettings;
import io.kqlite.statemachine.raft.TlsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SCRAM over TLS, and hostssl/hostnossl lines deciding by the connection's encryption. */
class TlsAuthIT {

  private static final String PASSWORD = "over-tls";
  private static Path dir;
  private static TestCerts certs;
  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("kqlite-tls-auth-");
    certs = TestCerts.newCa(dir.resolve("ca"));
    Path hba = dir.resolve("hba.conf");
    Files.write(hba, List.of(
        "hostssl   all all 127.0.0.1/32 scram-sha-256",
        "hostssl   all all ::1/128      scram-sha-256",
        "hostnossl all all 127.0.0.1/32 reject"));
    cluster = TestCluster.startWithTls(1, peer -> {
      TlsFiles files = certs.node(peer.id(), "localhost");
      return new TlsFiles(files.cert(), files.key(), null);
    }, new AuthSettings(hba, "postgres", PASSWORD));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> jdbc(PASSWORD).isValid(5));
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
    ClientTlsIT.deleteTree(dir);
  }

  private static Connection jdbc(String password) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + cluster.pgPort(0)
        + "/postgres?ssl=true&sslmode=verify-full&sslrootcert=" + certs.ca() + "&connectTimeout=10",
        "postgres", password);
  }

  @Test
  void pgjdbcLogsInWithScramOverVerifiedTls() throws Exception {
    try (Connection c = jdbc(PASSWORD)) {
      assertTrue(c.isValid(5));
    }
    assertEquals("28P01", assertThrows(SQLException.class, () -> jdbc("wrong").close()).getSQLState());
  }

  @Test
  void plainConnectionsMeetTheHostnosslReject() {
    SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + cluster.pgPort(0) + "/postgres?sslmode=disable",
        "postgres", PASSWORD).close());
    assertEquals("28000", refused.getSQLState());
    assertTrue(refused.getMessage().contains(
        "pg_hba.conf rejects connection for host \"127.0.0.1\", user \"postgres\", database \"postgres\", no encryption"),
        refused.getMessage());
  }

  @Test
  void psqlWithVerifyFullAndScram() throws Exception {
    String out = psql("host=localhost hostaddr=127.0.0.1 sslmode=verify-full sslrootcert=" + certs.ca(),
        "\\conninfo\nSELECT current_user;\n");
    assertTrue(out.contains("SSL connection (protocol: TLSv1."), out);
    assertTrue(out.contains(" postgres\n"), out);
    String plain = psql("host=127.0.0.1 sslmode=disable", "SELECT 1;\n");
    assertTrue(plain.contains("FATAL:  pg_hba.conf rejects connection for host \"127.0.0.1\""), plain);
  }

  private static String psql(String conninfo, String script) throws Exception {
    return Psql.run(List.of(conninfo + " port=" + cluster.pgPort(0) + " user=postgres dbname=postgres"),
        Map.of("PGPASSWORD", PASSWORD, "PGSSLCERT", "/nonexistent"), script);
  }
}
