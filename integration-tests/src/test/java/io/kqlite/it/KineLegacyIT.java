package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statements of older kine versions (v0.13–v0.16.2, embedded in released k3s lines), sent the
 * way pgx v5 sends them: {@code DISTINCT ON} range lists and counts, {@code LIKE … ESCAPE '^'}
 * (and {@code '\'} in v0.14.7), the {@code values(…)} inserts. Each read must give exactly what
 * kine v0.16's statements ({@link KineIT}) give for the same data, and the parameters must be
 * described with the OIDs PostgreSQL 15 reports (see the kine reference, Appendix A).
 */
class KineLegacyIT {

  private static final String DATABASE = "kine_legacy";
  private static final String REVS = "SELECT (SELECT MAX(rkv.id) AS id FROM kine AS rkv), (SELECT MAX(crkv.prev_revision)"
      + " AS prev_revision FROM kine AS crkv WHERE crkv.name = 'compact_rev_key'), maxkv.* FROM (\n\t\tSELECT DISTINCT ON"
      + " (name)\n\t\t\tkv.id AS theid, kv.name, kv.created, kv.deleted, kv.create_revision, kv.prev_revision, kv.lease%s\n"
      + "\t\tFROM kine AS kv\n\t\tWHERE\n\t\t\tkv.name LIKE $1 ESCAPE '^'%s\n\t\tORDER BY kv.name, theid DESC\n\t) AS maxkv\n"
      + "\tWHERE\n\t\tmaxkv.deleted = 0 OR %s\n\tORDER BY maxkv.name, maxkv.theid DESC";
  /** v0.14 ListCurrent(+value): $1 pattern, $2 start, $3 includeDeleted. */
  static final String LIST_CURRENT = String.format(REVS, ", kv.value", " AND\n\t\t\tkv.name >= $2", "$3");
  static final String LIST_CURRENT_KEYS = String.format(REVS, "", " AND\n\t\t\tkv.name >= $2", "$3");
  /** v0.14 ListRevisionStart: $1 pattern, $2 revision, $3 includeDeleted. */
  static final String LIST_REVISION_START = String.format(REVS, ", kv.value", " AND\n\t\t\tkv.id <= $2", "$3");
  /** v0.14 GetRevisionAfter: $1 pattern, $2 start, $3 revision, $4 includeDeleted. */
  static final String GET_REVISION_AFTER =
      String.format(REVS, ", kv.value", " AND\n\t\t\tkv.name >= $2 AND kv.id <= $3", "$4");
  static final String COUNT = "SELECT (SELECT MAX(rkv.id) AS id FROM kine AS rkv), COUNT(c.theid) FROM (\n\t\tSELECT"
      + " DISTINCT ON (name)\n\t\t\tkv.id AS theid, kv.deleted\n\t\tFROM kine AS kv\n\t\tWHERE\n\t\t\tkv.name LIKE $1"
      + " ESCAPE '^'%s\n\t\tORDER BY kv.name, theid DESC\n\t) AS c\n\tWHERE c.deleted = 0 OR %s";
  static final String COUNT_CURRENT = String.format(COUNT, " AND kv.name >= $2", "$3");
  static final String COUNT_REVISION = String.format(COUNT, " AND kv.name >= $2 AND kv.id <= $3", "$4");
  static final String AFTER = "SELECT ( SELECT MAX(rkv.id) AS id FROM kine AS rkv), ( SELECT MAX(crkv.prev_revision) AS"
      + " prev_revision FROM kine AS crkv WHERE crkv.name = 'compact_rev_key'), kv.id AS theid, kv.name AS thename,"
      + " kv.created, kv.deleted, kv.create_revision, kv.prev_revision, kv.lease, kv.value, kv.old_value\n\t\tFROM kine"
      + " AS kv\n\t\tWHERE\n\t\t\tkv.name LIKE $1 ESCAPE '^' AND\n\t\t\tkv.id > $2\n\t\tORDER BY kv.id ASC";
  static final String POLL = AFTER + " LIMIT 500";
  /** v0.14.7 escaped with a backslash. */
  static final String LIST_CURRENT_BACKSLASH = LIST_CURRENT.replace("ESCAPE '^'", "ESCAPE '\\'");
  static final String CURRENT_REV = "SELECT MAX(rkv.id) AS id FROM kine AS rkv";
  static final String COMPACT_REV =
      "SELECT MAX(crkv.prev_revision) AS prev_revision FROM kine AS crkv WHERE crkv.name = 'compact_rev_key'";
  static final String INSERT = "INSERT INTO kine(name, created, deleted, create_revision, prev_revision, lease, value,"
      + " old_value) values($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
  static final String FILL = "INSERT INTO kine(id, name, created, deleted, create_revision, prev_revision, lease,"
      + " value, old_value) values($1, $2, $3, $4, $5, $6, $7, $8, $9)";
  static final String DELETE = "DELETE FROM kine AS kv WHERE kv.id = $1";
  static final String UPDATE_COMPACT = "UPDATE kine SET prev_revision = $1 WHERE name = 'compact_rev_key'";
  /** v0.16.0–v0.16.2: §2 shapes with a LIKE range filter. */
  static final String V16_LIST = String.format(KineIT.COMMON, ", value") + "INNER JOIN (SELECT MAX(id) AS id FROM kine"
      + " WHERE name LIKE $1 ESCAPE '^' AND name >= $2 GROUP BY name) AS mkv USING (id) WHERE (deleted = 0 OR $3)"
      + " ORDER BY name ASC";
  static final String V16_AFTER = String.format(KineIT.COMMON, ", value, old_value")
      + "WHERE name LIKE $1 ESCAPE '^' AND id > $2 ORDER BY id ASC";
  static final String V16_GET = String.format(KineIT.COMMON, ", value")
      + "WHERE id = (SELECT MAX(id) FROM kine WHERE name = $1) AND (deleted = 0 OR $2)";

  /** kine v0.16 statements giving the same answers. */
  static final String NEW_LIST_REVISION = String.format(KineIT.COMMON, ", value") + "INNER JOIN (SELECT MAX(id) AS id"
      + " FROM kine WHERE name >= $1 AND name < $2 AND id <= $3 GROUP BY name) AS mkv USING (id) WHERE (deleted = 0"
      + " OR $4) ORDER BY name ASC";
  static final String NEW_COUNT_REVISION = "SELECT (SELECT MAX(id) AS current_rev FROM kine), (SELECT"
      + " MAX(prev_revision) AS compact_rev FROM kine WHERE name = 'compact_rev_key'), COUNT(id) FROM kine INNER JOIN"
      + " (SELECT MAX(id) AS id FROM kine WHERE name >= $1 AND name < $2 AND id <= $3 GROUP BY name) AS mkv USING (id)"
      + " WHERE (deleted = 0 OR $4)";
  static final String NEW_AFTER = String.format(KineIT.COMMON, ", value, old_value")
      + "WHERE name >= $1 AND name < $2 AND id > $3 ORDER BY id ASC";

  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(3);
    try (PgxLikeClient postgres = new PgxLikeClient(cluster.pgPort(cluster.someFollower()), "postgres")) {
      assertEquals("CREATE DATABASE", postgres.exec("CREATE DATABASE \"" + DATABASE + "\";").tag());
      assertEquals("CREATE DATABASE", postgres.exec("CREATE DATABASE kine_big;").tag());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** MAX(…) alone is described as text by kqlite (int8 in PostgreSQL); pgx's database/sql converts. */
  private static long revision(PgxLikeClient.Result result) {
    assertFalse(result.failed(), () -> "failed: " + result.sqlState());
    return Long.parseLong(result.rows().get(0).get(0).toString());
  }

  /** Rows with byte arrays as hex, so that lists compare by value. */
  private static List<List<Object>> rows(PgxLikeClient.Result result) {
    assertFalse(result.failed(), () -> "failed: " + result.sqlState());
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : result.rows()) {
      List<Object> copy = new ArrayList<>();
      for (Object value : row) {
        copy.add(value instanceof byte[] b ? "\\x" + HexFormat.of().formatHex(b) : value);
      }
      rows.add(copy);
    }
    return rows;
  }

  /** Revisions past 2^31 (a long-lived k3s cluster) go both ways as int8, as with PostgreSQL. */
  @Test
  void revisionsBeyondInt32() throws Exception {
    try (PgxLikeClient kine = new PgxLikeClient(cluster.pgPort(0), "kine_big")) {
      for (String ddl : KineIT.SCHEMA) {
        assertFalse(kine.exec(ddl).failed(), ddl);
      }
      long big = (1L << 31) + 7;
      assertEquals("INSERT 0 1", kine.query(FILL, big, "/registry/big", 1, 0, 0L, 0L, 0, bytes("v"), null).tag());
      long next = kine.query(INSERT, "/registry/next", 1, 0, 0L, 0L, 0L, bytes("n"), null).firstLong();
      assertEquals(big + 1, next);
      List<List<Object>> after = rows(kine.query(AFTER, "/registry/%", big));
      assertEquals(List.of(next), after.stream().map(row -> row.get(2)).toList());
      assertEquals(List.of(List.of(next)), rows(kine.query(CURRENT_REV)).stream()
          .map(row -> List.<Object>of(Long.parseLong(row.get(0).toString()))).toList());
    }
  }

  @Test
  void everyOlderStatementAnswersLikeItsV016Counterpart() throws Exception {
    try (PgxLikeClient kine = new PgxLikeClient(cluster.pgPort(cluster.someFollower()), DATABASE)) {
      for (String ddl : KineIT.SCHEMA) {
        assertFalse(kine.exec(ddl).failed(), ddl);
      }
      // PostgreSQL 15's OIDs: the BIGSERIAL id is int8, so pgx sends revisions as 8 bytes.
      int id = 20;
      assertArrayEquals(new int[] {25, 23, 23, 20, 20, 23, 17, 17}, kine.parameterTypes(INSERT));
      assertArrayEquals(new int[] {id, 25, 23, 23, 20, 20, 23, 17, 17}, kine.parameterTypes(FILL));
      assertArrayEquals(new int[] {25, 25, 16}, kine.parameterTypes(LIST_CURRENT));
      assertArrayEquals(new int[] {25, 25, 16}, kine.parameterTypes(LIST_CURRENT_BACKSLASH));
      assertArrayEquals(new int[] {25, id, 16}, kine.parameterTypes(LIST_REVISION_START));
      assertArrayEquals(new int[] {25, 25, id, 16}, kine.parameterTypes(GET_REVISION_AFTER));
      assertArrayEquals(new int[] {25, 25, 16}, kine.parameterTypes(COUNT_CURRENT));
      assertArrayEquals(new int[] {25, 25, id, 16}, kine.parameterTypes(COUNT_REVISION));
      assertArrayEquals(new int[] {25, id}, kine.parameterTypes(AFTER));
      assertArrayEquals(new int[] {25, id}, kine.parameterTypes(POLL));
      assertArrayEquals(new int[] {id}, kine.parameterTypes(DELETE));
      assertArrayEquals(new int[] {20}, kine.parameterTypes(UPDATE_COMPACT));
      assertArrayEquals(new int[] {id}, kine.resultTypes(INSERT));
      assertEquals(id, kine.resultTypes(AFTER)[2], "kv.id AS theid");

      long compactKey = kine.query(INSERT, "compact_rev_key", 0, 0, 0L, 0L, 0L, new byte[0], null).firstLong();
      long a1 = kine.query(INSERT, "/registry/a", 1, 0, 0L, 0L, 0L, bytes("a1"), null).firstLong();
      long underscore = kine.query(INSERT, "/registry/a_b", 1, 0, 0L, 0L, 0L, bytes("ab"), null).firstLong();
      kine.query(INSERT, "/registry/aXb", 1, 0, 0L, 0L, 0L, bytes("aXb"), null);
      kine.query(INSERT, "/registry/A", 1, 0, 0L, 0L, 0L, bytes("upper"), null);
      long a2 = kine.query(INSERT, "/registry/a", 0, 0, a1, a1, 0L, bytes("a2"), bytes("a1")).firstLong();
      long b1 = kine.query(INSERT, "/registry/b", 1, 0, 0L, 0L, 0L, bytes("b1"), null).firstLong();
      long beforeDelete = revision(kine.query(CURRENT_REV));
      long bDeleted = kine.query(INSERT, "/registry/b", 0, 1, b1, b1, 0L, null, bytes("b1")).firstLong();
      kine.query(INSERT, "/other/x", 1, 0, 0L, 0L, 0L, bytes("x"), null);
      assertTrue(compactKey < a1 && a1 < underscore && a2 < b1 && b1 < bDeleted);

      PgxLikeClient.Result duplicate = kine.query(INSERT, "/registry/a", 0, 0, a1, a1, 0L, bytes("race"), null);
      assertEquals("23505", duplicate.sqlState());
      assertEquals("kine_name_prev_revision_uindex", duplicate.constraint());
      long gap = revision(kine.query(CURRENT_REV)) + 1;
      assertEquals("INSERT 0 1", kine.query(FILL, gap, "gap-" + gap, 0, 1, 0L, 0L, 0, null, null).tag());
      PgxLikeClient.Result lostRace = kine.query(FILL, gap, "gap-" + gap, 0, 1, 0L, 0L, 0, null, null);
      assertEquals("23505", lostRace.sqlState());
      assertEquals("kine_pkey", lostRace.constraint());

      long current = revision(kine.query(CURRENT_REV));
      assertEquals(gap, current);
      assertEquals(0L, revision(kine.query(COMPACT_REV)));

      for (boolean deleted : new boolean[] {false, true}) {
        List<List<Object>> expected = rows(kine.query(KineIT.LIST_CURRENT.replace(" LIMIT 501", ""),
            "/registry/", "/registry0", deleted));
        assertEquals(deleted ? 5 : 4, expected.size());
        assertEquals(expected, rows(kine.query(LIST_CURRENT, "/registry/%", "/registry/", deleted)));
        assertEquals(expected, rows(kine.query(LIST_CURRENT_BACKSLASH, "/registry/%", "/registry/", deleted)));
        assertEquals(expected, rows(kine.query(V16_LIST, "/registry/%", "/registry/", deleted)));
        List<List<Object>> keys = new ArrayList<>();
        expected.forEach(row -> keys.add(row.subList(0, 9)));
        assertEquals(keys, rows(kine.query(LIST_CURRENT_KEYS, "/registry/%", "/registry/", deleted)));
        List<Object> count = rows(kine.query(COUNT_CURRENT, "/registry/%", "/registry/", deleted)).get(0);
        assertEquals(List.of(String.valueOf(current), String.valueOf(expected.size())),
            count.stream().map(String::valueOf).toList());
        assertEquals(rows(kine.query(KineIT.COUNT_CURRENT, "/registry/", "/registry0", deleted)),
            rows(kine.query(COUNT_CURRENT, "/registry/%", "/registry/", deleted)));

        List<List<Object>> atRevision = rows(kine.query(NEW_LIST_REVISION, "/registry/", "/registry0",
            beforeDelete, deleted));
        assertEquals(atRevision, rows(kine.query(GET_REVISION_AFTER, "/registry/%", "/registry/", beforeDelete, deleted)));
        assertEquals(atRevision, rows(kine.query(LIST_REVISION_START, "/registry/%", beforeDelete, deleted)));
        List<Object> counted = rows(kine.query(NEW_COUNT_REVISION, "/registry/", "/registry0", beforeDelete, deleted))
            .get(0);
        assertEquals(List.of(counted.get(0), counted.get(2)),
            rows(kine.query(COUNT_REVISION, "/registry/%", "/registry/", beforeDelete, deleted)).get(0));
      }

      // '_' escaped as '^_' matches itself only; LIKE is case-sensitive.
      List<List<Object>> prefix = rows(kine.query(LIST_CURRENT, "/registry/a^_%", "/registry/a_", true));
      assertEquals(1, prefix.size());
      assertEquals(underscore, prefix.get(0).get(2));
      assertEquals(prefix, rows(kine.query(LIST_CURRENT_BACKSLASH, "/registry/a\\_%", "/registry/a_", true)));
      List<List<Object>> lower = rows(kine.query(LIST_CURRENT, "/registry/a%", "/registry/a", true));
      assertEquals(List.of("/registry/a", "/registry/aXb", "/registry/a_b"),
          lower.stream().map(row -> row.get(3)).toList());

      List<List<Object>> after = rows(kine.query(AFTER, "/registry/%", a1));
      assertEquals(rows(kine.query(NEW_AFTER, "/registry/", "/registry0", a1)), after);
      assertEquals(rows(kine.query(V16_AFTER, "/registry/%", a1)), after);
      List<List<Object>> poll = rows(kine.query(POLL, "%", compactKey));
      assertEquals(rows(kine.query(KineIT.AFTER_ALL, compactKey)), poll);
      assertEquals(rows(kine.query(KineIT.GET_SINGLE_VAL, "/registry/a", false)),
          rows(kine.query(V16_GET, "/registry/a", false)));

      assertEquals("BEGIN", kine.exec("begin isolation level serializable").tag());
      assertEquals(current, revision(kine.query(CURRENT_REV)));
      assertEquals(0L, revision(kine.query(COMPACT_REV)));
      assertEquals("DELETE 1", kine.query(DELETE, bDeleted).tag());
      assertEquals("UPDATE 1", kine.query(UPDATE_COMPACT, current).tag());
      assertEquals("COMMIT", kine.exec("commit").tag());
      assertEquals(current, revision(kine.query(COMPACT_REV)));
      assertEquals(5, rows(kine.query(LIST_CURRENT, "/registry/%", "/registry/", true)).size());
    }
  }
}
