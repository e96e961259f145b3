package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Linearizable reads by default, per-session consistency, and primary/standby discovery. */
class ReadConsistencyIT {

  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(3);
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aWriteOnTheLeaderIsVisibleAtOnceToAnotherSessionOnAFollower() throws Exception {
    int leader = cluster.awaitLeader();
    int follower = cluster.someFollower();
    try (Connection writer = cluster.connect(leader); Connection reader = cluster.connect(follower);
        Statement w = writer.createStatement(); Statement r = reader.createStatement()) {
      w.execute("CREATE TABLE fresh (id int PRIMARY KEY)");
      for (int i = 0; i < 30; i++) {
        w.execute("INSERT INTO fresh VALUES (" + i + ")");
        try (ResultSet rs = r.executeQuery("SELECT count(*) FROM fresh")) { // no waiting: linearizable
          rs.next();
          assertEquals(i + 1, rs.getInt(1));
        }
      }
    }
  }

  @Test
  void consistencyIsASessionSetting() throws Exception {
    try (Connection c = cluster.connect(0); Statement s = c.createStatement()) {
      assertEquals("linearizable", show(c, "kqlite.read_consistency"));
      s.execute("SET kqlite.read_consistency = 'stale'");
      assertEquals("stale", show(c, "kqlite.read_consistency"));
      s.execute("SELECT 1");
      s.execute("SET kqlite.read_consistency TO session");
      s.execute("SELECT 1");
      SQLException bad = assertThrows(SQLException.class, () -> s.execute("SET kqlite.read_consistency = 'sometimes'"));
      assertEquals("22023", bad.getSQLState());
    }
  }

  @Test
  void followersReportStandbySoClientsFindThePrimary() throws Exception {
    int leader = cluster.awaitLeader();
    int follower = cluster.someFollower();
    try (Connection l = cluster.connect(leader); Connection f = cluster.connect(follower)) {
      assertEquals("off", show(l, "in_hot_standby"));
      assertEquals("on", show(f, "in_hot_standby"));
      assertEquals("off", show(f, "transaction_read_only"));
    }
    StringBuilder hosts = new StringBuilder();
    for (int i = 0; i < cluster.size(); i++) {
      hosts.append(i == 0 ? "" : ",").append("127.0.0.1:").append(cluster.pgPort(i));
    }
    String url = "jdbc:postgresql://" + hosts + "/postgres?targetServerType=primary";
    try (Connection c = DriverManager.getConnection(url, "test", "")) {
      assertEquals("off", show(c, "in_hot_standby"));
      assertTrue(c.getMetaData().getURL().length() > 0);
    }
  }
}
