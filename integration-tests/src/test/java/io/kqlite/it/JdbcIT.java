package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pgjdbc (the real driver) against a single node. */
class JdbcIT {

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
  void preparedStatementsSwitchToServerSideAndBinaryAfterThreshold() throws SQLException {
    try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE prep (id bigint PRIMARY KEY, name varchar(20), score double precision, flag boolean, data bytea)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO prep VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 1; i <= 10; i++) { // pgjdbc switches to a named, binary statement after 5 runs
          insert.setLong(1, i);
          insert.setString(2, "name-" + i);
          insert.setDouble(3, i * 1.5);
          insert.setBoolean(4, i % 2 == 0);
          insert.setBytes(5, new byte[] {(byte) i, 0, (byte) 0xff});
          assertEquals(1, insert.executeUpdate());
        }
      }
      try (PreparedStatement select = c.prepareStatement("SELECT id, name, score, flag, data FROM prep WHERE id = ?")) {
        for (int i = 1; i <= 10; i++) {
          select.setLong(1, i);
          try (ResultSet rs = select.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(i, rs.getLong(1));
            assertEquals("name-" + i, rs.getString(2));
            assertEquals(i * 1.5, rs.getDouble(3));
            assertEquals(i % 2 == 0, rs.getBoolean(4));
            assertArrayEquals(new byte[] {(byte) i, 0, (byte) 0xff}, rs.getBytes(5));
            assertFalse(rs.next());
          }
        }
      }
    }
  }

  @Test
  void datesTimesAndNumericsSurviveBinaryTransfer() throws SQLException {
    try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE temporal (id int PRIMARY KEY, ts timestamp, tz timestamptz, d date, n numeric)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO temporal VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 1; i <= 10; i++) {
          insert.setInt(1, i);
          insert.setObject(2, java.time.LocalDateTime.of(2024, 1, i, 3, 4, 5, 123_456_000));
          insert.setObject(3, java.time.OffsetDateTime.of(2024, 1, i, 3, 4, 5, 0, java.time.ZoneOffset.ofHours(2)));
          insert.setObject(4, java.time.LocalDate.of(2024, 2, i));
          insert.setBigDecimal(5, new java.math.BigDecimal("1234.5678").add(java.math.BigDecimal.valueOf(i)));
          insert.executeUpdate();
        }
      }
      try (PreparedStatement select = c.prepareStatement("SELECT ts, tz, d, n FROM temporal WHERE id = ?")) {
        for (int i = 1; i <= 10; i++) { // binary results from the 5th execution on
          select.setInt(1, i);
          try (ResultSet rs = select.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(java.time.LocalDateTime.of(2024, 1, i, 3, 4, 5, 123_456_000), rs.getObject(1, java.time.LocalDateTime.class));
            assertEquals(java.time.OffsetDateTime.of(2024, 1, i, 1, 4, 5, 0, java.time.ZoneOffset.UTC).toInstant(),
                rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
            assertEquals(java.time.LocalDate.of(2024, 2, i), rs.getObject(3, java.time.LocalDate.class));
            assertEquals(0, new java.math.BigDecimal("1234.5678").add(java.math.BigDecimal.valueOf(i)).compareTo(rs.getBigDecimal(4)));
          }
        }
      }
    }
  }

  @Test
  void likeIsCaseSensitiveIlikeIsNot() throws SQLException {
    try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE words (w text)");
      s.execute("INSERT INTO words VALUES ('Apple'), ('apple'), ('APPLE pie')");
      try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM words WHERE w LIKE 'app%'), "
          + "(SELECT count(*) FROM words WHERE w ILIKE 'app%'), (SELECT count(*) FROM words WHERE w NOT ILIKE '%pie')")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
        assertEquals(3, rs.getInt(2));
        assertEquals(2, rs.getInt(3));
      }
    }
  }

  @Test
  void batchIsOneAtomicWrite() throws SQLException {
    try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE batch (id int PRIMARY KEY, v text)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO batch VALUES (?, ?)")) {
        for (int i = 0; i < 100; i++) {
          insert.setInt(1, i);
          insert.setString(2, "v" + i);
          insert.addBatch();
        }
        int[] counts = insert.executeBatch();
        assertEquals(100, counts.length);
        assertEquals(1, counts[99]);
      }
      // A batch whose 3rd row violates the key: PostgreSQL applies none of it, nor do we.
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO batch VALUES (?, ?)")) {
        for (int id : new int[] {1000, 1001, 5, 1002}) {
          insert.setInt(1, id);
          insert.setString(2, "x");
          insert.addBatch();
        }
        BatchUpdateException e = assertThrows(BatchUpdateException.class, insert::executeBatch);
        assertEquals("23505", e.getSQLState());
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*), max(id) FROM batch")) {
        rs.next();
        assertEquals(100, rs.getLong(1));
        assertEquals(99, rs.getLong(2));
      }
    }
  }

  @Test
  void errorsCarrySqlStateAndTheSessionGoesOn() throws SQLException {
    try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
      assertEquals("42P01", assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM missing")).getSQLState());
      assertEquals("42601", assertThrows(SQLException.class, () -> s.execute("SELEC 1")).getSQLState());
      assertEquals("0A000", assertThrows(SQLException.class, () -> s.execute("NOTIFY somewhere")).getSQLState());
      try (ResultSet rs = s.executeQuery("SELECT 1 + 1")) {
        rs.next();
        assertEquals(2, rs.getInt(1));
      }
    }
  }

  @Test
  void returningGeneratedKeysAndUpdateCounts() throws SQLException {
    try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE gen (id serial PRIMARY KEY, v text)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO gen (v) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
        insert.setString(1, "a");
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          assertTrue(keys.next());
          assertEquals(1, keys.getInt(1));
        }
      }
      assertEquals(1, s.executeUpdate("INSERT INTO gen (v) VALUES ('b')"));
      assertEquals(2, s.executeUpdate("UPDATE gen SET v = upper(v)"));
      assertEquals(0, s.executeUpdate("DELETE FROM gen WHERE id > 100"));
    }
  }

  @Test
  void unknownDatabaseIs3D000AndCreateDatabaseWorks() throws SQLException {
    assertEquals("3D000", assertThrows(SQLException.class, () -> cluster.connect(0, "nosuchdb")).getSQLState());
    try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE appdb");
      assertEquals("42P04", assertThrows(SQLException.class, () -> s.execute("CREATE DATABASE appdb")).getSQLState());
    }
    try (Connection c = cluster.connect(0, "appdb"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE only_here (v int)");
      try (ResultSet rs = s.executeQuery("SELECT current_database()")) {
        rs.next();
        assertEquals("appdb", rs.getString(1));
      }
      try (ResultSet rs = s.executeQuery(
          "SELECT inet_server_addr(), inet_server_port(), inet_client_addr(), inet_client_port()")) {
        rs.next();
        assertEquals("127.0.0.1", rs.getString(1));
        assertEquals(cluster.pgPort(0), rs.getInt(2));
        assertEquals("127.0.0.1", rs.getString(3));
        assertTrue(rs.getInt(4) > 0);
      }
    }
  }

  @Test
  void simpleQueryModeWorksToo() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", "test");
    props.setProperty("preferQueryMode", "simple");
    try (Connection c = java.sql.DriverManager.getConnection(cluster.url(0, "postgres"), props);
        PreparedStatement p = c.prepareStatement("SELECT ? || 'x' AS v")) {
      p.setString(1, "it's ");
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        assertEquals("it's x", rs.getString("v"));
      }
    }
  }

  /** PostgreSQL 15's answers: the column, not the text, decides what an untyped literal stores. */
  @Test
  void stringLiteralsStoredIntoByteaColumnsAreByteaInput() throws SQLException {
    Properties simple = new Properties();
    simple.setProperty("user", "test");
    simple.setProperty("preferQueryMode", "simple");
    try (Connection c = cluster.connect(0); Statement s = c.createStatement();
        Connection sc = java.sql.DriverManager.getConnection(cluster.url(0, "postgres"), simple);
        Statement ss = sc.createStatement()) {
      s.execute("CREATE TABLE blobs (id int PRIMARY KEY, data bytea, t text)");
      s.execute("INSERT INTO blobs VALUES (1, '\\x0102', '\\x0102'), (2, 'abc', 'abc'), (3, '1.50', '1.50')");
      ss.execute("INSERT INTO blobs (t, id, data) VALUES ('q', 4, 'a\\\\b\\001')");
      ss.execute("UPDATE blobs SET data = '\\x 0A 0b' WHERE t = '1.50'");
      try (ResultSet rs = s.executeQuery("SELECT id, length(data), data, t FROM blobs ORDER BY id")) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getInt(1) + " " + rs.getInt(2) + " " + rs.getString(3) + " " + rs.getString(4));
        }
        assertEquals(List.of("1 2 \\x0102 \\x0102", "2 3 \\x616263 abc", "3 2 \\x0a0b 1.50",
            "4 4 \\x615c6201 q"), rows);
      }
      for (Statement any : List.of(s, ss)) {
        try (ResultSet rs = any.executeQuery("SELECT id FROM blobs WHERE data = '\\x0102' OR data IN ('abc') ORDER BY id")) {
          assertTrue(rs.next());
          assertEquals(1, rs.getInt(1));
          assertTrue(rs.next());
          assertEquals(2, rs.getInt(1));
          assertFalse(rs.next());
        }
      }
      SQLException bad = assertThrows(SQLException.class,
          () -> ss.execute("INSERT INTO blobs VALUES (5, '\\x0g', 'r')"));
      assertEquals("22023", bad.getSQLState());
      bad = assertThrows(SQLException.class, () -> s.execute("INSERT INTO blobs VALUES (5, 'a\\b', 'r')"));
      assertEquals("22P02", bad.getSQLState());
    }
  }

  /** PostgreSQL 15's names: a cast is named after its operand, else its type. */
  @Test
  void castColumnsAreNamedAsPostgresqlNamesThem() throws SQLException {
    try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE named (id int, v text)");
      try (ResultSet rs = s.executeQuery("SELECT count(*)::int, max(id)::text, n.v::varchar, '1'::int, "
          + "CAST(id AS bigint) FROM named n GROUP BY n.v, id")) {
        java.sql.ResultSetMetaData md = rs.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          names.add(md.getColumnName(i));
        }
        assertEquals(List.of("count", "max", "v", "int4", "id"), names);
      }
      SQLException bad = assertThrows(SQLException.class, () -> s.executeQuery("SELECT '1.5'::int"));
      assertEquals("22P02", bad.getSQLState());
    }
  }

  /** pg_indexes, as PostgreSQL 15 lists the same schema (an unnamed index takes PostgreSQL's name). */
  @Test
  void pgIndexesListsEveryIndex() throws SQLException {
    try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE indexed (id int PRIMARY KEY, name text UNIQUE, v int)");
      s.execute("CREATE INDEX CONCURRENTLY ON ONLY public.indexed USING btree (v int4_ops NULLS LAST)");
      try (ResultSet rs = s.executeQuery("SELECT schemaname, indexname, indexdef FROM pg_indexes"
          + " WHERE tablename = 'indexed' ORDER BY indexname")) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
        }
        assertEquals(List.of(
            "public indexed_name_key CREATE UNIQUE INDEX indexed_name_key ON public.indexed USING btree (name)",
            "public indexed_pkey CREATE UNIQUE INDEX indexed_pkey ON public.indexed USING btree (id)",
            "public indexed_v_idx CREATE INDEX indexed_v_idx ON public.indexed USING btree (v)"), rows);
      }
    }
  }
}
