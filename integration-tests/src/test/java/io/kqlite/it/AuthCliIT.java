package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code kqlite start --hba-file … --superuser-password-file …} as a real process. */
class AuthCliIT {

  @Test
  void invalidHbaFileStopsTheStartNamingTheLine() throws Exception {
    Path dir = Files.createTempDirectory("kqlite-auth-cli-");
    Path hba = dir.resolve("hba.conf");
    Files.write(hba, List.of("host all all 127.0.0.1/32 trust", "host all all 10.0.0.0/8 ident"));
    KqliteProcess.Result result = KqliteProcess.run("start", "--data-dir", dir.resolve("data").toString(),
        "--pg-port", Integer.toString(TestCluster.freePort()),
        "--raft-port", Integer.toString(TestCluster.freePort()), "--hba-file", hba.toString());
    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains(hba + ": line 2: invalid authentication method \"ident\""),
        result.output());
  }

  @Test
  void superuserFromAPasswordFileLogsInWithScram() throws Exception {
    Path dir = Files.createTempDirectory("kqlite-auth-cli-");
    Path hba = dir.resolve("hba.conf");
    Files.write(hba, List.of("host all all 127.0.0.1/32 scram-sha-256"));
    Path password = dir.resolve("superuser-password");
    Files.writeString(password, "from-a-file\n");
    int pgPort = TestCluster.freePort();
    try (KqliteProcess node = new KqliteProcess(dir.resolve("node.log"), pgPort,
        "--data-dir", dir.resolve("data").toString(), "--raft-port", Integer.toString(TestCluster.freePort()),
        "--hba-file", hba.toString(), "--superuser-password-file", password.toString())) {
      node.start();
      await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
        try (Connection c = AuthIT.connect(pgPort, "postgres", "postgres", "from-a-file")) {
          return c.isValid(5);
        }
      });
      SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
          () -> AuthIT.connect(pgPort, "postgres", "anyone", "x").close());
      assertEquals("28000", refused.getSQLState()); // no such user
    }
  }
}
