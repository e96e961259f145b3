package io.kqlite.pgwire.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A witness's PostgreSQL port: it answers every connection with a FATAL {@code 57P03} that says
 * why and names the leader, so a client (or a multi-host connection string) moves on to a data
 * node. Plain blocking sockets on a few short-lived threads: the witness has no SQL to serve, and
 * Netty's event loops and the session machinery would cost it several megabytes it is meant to
 * save. SSL and GSS encryption requests are declined ({@code N}), as a server without them does.
 */
public final class WitnessPort implements PgListener {

  private static final Logger LOG = LoggerFactory.getLogger(WitnessPort.class);
  private static final int SSL_REQUEST = 80877103;
  private static final int GSSENC_REQUEST = 80877104;
  private static final int CANCEL_REQUEST = 80877102;
  /** A startup packet is small; anything claiming more is not a PostgreSQL client. */
  private static final int MAX_STARTUP_BYTES = 10_000;
  private static final int READ_TIMEOUT_MILLIS = 5_000;
  private static final int MAX_CONCURRENT = 16;

  private final ServerSocket socket;
  private final Supplier<String> refusal;
  private final Semaphore handlers = new Semaphore(MAX_CONCURRENT);

  private WitnessPort(ServerSocket socket, Supplier<String> refusal) {
    this.socket = socket;
    this.refusal = refusal;
  }

  /**
   * Listens on {@code host:port} (port 0 picks a free one).
   *
   * @param refusal the error text, asked for each connection (the leader changes)
   */
  public static WitnessPort start(String host, int port, Supplier<String> refusal) throws IOException {
    ServerSocket socket = new ServerSocket(port, 50, InetAddress.getByName(host));
    WitnessPort witnessPort = new WitnessPort(socket, refusal);
    Thread acceptor = new Thread(witnessPort::acceptLoop, "kqlite-witness-pg");
    acceptor.setDaemon(true);
    acceptor.start();
    return witnessPort;
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        if (!handlers.tryAcquire()) {
          client.close(); // a flood: closing is answer enough
          continue;
        }
        Thread handler = new Thread(() -> {
          try (client) {
            refuse(client);
          } catch (IOException | RuntimeException e) {
            LOG.debug("witness port: {}", e.toString());
          } finally {
            handlers.release();
          }
        }, "kqlite-witness-pg-client");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        if (!socket.isClosed()) {
          // e.g. out of file descriptors: back off instead of spinning on the same failure
          LOG.warn("witness port: accept failed", e);
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
      }
    }
  }

  private void refuse(Socket client) throws IOException {
    client.setSoTimeout(READ_TIMEOUT_MILLIS);
    DataInputStream in = new DataInputStream(client.getInputStream());
    OutputStream out = client.getOutputStream();
    while (true) {
      int length = in.readInt();
      if (length < 8 || length > MAX_STARTUP_BYTES) {
        return;
      }
      int code = in.readInt();
      in.skipNBytes(length - 8L);
      if (code == SSL_REQUEST || code == GSSENC_REQUEST) {
        out.write('N');
        out.flush();
      } else if (code == CANCEL_REQUEST) {
        return;
      } else {
        out.write(errorResponse(refusal.get()));
        out.flush();
        return;
      }
    }
  }

  /** ErrorResponse: severity, code and message, NUL-terminated fields (a NUL in text dropped). */
  static byte[] errorResponse(String text) throws IOException {
    ByteArrayOutputStream fields = new ByteArrayOutputStream();
    field(fields, 'S', "FATAL");
    field(fields, 'V', "FATAL");
    field(fields, 'C', "57P03");
    field(fields, 'M', text);
    fields.write(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte('E');
    out.writeInt(4 + fields.size());
    fields.writeTo(out);
    return bytes.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, char type, String text) {
    out.write(type);
    out.writeBytes(text.replace("\0", "").getBytes(StandardCharsets.UTF_8));
    out.write(0);
  }

  @Override
  public int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("witness port close: {}", e.toString());
    }
  }
}
