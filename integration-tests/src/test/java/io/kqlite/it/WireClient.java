package io.kqlite.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal PostgreSQL protocol client for tests that need exact messages (what pgx or asyncpg
 * send), independent of the server's codec.
 */
final class WireClient implements AutoCloseable {

  /** One backend message: its type byte and body. */
  record Message(char type, byte[] body) {}

  private final Socket socket;
  private final DataOutputStream out;
  private final DataInputStream in;

  WireClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(20_000);
    out = new DataOutputStream(socket.getOutputStream());
    in = new DataInputStream(socket.getInputStream());
  }

  /** Startup as user test on database postgres, up to the first ReadyForQuery. */
  void startup() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream b = new DataOutputStream(body);
    b.writeInt(196608);
    for (String s : new String[] {"user", "test", "database", "postgres"}) {
      cstring(b, s);
    }
    b.write(0);
    out.writeInt(body.size() + 4);
    out.write(body.toByteArray());
    out.flush();
    readUntilReady();
  }

  void parse(String name, String sql) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream b = new DataOutputStream(body);
    cstring(b, name);
    cstring(b, sql);
    b.writeShort(0); // no parameter types: the server decides
    send('P', body.toByteArray());
  }

  void describeStatement(String name) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream b = new DataOutputStream(body);
    b.write('S');
    cstring(b, name);
    send('D', body.toByteArray());
  }

  void sync() throws IOException {
    send('S', new byte[0]);
    out.flush();
  }

  /** Reads messages up to and including ReadyForQuery; returns the first of {@code type}, or null. */
  Message readUntilReady(char type) throws IOException {
    Message found = null;
    while (true) {
      Message m = read();
      if (m.type() == type && found == null) {
        found = m;
      }
      if (m.type() == 'Z') {
        return found;
      }
    }
  }

  void readUntilReady() throws IOException {
    readUntilReady('Z');
  }

  /** The OIDs of a ParameterDescription message. */
  static int[] parameterOids(Message description) throws IOException {
    DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(description.body()));
    int[] oids = new int[d.readShort()];
    for (int i = 0; i < oids.length; i++) {
      oids[i] = d.readInt();
    }
    return oids;
  }

  private Message read() throws IOException {
    char type = (char) in.readByte();
    byte[] body = new byte[in.readInt() - 4];
    in.readFully(body);
    return new Message(type, body);
  }

  private void send(char type, byte[] body) throws IOException {
    out.write(type);
    out.writeInt(body.length + 4);
    out.write(body);
  }

  private static void cstring(DataOutputStream b, String s) throws IOException {
    b.write(s.getBytes(StandardCharsets.UTF_8));
    b.write(0);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
