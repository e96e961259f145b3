package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * psql's describe commands (\dt, \d, \d NAME, \d+ NAME, \di, \dv, \dn, \ds) against kqlite print
 * exactly what they print against PostgreSQL 15 for the same schema; the expected output was
 * captured from PostgreSQL (see resources/psql-describe/README.md to regenerate it).
 */
class PsqlDescribeIT {

  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(1);
    String created = PsqlIT.psql(cluster.pgPort(0), resource("schema.sql"));
    assertEquals("CREATE TABLE\nCREATE TABLE\nCREATE TABLE\nCREATE INDEX\nCREATE INDEX\nCREATE VIEW\nCREATE SEQUENCE\n", created);
  }

  @AfterAll
  static void stop() throws IOException {
    cluster.close();
  }

  @Test
  void describeCommandsPrintWhatPostgreSqlPrints() throws Exception {
    assertEquals(resource("expected.out"),
        PsqlIT.psql(cluster.pgPort(0), resource("describe.psql")));
  }

  @Test
  void catalogFollowsSchemaChanges() throws Exception {
    String output = PsqlIT.psql(cluster.pgPort(0), String.join("\n",
        "CREATE TABLE later (code varchar(8) PRIMARY KEY, note text DEFAULT 'none');",
        "\\d later",
        "DROP TABLE later;",
        "\\d later",
        ""));
    assertEquals(String.join("\n",
        "CREATE TABLE",
        "                        Table \"public.later\"",
        " Column |         Type         | Collation | Nullable |   Default    ",
        "--------+----------------------+-----------+----------+--------------",
        " code   | character varying(8) |           | not null | ",
        " note   | text                 |           |          | 'none'::text",
        "Indexes:",
        "    \"later_pkey\" PRIMARY KEY, btree (code)",
        "",
        "DROP TABLE",
        "Did not find any relation named \"later\".",
        ""), output);
  }

  @Test
  void rolesAndDatabases() throws Exception {
    String output = PsqlIT.psql(cluster.pgPort(0), "\\du\n\\l\n");
    assertTrue(output.contains(" test      | Superuser  | {}"), output);
    assertTrue(output.contains(" postgres | test  | UTF8     | C.UTF-8 | C.UTF-8 |"), output);
  }

  private static String resource(String name) throws IOException {
    return Psql.resource("/psql-describe/" + name);
  }
}
