package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sequences through pgjdbc on a three-member cluster: replicated, unique across nodes. */
class SequenceIT {

  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(3);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static Connection connect(int node) throws SQLException {
    return DriverManager.getConnection(cluster.url(node, "postgres"), "test", "");
  }

  private static long one(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String state(Statement st, String sql) {
    return assertThrows(SQLException.class, () -> st.execute(sql)).getSQLState();
  }

  @Test
  void nextvalOnEveryNodeDrawsFromOneReplicatedSequence() throws Exception {
    try (Connection c = connect(0); Statement st = c.createStatement()) {
      st.execute("CREATE SEQUENCE ids INCREMENT BY 10 START WITH 100");
      st.execute("CREATE SEQUENCE IF NOT EXISTS ids");
      assertEquals("42P07", state(st, "CREATE SEQUENCE ids"));
      assertEquals(100, one(st, "SELECT nextval('ids')"));
    }
    List<Long> values = new ArrayList<>();
    for (int node = 0; node < 3; node++) {
      try (Connection c = connect(node); Statement st = c.createStatement()) {
        values.add(one(st, "SELECT nextval('ids')"));
        assertEquals("55000", state(st, "SELECT currval('ids')"));
      }
    }
    assertEquals(List.of(110L, 120L, 130L), values);
    try (Connection c = connect(1); Statement st = c.createStatement()) {
      assertEquals(5, one(st, "SELECT setval('ids', 5)"));
      assertEquals(15, one(st, "SELECT nextval('ids')"));
      c.setAutoCommit(false);
      assertEquals(25, one(st, "SELECT nextval('ids')"));
      assertEquals(25, one(st, "SELECT currval('ids')"));
      assertEquals(25, one(st, "SELECT lastval()"));
      c.commit();
      c.setAutoCommit(true);
      assertEquals("42P01", state(st, "SELECT nextval('missing')"));
      st.execute("DROP SEQUENCE ids");
      st.execute("DROP SEQUENCE IF EXISTS ids");
      assertEquals("42P01", state(st, "DROP SEQUENCE ids"));
    }
  }

  @Test
  void columnDefaultsDrawFromASequence() throws Exception {
    try (Connection c = connect(2); Statement st = c.createStatement()) {
      st.execute("CREATE SEQUENCE order_no START 1000 CACHE 20 NO CYCLE");
      st.execute("CREATE TABLE orders (no bigint DEFAULT nextval('order_no'::regclass) PRIMARY KEY, item text)");
      st.execute("INSERT INTO orders (item) VALUES ('a'), ('b')");
      try (ResultSet rs = st.executeQuery("INSERT INTO orders (item) VALUES ('c') RETURNING no")) {
        rs.next();
        assertEquals(1002, rs.getLong(1));
      }
      assertEquals(3003, one(st, "SELECT sum(no) FROM orders WHERE item IN ('a', 'b', 'c')") - 0);
      assertEquals("0A000", state(st, "ALTER SEQUENCE order_no RESTART"));
    }
  }
}
