package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The real {@code pgbench -i} against a follower of a three-member cluster — DROP TABLE of four
 * tables, CREATE TABLE WITH (fillfactor), TRUNCATE, a 200,000-row COPY inside a transaction,
 * VACUUM, ALTER TABLE ADD PRIMARY KEY — then the TPC-B run on those tables, and every node must
 * hold the same, balanced data.
 */
class PgbenchInitIT {

  private static final List<String> TABLES =
      List.of("pgbench_branches", "pgbench_tellers", "pgbench_accounts", "pgbench_history");

  @Test
  void initializeThenRunTpcb() throws Exception {
    try (TestCluster cluster = TestCluster.start(3)) {
      int follower = cluster.someFollower();
      String port = Integer.toString(cluster.pgPort(follower));
      long start = System.nanoTime();
      String init = run(List.of("pgbench", "-i", "-s", "2", "-h", "127.0.0.1", "-p", port, "-U", "test", "postgres"));
      System.out.printf("pgbench -i -s 2: %d ms%n%s%n", (System.nanoTime() - start) / 1_000_000, init);
      assertTrue(init.contains("creating primary keys...") && init.contains("done in"), init);
      awaitSameOnAllNodes(cluster);
      assertEquals(List.of("2", "20", "200000", "0"), counts(cluster, follower));

      String output = run(List.of("pgbench", "-h", "127.0.0.1", "-p", port, "-U", "test",
          "-n", "-c", "4", "-T", "10", "--max-tries=10", "postgres"));
      System.out.println(output);
      PgbenchChecks.assertProcessedWithoutFailures(output);

      awaitSameOnAllNodes(cluster);
      try (Connection c = cluster.connect(follower)) {
        PgbenchChecks.assertBooksBalanced(c);
      }
    }
  }

  /** Row counts and a checksum of every table agree on all nodes. */
  private static void awaitSameOnAllNodes(TestCluster cluster) {
    Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      List<String> reference = fingerprint(cluster, 0);
      for (int i = 1; i < cluster.size(); i++) {
        assertEquals(reference, fingerprint(cluster, i), "node " + i);
      }
    });
  }

  private static List<String> fingerprint(TestCluster cluster, int node) throws Exception {
    List<String> result = new ArrayList<>();
    try (Connection c = cluster.connect(node); Statement s = c.createStatement()) {
      result.add(one(s, "SELECT count(*) || ':' || coalesce(sum(aid), 0) || ':' || coalesce(sum(abalance), 0) FROM pgbench_accounts"));
      result.add(one(s, "SELECT count(*) || ':' || coalesce(sum(tbalance), 0) FROM pgbench_tellers"));
      result.add(one(s, "SELECT count(*) || ':' || coalesce(sum(bbalance), 0) FROM pgbench_branches"));
      result.add(one(s, "SELECT count(*) || ':' || coalesce(sum(delta), 0) FROM pgbench_history"));
    }
    return result;
  }

  private static List<String> counts(TestCluster cluster, int node) throws Exception {
    List<String> result = new ArrayList<>();
    try (Connection c = cluster.connect(node); Statement s = c.createStatement()) {
      for (String table : TABLES) {
        result.add(one(s, "SELECT count(*) FROM " + table));
      }
    }
    return result;
  }

  private static String one(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "pgbench did not finish");
    assertEquals(0, process.exitValue(), output);
    return output;
  }
}
