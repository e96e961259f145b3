package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real drivers of other languages: psycopg2 (Debian's python3-psycopg2), psycopg 3, SQLAlchemy 1.4
 * over psycopg2 (create_all, reflection, all in the transactions psycopg opens), asyncpg
 * (python3-asyncpg, binary COPY), node-postgres (pg from npm, installed by .ci/run) and pgx v4
 * (Go, Debian's golang-github-jackc-pgx-v4-dev: kine's statements through cached prepared
 * statements), each writing and reading every type kqlite supports. The programs live in
 * src/test/clients.
 */
class ClientSmokeIT {

  private static TestCluster cluster;
  private static final File CLIENTS =
      Path.of(System.getProperty("kqlite.home", ".."), "integration-tests/src/test/clients").toFile();

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(1);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static String run(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENTS).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "client did not finish");
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  /** Each script prints its success line last; a failed assertion exits non-zero. */
  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "/usr/bin/python3, psycopg2_smoke.py, types ok",
    "/usr/bin/python3, psycopg3_smoke.py, psycopg3 ok",
    "/usr/bin/python3, sqlalchemy_smoke.py, sqlalchemy ok",
    "/usr/bin/python3, asyncpg_smoke.py, 'types ok, binary COPY ok'",
    "node, pg_smoke.js, types ok",
  })
  void client(String program, String script, String success) throws Exception {
    String output = run(List.of(program, script, Integer.toString(cluster.pgPort(0))), Map.of());
    assertTrue(output.contains(success), output);
  }

  /** Built from Debian's Go sources in GOPATH mode: no module download. */
  @Test
  void pgxV4() throws Exception {
    Path cache = Files.createTempDirectory("kqlite-gocache");
    try {
      String output = run(List.of("go", "run", "pgx_smoke.go", Integer.toString(cluster.pgPort(0))),
          Map.of("GO111MODULE", "off", "GOPATH", "/usr/share/gocode", "GOFLAGS", "",
              "GOCACHE", cache.toString()));
      assertTrue(output.contains("pgx v4 smoke: kine statements ok, types ok"), output);
    } finally {
      try (var files = Files.walk(cache)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
