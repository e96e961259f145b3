package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.cli.AuthSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Roles live in the replicated system database: every member bootstraps the same superuser
 * without duplicating it, and a role created through one member logs in on another.
 */
class ReplicatedRolesIT {

  private static final String SUPERUSER_PASSWORD = "cluster-super";
  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    Path hba = Files.createTempDirectory("kqlite-roles-it-").resolve("hba.conf");
    Files.write(hba, List.of("host all all 127.0.0.1/32 scram-sha-256"));
    cluster = TestCluster.startWithAuth(3, new AuthSettings(hba, "postgres", SUPERUSER_PASSWORD));
    for (int i = 0; i < 3; i++) {
      int node = i;
      await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
          AuthIT.connect(cluster.pgPort(node), "postgres", "postgres", SUPERUSER_PASSWORD).isValid(5));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  @Test
  void roleCreatedOnOneMemberLogsInOnAnother() throws Exception {
    try (Connection c = AuthIT.connect(cluster.pgPort(0), "postgres", "postgres", SUPERUSER_PASSWORD);
        Statement st = c.createStatement()) {
      st.execute("CREATE USER carol WITH PASSWORD 'carol-pw'");
      try (ResultSet rs = st.executeQuery(
          "SELECT rolname, rolsuper, rolcanlogin FROM pg_roles ORDER BY rolname")) {
        assertTrue(rs.next());
        assertEquals("carol", rs.getString(1));
        assertEquals(false, rs.getBoolean(2));
        assertTrue(rs.next());
        assertEquals("postgres", rs.getString(1), "one bootstrap superuser, though every member was given it");
        assertEquals(true, rs.getBoolean(2));
        assertTrue(!rs.next());
      }
    }
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
        AuthIT.connect(cluster.pgPort(2), "postgres", "carol", "carol-pw").isValid(5));
    SQLException wrong = assertThrows(SQLException.class,
        () -> AuthIT.connect(cluster.pgPort(2), "postgres", "carol", "nope").close());
    assertEquals("28P01", wrong.getSQLState());
  }
}
