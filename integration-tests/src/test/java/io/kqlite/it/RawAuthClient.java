package io.kqlite.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A bare protocol client for the authentication exchange, so tests can send what real drivers
 * never do: a forged SCRAM proof, garbage, or nothing at all.
 */
final class RawAuthClient implements AutoCloseable {

  /** One backend message: its type and body. */
  record Message(char type, byte[] body) {
    int authCode() {
      return type == 'R' ? java.nio.ByteBuffer.wrap(body).getInt() : -1;
    }

    String text(int from) {
      return new String(body, from, body.length - from, StandardCharsets.UTF_8);
    }

    /** Fields of an ErrorResponse: 'C' SQLSTATE, 'M' message, 'S' severity. */
    Map<Character, String> fields() {
      Map<Character, String> fields = new HashMap<>();
      int i = 0;
      while (i < body.length && body[i] != 0) {
        char code = (char) body[i++];
        int end = i;
        while (body[end] != 0) {
          end++;
        }
        fields.put(code, new String(body, i, end - i, StandardCharsets.UTF_8));
        i = end + 1;
      }
      return fields;
    }
  }

  private final Socket socket;
  private final DataOutputStream out;
  private final DataInputStream in;

  RawAuthClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(30_000);
    out = new DataOutputStream(socket.getOutputStream());
    in = new DataInputStream(socket.getInputStream());
  }

  void startup(String user, String database) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream b = new DataOutputStream(body);
    b.writeInt(196608);
    for (String s : new String[] {"user", user, "database", database}) {
      b.write(s.getBytes(StandardCharsets.UTF_8));
      b.write(0);
    }
    b.write(0);
    out.writeInt(body.size() + 4);
    out.write(body.toByteArray());
    out.flush();
  }

  /** SASLInitialResponse: mechanism and client-first-message. */
  void saslInitial(String mechanism, String data) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream b = new DataOutputStream(body);
    b.write(mechanism.getBytes(StandardCharsets.UTF_8));
    b.write(0);
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    b.writeInt(bytes.length);
    b.write(bytes);
    send('p', body.toByteArray());
  }

  void send(char type, byte[] body) throws IOException {
    out.write(type);
    out.writeInt(body.length + 4);
    out.write(body);
    out.flush();
  }

  Message read() throws IOException {
    char type = (char) in.readUnsignedByte();
    byte[] body = new byte[in.readInt() - 4];
    in.readFully(body);
    return new Message(type, body);
  }

  /** True when the server has closed the connection (reads end). */
  boolean closedByServer() throws IOException {
    try {
      while (true) {
        read();
      }
    } catch (EOFException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
