package io.kqlite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.pgwire.server.ClientTls;
import io.kqlite.statemachine.raft.TlsFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kqlite cert} with the real openssl binary: what it writes is what kqlite needs. */
class CertCommandTest {

  @TempDir Path dir;

  @Test
  void nodeCertificateServesBothSidesAndNamesEveryHost() throws Exception {
    assertEquals(0, kqlite("cert", "ca", "--out", dir.toString()));
    assertEquals(0, kqlite("cert", "node", "--ca-dir", dir.toString(), "--name", "n1",
        "--host", "127.0.0.1,localhost,n1.example", "--out", dir.toString()));

    X509Certificate ca = read(dir.resolve("ca.pem"));
    X509Certificate node = read(dir.resolve("n1.pem"));
    node.verify(ca.getPublicKey());
    assertTrue(ca.getBasicConstraints() >= 0, "the CA can sign");
    assertEquals(-1, node.getBasicConstraints(), "a node certificate cannot sign");
    assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), node.getExtendedKeyUsage()); // serverAuth, clientAuth
    assertEquals(List.of(List.of(7, "127.0.0.1"), List.of(2, "localhost"), List.of(2, "n1.example")),
        node.getSubjectAlternativeNames().stream().toList());

    TlsFiles files = new TlsFiles(dir.resolve("n1.pem"), dir.resolve("n1.key"), dir.resolve("ca.pem")).validate();
    ClientTls.fromPem(files.cert(), files.key()); // Netty reads the key as it is
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(files.key())));
  }

  @Test
  void refusesToOverwriteAndToSignWithoutACa() {
    assertNotEquals(0, kqlite("cert", "node", "--ca-dir", dir.toString(), "--name", "n1",
        "--host", "localhost", "--out", dir.toString()));
    assertEquals(0, kqlite("cert", "ca", "--out", dir.toString()));
    assertNotEquals(0, kqlite("cert", "ca", "--out", dir.toString()));
  }

  @Test
  void hostsBecomeIpOrDnsNames() {
    String extensions = CertCommand.extensions(List.of("10.0.0.1", "::1", "db.example", " "));
    assertTrue(extensions.contains("subjectAltName=IP:10.0.0.1,IP:::1,DNS:db.example\n"), extensions);
    assertThrows(IllegalArgumentException.class, () -> CertCommand.extensions(List.of("a b")));
    assertThrows(IllegalArgumentException.class, () -> CertCommand.extensions(List.of("x,DNS:evil")));
  }

  private static int kqlite(String... args) {
    return new CommandLine(new KqliteCommand())
        .setErr(new java.io.PrintWriter(new java.io.StringWriter())) // expected failures stay quiet
        .execute(args);
  }

  private static X509Certificate read(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
