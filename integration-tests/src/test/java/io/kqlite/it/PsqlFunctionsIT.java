package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL functions, casts, operators and statements that clients and migrations use print
 * exactly what PostgreSQL 15 prints for the same script, through psql (see
 * resources/psql-functions/README.md to regenerate the expected output).
 */
class PsqlFunctionsIT {

  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(1);
  }

  @AfterAll
  static void stop() throws IOException {
    cluster.close();
  }

  @Test
  void functionsAndStatementsPrintWhatPostgreSqlPrints() throws Exception {
    String output = Psql.run(List.of("-h", "127.0.0.1", "-p", Integer.toString(cluster.pgPort(0)),
        "-U", "test", "-d", "postgres"), Map.of(), resource("script.psql"));
    assertEquals(PsqlIT.withoutPositions(resource("expected.out")), PsqlIT.withoutPositions(output));
  }

  private static String resource(String name) throws IOException {
    return Psql.resource("/psql-functions/" + name);
  }
}
