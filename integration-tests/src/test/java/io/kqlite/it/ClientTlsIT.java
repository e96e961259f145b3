package io.kqlite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.statemachine.raft.TlsFiles;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS for PostgreSQL clients, with real psql and pgjdbc against a node whose certificate names
 * only {@code localhost} (so connecting as 127.0.0.1 is a host-name mismatch).
 */
class ClientTlsIT {

  private static Path dir;
  private static TestCerts certs;
  private static TestCluster cluster;
  private static Connection plain;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("kqlite-tls-");
    certs = TestCerts.newCa(dir.resolve("ca"));
    cluster = TestCluster.startWithTls(1, peer -> {
      TlsFiles files = certs.node(peer.id(), "localhost");
      return new TlsFiles(files.cert(), files.key(), null); // one node: TLS for clients only
    });
    plain = cluster.connect(0);
  }

  @AfterAll
  static void stop() throws Exception {
    plain.close();
    cluster.close();
    deleteTree(dir);
  }

  static void deleteTree(Path root) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void psqlRequireUsesTls() throws Exception {
    String out = psql("host=127.0.0.1 sslmode=require", "\\conninfo\nSELECT 40 + 2 AS answer;\n");
    assertTrue(out.contains("SSL connection (protocol: TLSv1.3"), out);
    assertTrue(out.contains("42"), out);
  }

  @Test
  void psqlVerifyFullAcceptsTheNameInTheCertificate() throws Exception {
    String out = psql("host=localhost hostaddr=127.0.0.1 sslmode=verify-full sslrootcert=" + certs.ca(),
        "\\conninfo\nSELECT 'verified' AS v;\n");
    assertTrue(out.contains("SSL connection (protocol: TLSv1."), out);
    assertTrue(out.contains("verified"), out);
  }

  @Test
  void psqlVerifyFullRefusesAnotherHostName() throws Exception {
    String out = psql("host=127.0.0.1 sslmode=verify-full sslrootcert=" + certs.ca(), "SELECT 1;\n");
    assertTrue(out.contains("does not match host name \"127.0.0.1\""), out);
  }

  @Test
  void psqlVerifyCaRefusesACertificateFromAnotherCa() throws Exception {
    TestCerts other = TestCerts.newCa(dir.resolve("other-ca"));
    String out = psql("host=localhost hostaddr=127.0.0.1 sslmode=verify-ca sslrootcert=" + other.ca(), "SELECT 1;\n");
    assertTrue(out.contains("certificate verify failed"), out);
  }

  @Test
  void plainTextStillWorksWhenTheClientAsksForIt() throws Exception {
    String out = psql("host=127.0.0.1 sslmode=disable", "\\conninfo\nSELECT 'plain' AS p;\n");
    assertTrue(!out.contains("SSL connection") && out.contains("plain"), out);
  }

  @Test
  void pgjdbcVerifyFull() throws Exception {
    try (Connection c = jdbc("localhost", "verify-full");
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 6 * 7")) {
      rs.next();
      assertEquals(42, rs.getInt(1));
    }
    SQLException mismatch = assertThrows(SQLException.class, () -> jdbc("127.0.0.1", "verify-full").close());
    assertTrue(String.valueOf(mismatch.getMessage()).contains("hostname"), mismatch.toString());
  }

  /** Bytes that are no TLS record after the 'S': that connection closes, the others carry on. */
  @Test
  void garbageAfterSslAnswerClosesOnlyThatConnection() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", cluster.pgPort(0))) {
      socket.setSoTimeout(15_000);
      sslRequest(socket);
      assertEquals('S', socket.getInputStream().read());
      socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      assertClosed(socket.getInputStream());
    }
    stillServing();
  }

  /** A ClientHello sent together with the SSLRequest, before our answer, is refused (CVE-2021-23214). */
  @Test
  void bytesBehindTheSslRequestAreRefused() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", cluster.pgPort(0))) {
      socket.setSoTimeout(15_000);
      java.nio.ByteBuffer packet = java.nio.ByteBuffer.allocate(18).putInt(8).putInt(80877103)
          .put(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5});
      socket.getOutputStream().write(packet.array()); // one write: one segment, one read on the server
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      assertEquals('E', in.read()); // FATAL protocol violation, in plain text
      assertClosed(in);
    }
    stillServing();
  }

  /** A client that never sends its ClientHello is dropped by the TLS handshake timeout. */
  @Test
  void clientThatStopsMidHandshakeIsClosed() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", cluster.pgPort(0))) {
      socket.setSoTimeout(30_000);
      sslRequest(socket);
      assertEquals('S', socket.getInputStream().read());
      stillServing();
      assertClosed(socket.getInputStream());
    }
  }

  /** PostgreSQL 17's sslnegotiation=direct: TLS at once, with ALPN "postgresql". */
  @Test
  void directTlsWithAlpnPostgresql() throws Exception {
    try (SSLSocket socket = directTls("postgresql")) {
      assertEquals("postgresql", socket.getApplicationProtocol());
      socket.getOutputStream().write(startupPacket());
      socket.getOutputStream().flush();
      assertEquals('R', socket.getInputStream().read()); // AuthenticationOk, over TLS
    }
    stillServing();
  }

  /** Direct TLS without ALPN could be another protocol's connection: refused, as PostgreSQL does. */
  @Test
  void directTlsWithoutAlpnIsClosed() throws Exception {
    try (SSLSocket socket = directTls()) {
      socket.getOutputStream().write(startupPacket());
      socket.getOutputStream().flush();
      try {
        assertEquals(-1, socket.getInputStream().read());
      } catch (IOException closed) {
        // closed during or right after the handshake
      }
    } catch (javax.net.ssl.SSLException closedInHandshake) {
      // also a refusal
    }
    stillServing();
  }

  private static SSLSocket directTls(String... alpn) throws Exception {
    java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(certs.ca())) {
      trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    javax.net.ssl.TrustManagerFactory trustManagers =
        javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
    context.init(null, trustManagers.getTrustManagers(), null);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", cluster.pgPort(0));
    socket.setSoTimeout(15_000);
    javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
    parameters.setApplicationProtocols(alpn);
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    socket.startHandshake();
    return socket;
  }

  private static byte[] startupPacket() throws IOException {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(body);
    out.writeInt(196608);
    out.write("user\0test\0database\0postgres\0\0".getBytes(StandardCharsets.US_ASCII));
    java.io.ByteArrayOutputStream packet = new java.io.ByteArrayOutputStream();
    new DataOutputStream(packet).writeInt(body.size() + 4);
    packet.write(body.toByteArray());
    return packet.toByteArray();
  }

  private static void sslRequest(Socket socket) throws IOException {
    socket.getOutputStream().write(java.nio.ByteBuffer.allocate(8).putInt(8).putInt(80877103).array());
    socket.getOutputStream().flush();
  }

  private static void assertClosed(InputStream in) throws IOException {
    byte[] buffer = new byte[4096];
    try {
      while (in.read(buffer) >= 0) {
        // an alert or error may come before the end of the stream
      }
    } catch (java.net.SocketException reset) {
      // closed by the server with unread input: a reset is a close too
    }
  }

  private static void stillServing() throws Exception {
    try (Statement s = plain.createStatement(); ResultSet rs = s.executeQuery("SELECT 41 + 1")) {
      rs.next();
      assertEquals(42, rs.getInt(1));
    }
    try (Connection c = jdbc("localhost", "verify-full"); Statement s = c.createStatement()) {
      s.executeQuery("SELECT 1").close();
    }
  }

  private static Connection jdbc(String host, String sslmode) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + cluster.pgPort(0)
        + "/postgres?ssl=true&sslmode=" + sslmode + "&sslrootcert=" + certs.ca()
        + "&connectTimeout=10", "test", "");
  }

  /** Runs psql with a libpq connection string (port, user and database added) on a script. */
  private static String psql(String conninfo, String script) throws IOException, InterruptedException {
    return Psql.run(List.of(conninfo + " port=" + cluster.pgPort(0) + " user=test dbname=postgres"),
        Map.of("PGSSLCERT", "/nonexistent"), // no client certificate from ~/.postgresql
        script);
  }
}
