package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that leave parameter types open (pgx, asyncpg, node-postgres) get real types in
 * ParameterDescription, as PostgreSQL gives them: kine's statements against its table.
 */
class ParameterDescriptionIT {

  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(1);
    try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kine (id BIGSERIAL PRIMARY KEY, name text COLLATE \"C\", created INTEGER, "
          + "deleted INTEGER, create_revision BIGINT, prev_revision BIGINT, lease INTEGER, value bytea, old_value bytea)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static int[] describe(String sql) throws Exception {
    try (PgxLikeClient client = new PgxLikeClient(cluster.pgPort(0), "postgres")) {
      return client.parameterTypes(sql);
    }
  }

  @Test
  void insertParametersTakeColumnTypes() throws Exception {
    assertArrayEquals(new int[] {25, 23, 23, 20, 20, 23, 17, 17}, describe(
        "INSERT INTO kine(name, created, deleted, create_revision, prev_revision, lease, value, old_value) "
            + "values($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"));
  }

  @Test
  void comparisonsBooleansAndCasts() throws Exception {
    assertArrayEquals(new int[] {25, 23, 16}, describe(
        "SELECT kv.id FROM kine AS kv WHERE kv.name LIKE $1 AND kv.created > $2 AND ($3 OR kv.deleted = 0)"));
    assertArrayEquals(new int[] {20, 25}, describe("SELECT $1::int8, $2"));
  }

  @Test
  void anyAndAllTakeArraysOfTheComparedColumn() throws Exception {
    // pgx encodes a Go slice only against an array OID (int8[] 1016, text[] 1009)
    assertArrayEquals(new int[] {1016, 1009}, describe(
        "SELECT id FROM kine WHERE id = ANY($1) AND name <> ALL($2)"));
  }
}
