package io.kqlite.statemachine.raft;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsFilesTest {

  @TempDir Path dir;

  @Test
  void pkcs8KeyAndCertificatesPass() throws IOException {
    TlsFiles files = new TlsFiles(pem("n1.pem", "CERTIFICATE"), pem("n1.key", "PRIVATE KEY"), pem("ca.pem", "CERTIFICATE"));
    assertSame(files, files.validate());
    assertTrue(files.mutual());
    assertFalse(new TlsFiles(files.cert(), files.key(), null).validate().mutual());
  }

  @Test
  void olderKeyFormsAreRefusedWithTheConversionCommand() throws IOException {
    TlsFiles files = new TlsFiles(pem("n1.pem", "CERTIFICATE"), pem("n1.key", "EC PRIVATE KEY"), null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, files::validate);
    assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), e.getMessage());
  }

  @Test
  void missingFilesAndSwappedFilesAreNamed() throws IOException {
    Path cert = pem("n1.pem", "CERTIFICATE");
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> new TlsFiles(cert, dir.resolve("nope.key"), null).validate());
    assertTrue(missing.getMessage().contains("--tls-key") && missing.getMessage().contains("nope.key"), missing.getMessage());
    IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class,
        () -> new TlsFiles(pem("k.pem", "PRIVATE KEY"), cert, null).validate());
    assertTrue(swapped.getMessage().contains("--tls-cert"), swapped.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TlsFiles(cert, null, null));
  }

  private Path pem(String name, String label) throws IOException {
    return Files.writeString(dir.resolve(name),
        "-----BEGIN " + label + "-----\nAAAA\n-----END " + label + "-----\n");
  }
}
