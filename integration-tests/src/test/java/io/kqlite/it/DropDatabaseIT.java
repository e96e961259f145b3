package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** DROP DATABASE goes through the log: every node deletes the file; refused while in use. */
class DropDatabaseIT {

  @Test
  void dropRemovesTheDatabaseEverywhereAndIsRefusedWhileInUse() throws Exception {
    try (TestCluster cluster = TestCluster.start(3)) {
      try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE shop");
      }
      try (Connection shop = cluster.connect(0, "shop"); Statement s = shop.createStatement()) {
        s.execute("CREATE TABLE items (id int PRIMARY KEY)");
        s.execute("INSERT INTO items VALUES (1)");
        // This node has a session on shop: refused, as PostgreSQL does.
        try (Connection other = cluster.connect(0); Statement o = other.createStatement()) {
          SQLException inUse = assertThrows(SQLException.class, () -> o.execute("DROP DATABASE shop"));
          assertEquals("55006", inUse.getSQLState());
        }
        SQLException own = assertThrows(SQLException.class, () -> s.execute("DROP DATABASE shop"));
        assertEquals("55006", own.getSQLState());
      }

      Connection elsewhere = cluster.connect(2, "shop"); // another node's session is not seen
      try (Connection c = cluster.connect(1); Statement s = c.createStatement()) {
        SQLException inTransaction = assertThrows(SQLException.class, () -> {
          c.setAutoCommit(false);
          s.execute("DROP DATABASE shop");
        });
        assertEquals("25001", inTransaction.getSQLState());
        c.rollback();
        c.setAutoCommit(true);
        s.execute("DROP DATABASE shop");
        SQLException again = assertThrows(SQLException.class, () -> s.execute("DROP DATABASE shop"));
        assertEquals("3D000", again.getSQLState());
        s.execute("DROP DATABASE IF EXISTS shop");
        SQLException defaultDatabase = assertThrows(SQLException.class,
            () -> s.execute("DROP DATABASE IF EXISTS postgres"));
        assertEquals("55006", defaultDatabase.getSQLState()); // it is this session's database
      }
      for (int node = 0; node < 3; node++) {
        int n = node;
        await().atMost(Duration.ofSeconds(20)).until(() ->
            !Files.exists(cluster.dir().resolve(cluster.peers().get(n).id()).resolve("db").resolve("shop.db")));
      }
      try (Statement s = elsewhere.createStatement()) {
        SQLException gone = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM items"));
        assertEquals("3D000", gone.getSQLState());
      } finally {
        elsewhere.close();
      }
      SQLException connect = assertThrows(SQLException.class, () -> cluster.connect(1, "shop").close());
      assertEquals("3D000", connect.getSQLState());

      // A database of the same name starts empty.
      try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE shop");
      }
      try (Connection shop = cluster.connect(1, "shop"); Statement s = shop.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'items'")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getInt(1));
      }
      try (Connection c = cluster.connect(2); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT datname FROM pg_database ORDER BY datname")) {
        assertTrue(rs.next());
        assertEquals("postgres", rs.getString(1));
        assertTrue(rs.next());
        assertEquals("shop", rs.getString(1));
        assertFalse(rs.next());
      }
    }
  }
}
