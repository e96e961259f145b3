package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * pgbench's built-in TPC-B transaction (BEGIN; 3 UPDATEs, a SELECT, an INSERT; END) from four
 * clients against a follower of a three-member cluster. The tables are made with plain SQL
 * (pgbench -i needs COPY, which comes later).
 */
class PgbenchIT {

  @Test
  void tpcbRunsWithoutFailedTransactions() throws Exception {
    try (TestCluster cluster = TestCluster.start(3)) {
      int follower = cluster.someFollower();
      String setup;
      try (InputStream in = PgbenchIT.class.getResourceAsStream("/pgbench/tpcb-tables.sql")) {
        setup = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      try (Connection c = cluster.connect(follower); Statement s = c.createStatement()) {
        for (String statement : setup.split(";\\s*\\n")) {
          if (!statement.isBlank()) {
            s.execute(statement);
          }
        }
      }
      String output = run(List.of("pgbench", "-h", "127.0.0.1", "-p", Integer.toString(cluster.pgPort(follower)),
          "-U", "test", "-n", "-c", "4", "-T", "10", "--max-tries=10", "postgres"));
      System.out.println(output);
      PgbenchChecks.assertProcessedWithoutFailures(output);

      try (Connection c = cluster.connect(follower)) {
        PgbenchChecks.assertBooksBalanced(c);
      }
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "pgbench did not finish");
    assertEquals(0, process.exitValue(), output);
    return output;
  }
}
