package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * k3s's datastore traffic: kine v0.16's PostgreSQL statements, verbatim, sent the way pgx v5
 * sends them ({@link PgxLikeClient}), against a three-member cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KineIT {

  static final String COMMON = "SELECT current_rev, compact_rev, id, name, created, deleted, create_revision, "
      + "prev_revision, lease%s FROM (SELECT MAX(id) AS current_rev FROM kine) AS current, (SELECT MAX(prev_revision) "
      + "AS compact_rev FROM kine WHERE name = 'compact_rev_key') AS compact, kine ";
  static final String INSERT = "INSERT INTO kine(name, created, deleted, create_revision, prev_revision, lease, value, "
      + "old_value) SELECT $1, $2, $3, $4, $5, $6, $7, (SELECT value FROM kine WHERE id = $8) AS old_value RETURNING id";
  static final String GET_SINGLE_VAL = String.format(COMMON, ", value")
      + "WHERE id = (SELECT MAX(id) AS id FROM kine WHERE name = $1 ) AND (deleted = 0 OR $2)";
  static final String LIST_CURRENT = String.format(COMMON, ", value") + "INNER JOIN (SELECT MAX(id) AS id FROM kine "
      + "WHERE name >= $1 AND name < $2 GROUP BY name) AS mkv USING (id) WHERE (deleted = 0 OR $3) ORDER BY name ASC LIMIT 501";
  static final String COUNT_CURRENT = "SELECT (SELECT MAX(id) AS current_rev FROM kine), COUNT(id) FROM kine INNER JOIN "
      + "(SELECT MAX(id) AS id FROM kine WHERE name >= $1 AND name < $2 GROUP BY name) AS mkv USING (id) WHERE (deleted = 0 OR $3)";
  static final String AFTER_ALL = String.format(COMMON, ", value, old_value") + "WHERE id > $1 ORDER BY id ASC LIMIT 500";
  static final String FILL = "INSERT INTO kine(id, name, created, deleted, create_revision, prev_revision, lease, value, "
      + "old_value) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9)";
  static final String CURRENT_REV = "SELECT MAX(id) AS current_rev FROM kine";
  static final String COMPACT_REV = "SELECT MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key'";
  static final String COMPACT = "DELETE FROM kine AS kv USING ( SELECT kp.prev_revision AS id FROM kine AS kp WHERE "
      + "kp.name != 'compact_rev_key' AND kp.prev_revision != 0 AND kp.id <= $1 UNION SELECT kd.id AS id FROM kine AS kd "
      + "WHERE kd.deleted != 0 AND kd.id <= $2 ) AS ks WHERE kv.id = ks.id";
  static final String UPDATE_COMPACT = "UPDATE kine SET prev_revision = $1 WHERE name = 'compact_rev_key'";
  static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS kine\n\t\t\t(\n\t\t\t\tid BIGSERIAL PRIMARY KEY,\n\t\t\t\tname text COLLATE \"C\",\n"
          + "\t\t\t\tcreated INTEGER,\n\t\t\t\tdeleted INTEGER,\n\t\t\t\tcreate_revision BIGINT,\n\t\t\t\tprev_revision BIGINT,\n"
          + "\t\t\t\tlease INTEGER,\n\t\t\t\tvalue bytea,\n\t\t\t\told_value bytea\n\t\t\t);",
      "CREATE INDEX IF NOT EXISTS kine_name_index ON kine (name)",
      "CREATE INDEX IF NOT EXISTS kine_name_id_index ON kine (name,id)",
      "CREATE INDEX IF NOT EXISTS kine_id_deleted_index ON kine (id,deleted)",
      "CREATE INDEX IF NOT EXISTS kine_prev_revision_index ON kine (prev_revision)",
      "CREATE UNIQUE INDEX IF NOT EXISTS kine_name_prev_revision_uindex ON kine (name, prev_revision)",
      "CREATE INDEX IF NOT EXISTS kine_list_query_index on kine(name, id DESC, deleted)");

  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(3);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @Order(1)
  void bootstrapSchemaAndPing() throws Exception {
    int node = cluster.someFollower();
    try (PgxLikeClient postgres = new PgxLikeClient(cluster.pgPort(node), "postgres")) {
      PgxLikeClient.Result exists = postgres.query("SELECT 1 FROM pg_database WHERE datname = $1", "kubernetes");
      assertFalse(exists.failed(), "pg_database lookup failed: " + exists.sqlState());
      assertTrue(exists.rows().isEmpty());
      assertEquals("CREATE DATABASE", postgres.exec("CREATE DATABASE \"kubernetes\";").tag());
    }
    for (int round = 0; round < 2; round++) { // kine runs its schema on every start
      try (PgxLikeClient kine = new PgxLikeClient(cluster.pgPort(node), "kubernetes")) {
        assertTrue(((String) kine.query("select version()").rows().get(0).get(0)).startsWith("PostgreSQL 15"));
        for (String ddl : SCHEMA) {
          PgxLikeClient.Result result = kine.exec(ddl);
          assertFalse(result.failed(), ddl + " → " + result.sqlState());
        }
        assertEquals("", kine.exec("-- ping").tag(), "-- ping must answer EmptyQueryResponse");
        assertEquals("42P01", kine.query("SELECT COUNT(*) FROM key_value").sqlState());
      }
    }
    // The optional migrations (KINE_SCHEMA_MIGRATION >= 1 and >= 2), each one simple Query.
    try (PgxLikeClient kine = new PgxLikeClient(cluster.pgPort(node), "kubernetes")) {
      for (String migration : List.of(
          "ALTER TABLE kine ALTER COLUMN id SET DATA TYPE BIGINT, ALTER COLUMN create_revision SET DATA TYPE BIGINT,"
              + " ALTER COLUMN prev_revision SET DATA TYPE BIGINT; ALTER SEQUENCE kine_id_seq AS BIGINT",
          "ALTER TABLE kine ALTER COLUMN name SET DATA TYPE TEXT COLLATE \"C\" USING name::TEXT COLLATE \"C\"")) {
        PgxLikeClient.Result result = kine.exec(migration);
        assertFalse(result.failed(), migration + " → " + result.sqlState());
      }
    }
  }

  @Test
  @Order(2)
  void createGetUpdateListCountAfterFillCompactAndSize() throws Exception {
    try (PgxLikeClient kine = new PgxLikeClient(cluster.pgPort(cluster.someFollower()), "kubernetes")) {
      long compactKey = kine.query(INSERT, "compact_rev_key", 0, 0, 0L, 0L, 0L, new byte[0], 0L).firstLong();
      long created = kine.query(INSERT, "/registry/a", 1, 0, 0L, 0L, 0L, bytes("v1"), 0L).firstLong();
      assertTrue(created > compactKey);

      PgxLikeClient.Result duplicate = kine.query(INSERT, "/registry/a", 1, 0, 0L, 0L, 0L, bytes("again"), 0L);
      assertEquals("23505", duplicate.sqlState());
      assertEquals("kine_name_prev_revision_uindex", duplicate.constraint());

      List<Object> row = kine.query(GET_SINGLE_VAL, "/registry/a", false).rows().get(0);
      assertEquals(created, row.get(2));
      assertEquals("/registry/a", row.get(3));
      assertArrayEquals(bytes("v1"), (byte[]) row.get(9));

      long updated = kine.query(INSERT, "/registry/a", 0, 0, created, created, 0L, bytes("v2"), created).firstLong();
      assertTrue(updated > created);
      kine.query(INSERT, "/registry/b", 1, 0, 0L, 0L, 0L, bytes("b1"), 0L);
      long deleted = kine.query(INSERT, "/registry/b", 0, 1, 0L, updated + 1, 0L, null, updated + 1).firstLong();

      List<List<Object>> list = kine.query(LIST_CURRENT, "/registry/", "/registry0", false).rows();
      assertEquals(1, list.size(), "deleted keys are hidden");
      assertEquals(updated, list.get(0).get(2));
      assertEquals(2, kine.query(LIST_CURRENT, "/registry/", "/registry0", true).rows().size());
      List<Object> count = kine.query(COUNT_CURRENT, "/registry/", "/registry0", false).rows().get(0);
      assertEquals(1L, Long.parseLong(count.get(1).toString()));

      List<List<Object>> after = kine.query(AFTER_ALL, created).rows();
      assertEquals(3, after.size());
      assertArrayEquals(bytes("v1"), (byte[]) after.get(0).get(10), "old_value of the update");

      long gap = deleted + 1;
      assertFalse(kine.query(FILL, gap, "gap-" + gap, 0, 1, 0L, 0L, 0, null, null).failed());
      PgxLikeClient.Result lostRace = kine.query(FILL, gap, "gap-" + gap, 0, 1, 0L, 0L, 0, null, null);
      assertEquals("23505", lostRace.sqlState());
      assertEquals("kine_pkey", lostRace.constraint());

      assertEquals("BEGIN", kine.exec("begin isolation level serializable").tag());
      long current = Long.parseLong(kine.query(CURRENT_REV).rows().get(0).get(0).toString());
      kine.query(COMPACT_REV);
      PgxLikeClient.Result compacted = kine.query(COMPACT, current, current);
      assertTrue(compacted.tag().startsWith("DELETE "), compacted.tag());
      assertEquals("UPDATE 1", kine.query(UPDATE_COMPACT, current).tag());
      assertEquals("COMMIT", kine.exec("commit").tag());
      assertTrue(kine.query(GET_SINGLE_VAL, "/registry/b", true).rows().isEmpty(), "compaction removed the deleted key");

      PgxLikeClient.Result size = kine.query("SELECT pg_total_relation_size('kine')");
      assertFalse(size.failed(), "size query failed: " + size.sqlState());
      assertTrue(Long.parseLong(size.rows().get(0).get(0).toString()) > 0);
    }
  }

  @Test
  @Order(3)
  void concurrentWritersOnEveryNodeGetUniqueIncreasingRevisions() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int node = t % cluster.size();
      int writer = t;
      futures.add(pool.submit(() -> {
        List<Long> ids = new ArrayList<>();
        try (PgxLikeClient kine = new PgxLikeClient(cluster.pgPort(node), "kubernetes")) {
          for (int i = 0; i < 40; i++) {
            ids.add(kine.query(INSERT, "/c/" + writer + "/" + i, 1, 0, 0L, 0L, 0L, bytes("x"), 0L).firstLong());
          }
        }
        return ids;
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> future : futures) {
      List<Long> ids = future.get(5, TimeUnit.MINUTES);
      List<Long> sorted = new ArrayList<>(ids);
      Collections.sort(sorted);
      assertEquals(sorted, ids, "one writer's revisions must increase");
      all.addAll(ids);
    }
    pool.shutdown();
    assertEquals(all.size(), all.stream().distinct().count(), "revisions must be unique");
  }
}
