package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.net.Socket;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * COPY through real clients against a follower of a three-member cluster: psql (inline data and
 * {@code \copy}, compared with PostgreSQL 15's own output) and pgjdbc's CopyManager; failures
 * leave nothing behind, and a COPY larger than Ratis' default 4 MiB entry replicates.
 */
class CopyIT {

  private static TestCluster cluster;
  private static int follower;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(3);
    follower = cluster.someFollower();
  }

  @AfterAll
  static void stop() throws IOException {
    cluster.close();
  }

  /** Expected output was produced by running the same script against PostgreSQL 15. */
  @Test
  void psqlInlineDataAndBackslashCopyMatchPostgres() throws Exception {
    Path csv = Files.createTempFile("kqlite-copy-", ".csv");
    Files.writeString(csv, "7,\"multi\nline\",t,\n8,\"say \"\"hi\"\"\",f,x\n");
    try {
      String script = resource("/copy/psql-copy.sql").replace("@CSVFILE@", csv.toString());
      String output = PsqlIT.psql(cluster.pgPort(follower), script)
          .replaceAll("(?m)^(CONTEXT:|LOCATION:|LINE \\d+:|DETAIL:|\\s+\\^).*\\n", "");
      assertEquals(resource("/copy/psql-copy.expected"), output);
    } finally {
      Files.delete(csv);
    }
  }

  @Test
  void copyManagerInAndOutInTextAndCsv() throws Exception {
    try (Connection c = cluster.connect(follower); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE jm (id int PRIMARY KEY, name text, score double precision)");
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      long text = copy.copyIn("COPY jm FROM STDIN", new StringReader("1\tone\t1.5\n2\t\\N\t2\n"));
      long csv = copy.copyIn("COPY jm (id, name) FROM STDIN WITH (FORMAT csv)",
          new StringReader("3,\"th,ree\"\n"));
      assertEquals(2, text);
      assertEquals(1, csv);

      StringWriter out = new StringWriter();
      assertEquals(3, copy.copyOut("COPY jm TO STDOUT", out));
      assertEquals("1\tone\t1.5\n2\t\\N\t2\n3\tth,ree\t\\N\n", out.toString());
      StringWriter query = new StringWriter();
      copy.copyOut("COPY (SELECT name FROM jm WHERE id = 3) TO STDOUT WITH (FORMAT csv, HEADER)", query);
      assertEquals("name\n\"th,ree\"\n", query.toString());
    }
    awaitSameOnAllNodes("jm", 3);
  }

  /** Produced by PostgreSQL 15 for the same table and rows: COPY jbin TO STDOUT (FORMAT binary). */
  private static final String POSTGRES_BINARY_COPY =
      "5047434f50590aff0d0a0000000000000000000009000000080000000000000001000000036f6e65" +
      "0000000101000000083ff80000000000000000000201020000000c0002000000000001000c138800" +
      "0000080002b0ec85204bb000000010a0eebc999c0b4ef8bb6d6bb9bd380a11000000040000000700" +
      "09000000080000000000000002ffffffff000000010000000008c000000000000000ffffffffffff" +
      "ffffffffffffffffffffffffffffffff";

  @Test
  void binaryCopyOutMatchesPostgresAndReadsBack() throws Exception {
    String columns = "(id int8 PRIMARY KEY, name text, ok boolean, score float8, data bytea,"
        + " amount numeric, at timestamp, u uuid, n int4)";
    try (Connection c = cluster.connect(follower); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE jbin " + columns);
      s.execute("CREATE TABLE jbin_back " + columns);
      s.execute("INSERT INTO jbin VALUES (1, 'one', true, 1.5, '\\x0102', 12.5, '2024-01-02 03:04:05.678',"
          + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 7), (2, NULL, false, -2, NULL, NULL, NULL, NULL, NULL)");
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertEquals(2, copy.copyOut("COPY jbin TO STDOUT (FORMAT binary)", out));
      assertEquals(POSTGRES_BINARY_COPY, HexFormat.of().formatHex(out.toByteArray()));

      assertEquals(2, copy.copyIn("COPY jbin_back FROM STDIN (FORMAT binary)",
          new java.io.ByteArrayInputStream(out.toByteArray())));
      try (ResultSet rs = s.executeQuery("SELECT name, ok, score, amount, at, u, n FROM jbin_back WHERE id = 1")) {
        assertTrue(rs.next());
        assertEquals("one|t|1.5|12.5|2024-01-02 03:04:05.678|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|7",
            String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7)));
      }
    }
  }

  @Test
  void failedCopiesApplyNothing() throws Exception {
    try (Connection c = cluster.connect(follower); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE jf (id int PRIMARY KEY, n int)");
      s.execute("INSERT INTO jf VALUES (1, 1)");
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();

      SQLException badRow = assertThrows(SQLException.class,
          () -> copy.copyIn("COPY jf FROM STDIN", new StringReader("2\t2\n3\n")));
      assertEquals("22P04", badRow.getSQLState());
      SQLException badValue = assertThrows(SQLException.class,
          () -> copy.copyIn("COPY jf FROM STDIN", new StringReader("2\t2\nx\t3\n")));
      assertEquals("22P02", badValue.getSQLState());
      SQLException duplicate = assertThrows(SQLException.class,
          () -> copy.copyIn("COPY jf FROM STDIN", new StringReader("2\t2\n1\t3\n")));
      assertEquals("23505", duplicate.getSQLState());

      CopyIn cancelled = copy.copyIn("COPY jf FROM STDIN");
      byte[] row = "4\t4\n".getBytes(StandardCharsets.UTF_8);
      cancelled.writeToCopy(row, 0, row.length);
      // CopyFail: pgjdbc insists on an error in reply ("Missing expected error response to copy
      // cancel request" otherwise) and swallows it.
      cancelled.cancelCopy();
      assertTrue(!cancelled.isActive());

      // The connection is still usable and nothing of the failed COPYs is there.
      assertEquals(1, count(s, "jf"));
    }
    awaitSameOnAllNodes("jf", 1);
  }

  @Test
  void copyJoinsAnExplicitTransaction() throws Exception {
    try (Connection c = cluster.connect(follower); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE jt (id int PRIMARY KEY)");
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      c.setAutoCommit(false);
      s.execute("INSERT INTO jt VALUES (1)");
      copy.copyIn("COPY jt FROM STDIN", new StringReader("2\n3\n"));
      assertEquals(3, count(s, "jt")); // the transaction sees its own COPY
      c.rollback();
      assertEquals(0, count(s, "jt"));
      copy.copyIn("COPY jt FROM STDIN", new StringReader("4\n5\n"));
      s.execute("INSERT INTO jt VALUES (6)");
      c.commit();
      c.setAutoCommit(true);
      assertEquals(3, count(s, "jt"));
    }
    awaitSameOnAllNodes("jt", 3);
  }

  /** About 9 MiB of rows: more than one entry carries, one atomic write on every node. */
  @Test
  void copyLargerThanFourMebibytesReplicates() throws Exception {
    int rows = 150_000;
    StringBuilder data = new StringBuilder();
    String filler = "x".repeat(60);
    for (int i = 1; i <= rows; i++) {
      data.append(i).append('\t').append(filler).append(i).append('\n');
    }
    assertTrue(data.length() > 8 * 1024 * 1024, "test data too small: " + data.length());
    try (Connection c = cluster.connect(follower); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE jb (id int PRIMARY KEY, filler text)");
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      assertEquals(rows, copy.copyIn("COPY jb FROM STDIN", new StringReader(data.toString())));
    }
    awaitSameOnAllNodes("jb", rows);
  }

  /**
   * About 20 MiB of rows, more than one log entry may carry: staged in bounded entries and moved
   * into the table by one last entry. A second one that fails on its last row applies nothing
   * and leaves no staging table behind.
   */
  @Test
  void copyLargerThanOneEntryIsStagedAndStaysAtomic() throws Exception {
    String filler = "y".repeat(1000);
    StringBuilder data = new StringBuilder();
    for (int i = 1; i <= 20_000; i++) {
      data.append(i).append('\t').append(filler).append('\n');
    }
    try (Connection c = cluster.connect(follower); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE jh (id int PRIMARY KEY, filler text)");
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      assertEquals(20_000, copy.copyIn("COPY jh FROM STDIN", new StringReader(data.toString())));
      StringBuilder again = new StringBuilder();
      for (int i = 20_001; i <= 40_000; i++) {
        again.append(i).append('\t').append(filler).append('\n');
      }
      again.append("1\tduplicate\n");
      SQLException duplicate = assertThrows(SQLException.class,
          () -> copy.copyIn("COPY jh FROM STDIN", new StringReader(again.toString())));
      assertEquals("23505", duplicate.getSQLState());
      assertEquals(20_000, count(s, "jh"));
      try (var rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name LIKE 'kqlite_copy%'")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getInt(1), "staging table left behind");
      }
    }
    awaitSameOnAllNodes("jh", 20_000);
  }

  /**
   * COPY through the extended protocol, byte for byte as a client would send it: the Sync sent
   * right after Execute is ignored during copy-in (as PostgreSQL does), the second one ends the
   * cycle. The answers are the ones PostgreSQL 15 gives to the same bytes.
   */
  @Test
  void extendedProtocolCopyIgnoresSyncUntilCopyDone() throws Exception {
    try (Connection c = cluster.connect(follower); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE jx (id int PRIMARY KEY)");
    }
    try (RawClient raw = new RawClient(cluster.pgPort(follower))) {
      raw.send('P', RawClient.cstring(""), RawClient.cstring("COPY jx FROM STDIN"), new byte[2]);
      raw.send('B', RawClient.cstring(""), RawClient.cstring(""), new byte[6]);
      raw.send('E', RawClient.cstring(""), new byte[4]);
      raw.send('S');
      assertEquals(List.of("1", "2", "G"), raw.readUntil('G'));
      raw.send('d', "1\n2\n".getBytes(StandardCharsets.UTF_8));
      raw.send('c');
      raw.send('S');
      assertEquals(List.of("C:COPY 2", "Z"), raw.readUntil('Z'));

      raw.send('P', RawClient.cstring(""), RawClient.cstring("COPY jx FROM STDIN"), new byte[2]);
      raw.send('B', RawClient.cstring(""), RawClient.cstring(""), new byte[6]);
      raw.send('E', RawClient.cstring(""), new byte[4]);
      raw.send('S');
      assertEquals(List.of("1", "2", "G"), raw.readUntil('G'));
      raw.send('d', "3\nx\n".getBytes(StandardCharsets.UTF_8));
      raw.send('c');
      raw.send('S');
      assertEquals(List.of("E:22P02", "Z"), raw.readUntil('Z'));
    }
    awaitSameOnAllNodes("jx", 2);
  }

  private static long count(Statement s, String table) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void awaitSameOnAllNodes(String table, long rows) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<String> reference = cluster.dump(0, table);
      assertEquals(rows, reference.size());
      for (int i = 1; i < cluster.size(); i++) {
        assertEquals(reference, cluster.dump(i, table), "node " + i);
      }
    });
  }

  private static String resource(String name) throws IOException {
    return Psql.resource(name);
  }

  /** Just enough of the protocol to send messages and list the answers' types. */
  private static final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;

    RawClient(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(20_000);
      out = new DataOutputStream(socket.getOutputStream());
      in = new DataInputStream(socket.getInputStream());
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      new DataOutputStream(body).writeInt(196608);
      for (String part : new String[] {"user", "test", "database", "postgres", ""}) {
        body.write(cstring(part));
      }
      out.writeInt(body.size() + 4);
      body.writeTo(out);
      out.flush();
      readUntil('Z');
    }

    static byte[] cstring(String s) {
      return (s + "\0").getBytes(StandardCharsets.UTF_8);
    }

    void send(char type, byte[]... parts) throws IOException {
      int length = 4;
      for (byte[] part : parts) {
        length += part.length;
      }
      out.writeByte(type);
      out.writeInt(length);
      for (byte[] part : parts) {
        out.write(part);
      }
      out.flush();
    }

    /** Message types up to and including {@code last}; "C:tag" and "E:sqlstate" in detail. */
    List<String> readUntil(char last) throws IOException {
      List<String> types = new ArrayList<>();
      while (true) {
        char type = (char) in.readByte();
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        String text = new String(body, StandardCharsets.UTF_8);
        if (type == 'C') {
          types.add("C:" + text.substring(0, text.length() - 1));
        } else if (type == 'E') {
          int code = text.indexOf("\0C");
          types.add("E:" + text.substring(code + 2, code + 7));
        } else {
          types.add(String.valueOf(type));
        }
        if (type == last) {
          return types;
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
