package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real psql client (Debian's postgresql-client) against a single node. */
class PsqlIT {

  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(1);
  }

  @AfterAll
  static void stop() throws IOException {
    cluster.close();
  }

  /** Runs a script through psql and returns what it printed (stdout and stderr together). */
  static String psql(int port, String script) throws IOException, InterruptedException {
    return Psql.run(List.of("-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "test",
        "-d", "postgres", "-v", "VERBOSITY=verbose"), Map.of(), script);
  }

  /**
   * Lines PostgreSQL prints that kqlite cannot produce the same way: the statement position
   * (LINE/caret), its C source location, and the DETAIL naming the duplicate key's value.
   */
  static String withoutPositions(String psqlOutput) {
    return psqlOutput.replaceAll("(?m)^(LINE \\d+:|\\s+\\^|LOCATION:|DETAIL:).*\\n", "");
  }

  /** Expected output was produced by running the same script against PostgreSQL 15.18. */
  @Test
  void createInsertReturningSelectUpdateDeleteAndSyntaxError() throws Exception {
    String script = String.join("\n",
        "\\set VERBOSITY verbose",
        "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, qty int, price double precision, ok boolean);",
        "INSERT INTO items (name, qty, price, ok) VALUES ('apple', 3, 0.5, true) RETURNING id, name;",
        "INSERT INTO items (name, qty, price, ok) VALUES ('pear', 5, 1.25, false), ('fig', NULL, 2, true);",
        "SELECT id, name, qty, price, ok FROM items ORDER BY id;",
        "UPDATE items SET qty = qty + 1 WHERE qty IS NOT NULL;",
        "DELETE FROM items WHERE name = 'fig';",
        "SELEC oops;",
        "SELECT count(*) FROM items;",
        "INSERT INTO items (id, name) VALUES (1, 'dup');",
        "SELECT substr(version(), 1, 14) AS version_prefix;",
        "");
    String expected = String.join("\n",
        "CREATE TABLE",
        " id | name  ",
        "----+-------",
        "  1 | apple",
        "(1 row)",
        "",
        "INSERT 0 1",
        "INSERT 0 2",
        " id | name  | qty | price | ok ",
        "----+-------+-----+-------+----",
        "  1 | apple |   3 |   0.5 | t",
        "  2 | pear  |   5 |  1.25 | f",
        "  3 | fig   |     |     2 | t",
        "(3 rows)",
        "",
        "UPDATE 2",
        "DELETE 1",
        "ERROR:  42601: syntax error at or near \"SELEC\"",
        " count ",
        "-------",
        "     2",
        "(1 row)",
        "",
        "ERROR:  23505: duplicate key value violates unique constraint \"items_pkey\"",
        "SCHEMA NAME:  public",
        "TABLE NAME:  items",
        "CONSTRAINT NAME:  items_pkey",
        " version_prefix ",
        "----------------",
        " PostgreSQL 15.",
        "(1 row)",
        "",
        "");
    assertEquals(expected, withoutPositions(psql(cluster.pgPort(0), script)));
  }

  @Test
  void multipleStatementsInOneQueryAndEmptyQuery() throws Exception {
    String output = psql(cluster.pgPort(0), String.join("\n",
        "CREATE TABLE multi (v int);",
        "INSERT INTO multi VALUES (1) \\; INSERT INTO multi VALUES (2) \\; SELECT sum(v) AS total FROM multi;",
        ";",
        "SHOW standard_conforming_strings;",
        ""));
    assertEquals(String.join("\n",
        "CREATE TABLE",
        "INSERT 0 1",
        "INSERT 0 1",
        " total ",
        "-------",
        "     3",
        "(1 row)",
        "",
        " standard_conforming_strings ",
        "-----------------------------",
        " on",
        "(1 row)",
        "",
        ""), output);
  }

  /** psql's \\l lists every database of the node, in PostgreSQL 15's layout. */
  @Test
  void listDatabasesShowsEveryDatabase() throws Exception {
    psql(cluster.pgPort(0), "CREATE DATABASE listed_a;\nCREATE DATABASE listed_b;\n");
    String listed = psql(cluster.pgPort(0), "\\pset format unaligned\n\\l\n");
    String header = "Name|Owner|Encoding|Collate|Ctype|ICU Locale|Locale Provider|Access privileges";
    org.junit.jupiter.api.Assertions.assertTrue(listed.contains(header), listed);
    for (String name : java.util.List.of("listed_a", "listed_b", "postgres")) {
      org.junit.jupiter.api.Assertions.assertTrue(listed.lines().anyMatch(l -> l.startsWith(name + "|")), listed);
    }
    org.junit.jupiter.api.Assertions.assertFalse(listed.contains("kqlite_system"), listed);
  }
}
