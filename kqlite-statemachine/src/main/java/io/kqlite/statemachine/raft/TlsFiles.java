package io.kqlite.statemachine.raft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A node's PEM files: its certificate chain, its private key and, for mutual TLS between members,
 * the CA that signs every member's certificate.
 *
 * <p>Netty (ours and the copy shaded inside Ratis) reads unencrypted PKCS#8 keys ({@code BEGIN
 * PRIVATE KEY}) without extra libraries; older PKCS#1/SEC1 forms ({@code BEGIN RSA PRIVATE KEY},
 * {@code BEGIN EC PRIVATE KEY}) would need BouncyCastle, so they are refused here with the command
 * that converts them, instead of failing later inside a TLS handshake.
 *
 * @param cert certificate chain, leaf first
 * @param key unencrypted PKCS#8 private key of the leaf
 * @param ca CA certificate(s) trusted for members' certificates; null when only clients use TLS
 */
public record TlsFiles(Path cert, Path key, Path ca) {

  public TlsFiles {
    if (cert == null || key == null) {
      throw new IllegalArgumentException("TLS needs both a certificate (--tls-cert) and a key (--tls-key)");
    }
  }

  /** Whether members authenticate each other (mutual TLS on the Raft transport). */
  public boolean mutual() {
    return ca != null;
  }

  /** Fails with a message that names the file when a file is missing or has the wrong form. */
  public TlsFiles validate() {
    expectPem(cert, "CERTIFICATE", "--tls-cert");
    expectPem(key, "PRIVATE KEY", "--tls-key");
    String keyText = read(key);
    if (!keyText.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException("--tls-key " + key + " is not an unencrypted PKCS#8 key "
          + "(BEGIN PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
    }
    if (ca != null) {
      expectPem(ca, "CERTIFICATE", "--tls-ca");
    }
    return this;
  }

  private static void expectPem(Path file, String label, String option) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(option + " " + file + " is not a readable file");
    }
    String text = read(file);
    if (!text.contains("-----BEGIN ") || !text.contains(label + "-----")) {
      throw new IllegalArgumentException(option + " " + file + " holds no PEM " + label);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IllegalArgumentException(file + " is not a PEM text file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
