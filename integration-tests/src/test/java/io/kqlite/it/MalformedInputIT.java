package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bytes no client should send: the server answers with an ErrorResponse or closes the connection,
 * and keeps serving everyone else (an open pgjdbc session is checked after each case).
 */
class MalformedInputIT {

  private static TestCluster cluster;
  private static Connection witness;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(1);
    witness = cluster.connect(0);
  }

  @AfterAll
  static void stop() throws Exception {
    witness.close();
    cluster.close();
  }

  @Test
  void garbageBeforeStartup() throws Exception {
    String answer = send(null, "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertTrue(answer.isEmpty() || answer.startsWith("E"), answer);
    stillServing();
  }

  @Test
  void negativeLength() throws Exception {
    assertEquals("E:08P01", send(startup(), new byte[] {'Q', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0}));
    stillServing();
  }

  @Test
  void hugeLength() throws Exception {
    assertEquals("E:08P01", send(startup(), new byte[] {'Q', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
    stillServing();
  }

  @Test
  void unknownMessageType() throws Exception {
    assertEquals("E:08P01", send(startup(), new byte[] {'@', 0, 0, 0, 4}));
    stillServing();
  }

  @Test
  void truncatedBindBody() throws Exception {
    // Bind with a parameter count that runs past the end of the message.
    assertEquals("E:08P01", send(startup(), new byte[] {'B', 0, 0, 0, 10, 0, 0, 0, 5, 0, 1}));
    stillServing();
  }

  private static void stillServing() throws Exception {
    try (Statement s = witness.createStatement(); ResultSet rs = s.executeQuery("SELECT 41 + 1")) {
      rs.next();
      assertEquals(42, rs.getInt(1));
    }
    try (Connection fresh = cluster.connect(0); Statement s = fresh.createStatement()) {
      s.executeQuery("SELECT 1").close();
    }
  }

  private static byte[] startup() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(body);
    out.writeInt(196608);
    for (String s : new String[] {"user", "test", "database", "postgres", ""}) {
      out.write(s.getBytes(StandardCharsets.US_ASCII));
      out.write(0);
    }
    byte[] bytes = body.toByteArray();
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    new DataOutputStream(framed).writeInt(bytes.length + 4);
    framed.write(bytes);
    return framed.toByteArray();
  }

  /**
   * Connects, sends an optional startup and then the bad bytes. Returns "E:SQLSTATE" of the first
   * ErrorResponse after the handshake, or "" when the server just closed the connection.
   */
  private static String send(byte[] startup, byte[] bad) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", cluster.pgPort(0))) {
      socket.setSoTimeout(10_000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      DataInputStream in = new DataInputStream(socket.getInputStream());
      if (startup != null) {
        out.write(startup);
        out.flush();
        while (true) { // read the handshake up to ReadyForQuery
          byte type = in.readByte();
          in.skipNBytes(in.readInt() - 4);
          if (type == 'Z') {
            break;
          }
        }
      }
      out.write(bad);
      out.flush();
      try {
        byte type = in.readByte();
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        if (type != 'E') {
          return "unexpected " + (char) type;
        }
        String fields = new String(body, StandardCharsets.UTF_8);
        int code = fields.indexOf("\0C");
        String sqlState = fields.substring(code + 2, code + 7);
        assertEquals(-1, in.read(), "connection must be closed after a protocol violation");
        return "E:" + sqlState;
      } catch (EOFException | java.net.SocketException closed) {
        return "";
      }
    }
  }
}
