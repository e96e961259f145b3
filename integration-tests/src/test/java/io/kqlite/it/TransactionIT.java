package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Explicit transactions on a three-member cluster, through pgjdbc. */
class TransactionIT {

  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(3);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static long scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }

  private static void awaitSameOnAllNodes(String table) throws SQLException {
    List<String> expected = cluster.dump(cluster.awaitLeader(), table);
    for (int i = 0; i < cluster.size(); i++) {
      int node = i;
      await().atMost(Duration.ofSeconds(20)).until(() -> cluster.dump(node, table).equals(expected));
    }
  }

  @Test
  void readsOwnWritesOnFollowerInvisibleToOthersUntilCommit() throws Exception {
    int follower = cluster.someFollower();
    try (Connection setup = cluster.connect(follower); Statement s = setup.createStatement()) {
      s.execute("CREATE TABLE ryw (id int PRIMARY KEY, v text)");
    }
    try (Connection tx = cluster.connect(follower); Connection other = cluster.connect(follower)) {
      tx.setAutoCommit(false);
      try (Statement s = tx.createStatement()) {
        assertEquals(1, s.executeUpdate("INSERT INTO ryw VALUES (1, 'a')"));
        try (ResultSet rs = s.executeQuery("INSERT INTO ryw VALUES (2, 'b') RETURNING id")) {
          assertTrue(rs.next());
          assertEquals(2, rs.getInt(1));
        }
        assertEquals(2, scalar(tx, "SELECT count(*) FROM ryw"));
        assertEquals(0, scalar(other, "SELECT count(*) FROM ryw"), "uncommitted rows leaked");
      }
      tx.commit();
      assertEquals(2, scalar(other, "SELECT count(*) FROM ryw"));
    }
    awaitSameOnAllNodes("ryw");
  }

  @Test
  void rollbackAndErrorsLeaveNoTrace() throws Exception {
    int leader = cluster.awaitLeader();
    try (Connection c = cluster.connect(leader); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE rb (id int PRIMARY KEY)");
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO rb VALUES (1)");
      c.rollback();
      s.executeUpdate("INSERT INTO rb VALUES (2)");
      SQLException duplicate = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO rb VALUES (2)"));
      assertEquals("23505", duplicate.getSQLState());
      SQLException aborted = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1"));
      assertEquals("25P02", aborted.getSQLState());
      c.rollback();
      s.executeUpdate("INSERT INTO rb VALUES (3)");
      s.execute("SAVEPOINT sp");
      s.executeUpdate("INSERT INTO rb VALUES (4)");
      assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO rb VALUES (4)"));
      s.execute("ROLLBACK TO SAVEPOINT sp");
      s.executeUpdate("INSERT INTO rb VALUES (5)");
      c.commit();
      c.setAutoCommit(true);
      try (ResultSet rs = s.executeQuery("SELECT string_agg(id, ',') FROM (SELECT id FROM rb ORDER BY id)")) {
        rs.next();
        assertEquals("3,5", rs.getString(1));
      }
    }
    awaitSameOnAllNodes("rb");
  }

  @Test
  void concurrentReadModifyWriteOnOneRowSerializes() throws Exception {
    int leader = cluster.awaitLeader();
    int follower = cluster.someFollower();
    try (Connection c = cluster.connect(leader); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE counter (id int PRIMARY KEY, n int)");
      s.execute("INSERT INTO counter VALUES (1, 10)");
    }
    try (Connection a = cluster.connect(leader); Connection b = cluster.connect(follower)) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      long seenByA = scalar(a, "SELECT n FROM counter WHERE id = 1");
      await().atMost(Duration.ofSeconds(10)).until(() -> scalar(b, "SELECT n FROM counter WHERE id = 1") == 10);
      long seenByB = 10;
      try (Statement s = a.createStatement()) {
        s.executeUpdate("UPDATE counter SET n = " + (seenByA + 1) + " WHERE id = 1");
      }
      try (Statement s = b.createStatement()) {
        s.executeUpdate("UPDATE counter SET n = " + (seenByB + 5) + " WHERE id = 1");
      }
      a.commit();
      SQLException conflict = assertThrows(SQLException.class, b::commit);
      assertEquals("40001", conflict.getSQLState());
    }
    try (Connection c = cluster.connect(follower)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> scalar(c, "SELECT n FROM counter WHERE id = 1") == 11);
    }
    awaitSameOnAllNodes("counter");
  }

  @Test
  void nowIsTheSameOnEveryReplica() throws Exception {
    int follower = cluster.someFollower();
    try (Connection c = cluster.connect(follower); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE stamps (id int PRIMARY KEY, a text, b text, c text, r double precision)");
      s.execute("INSERT INTO stamps VALUES (1, now(), CURRENT_TIMESTAMP, datetime('now'), random())");
      c.setAutoCommit(false);
      s.execute("INSERT INTO stamps VALUES (2, now(), CURRENT_TIMESTAMP, datetime('now'), random())");
      c.commit();
    }
    awaitSameOnAllNodes("stamps");
    List<String> rows = cluster.dump(0, "stamps");
    assertFalse(rows.get(0).contains("null"), rows.toString());
  }

  @Test
  void transfersKeepTheTotalAndReplicasIdentical() throws Exception {
    int accounts = 100;
    try (Connection c = cluster.connect(cluster.awaitLeader()); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)");
      s.execute("INSERT INTO accounts SELECT value, 1000 FROM (WITH RECURSIVE n(value) AS "
          + "(SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < " + accounts + ") SELECT value FROM n)");
    }
    // Workers start on followers with fresh sessions: they must see the accounts first.
    awaitSameOnAllNodes("accounts");
    int threads = 8;
    int perThread = 500;
    AtomicInteger retries = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int node = t % cluster.size();
      long seed = t;
      futures.add(pool.submit(() -> {
        Random random = new Random(seed);
        try (Connection c = cluster.connect(node)) {
          c.setAutoCommit(false);
          try (PreparedStatement read = c.prepareStatement("SELECT balance FROM accounts WHERE id = ?");
              PreparedStatement write = c.prepareStatement("UPDATE accounts SET balance = ? WHERE id = ?")) {
            for (int i = 0; i < perThread; i++) {
              int from = 1 + random.nextInt(accounts);
              int to = 1 + (from + random.nextInt(accounts - 1)) % accounts;
              int amount = 1 + random.nextInt(50);
              while (true) {
                try {
                  long fromBalance = balance(read, from);
                  long toBalance = balance(read, to);
                  update(write, from, fromBalance - amount);
                  update(write, to, toBalance + amount);
                  c.commit();
                  break;
                } catch (SQLException e) {
                  c.rollback();
                  if (!"40001".equals(e.getSQLState())) {
                    throw e;
                  }
                  retries.incrementAndGet();
                }
              }
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();
    try (Connection c = cluster.connect(0)) {
      await().atMost(Duration.ofSeconds(20))
          .until(() -> scalar(c, "SELECT sum(balance) FROM accounts") == accounts * 1000L);
    }
    awaitSameOnAllNodes("accounts");
    System.out.printf("transfers: %d transactions, %d retries on 40001%n", threads * perThread, retries.get());
  }

  private static long balance(PreparedStatement read, int id) throws SQLException {
    read.setInt(1, id);
    try (ResultSet rs = read.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void update(PreparedStatement write, int id, long balance) throws SQLException {
    write.setLong(1, balance);
    write.setInt(2, id);
    write.executeUpdate();
  }
}
