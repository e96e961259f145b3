package io.kqlite.cli;

import io.kqlite.statemachine.raft.TlsFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --tls-cert/--tls-key/--tls-ca}, shared by {@code kqlite start} and {@code kqlite cluster}
 * (a picocli mixin); each falls back to the same key in the properties file.
 */
final class TlsOptions {

  @Option(names = "--tls-cert", paramLabel = "FILE",
      description = "PEM certificate chain, the node's certificate first. 'start': with --tls-key, "
          + "PostgreSQL clients may use TLS (sslmode=require/verify-full); with --tls-ca too, Raft traffic "
          + "between members uses mutual TLS. 'cluster': the certificate shown to members that use mutual "
          + "TLS. Default: none (plain text)")
  Path cert;

  @Option(names = "--tls-key", paramLabel = "FILE",
      description = "PEM private key of --tls-cert, unencrypted PKCS#8 (BEGIN PRIVATE KEY), as 'kqlite cert' writes it.")
  Path key;

  @Option(names = "--tls-ca", paramLabel = "FILE",
      description = "PEM CA certificate that signed every member's certificate. Turns on mutual TLS "
          + "on the Raft port: a process without a certificate from this CA cannot join, vote or append.")
  Path ca;

  /** The files from the flags, else from the config file; null when neither names a certificate. */
  TlsFiles resolve(ConfigKeys keys) {
    String certFile = keys.string(ConfigKeys.TLS_CERT_KEY, text(cert), null);
    String keyFile = keys.string(ConfigKeys.TLS_KEY_KEY, text(key), null);
    String caFile = keys.string(ConfigKeys.TLS_CA_KEY, text(ca), null);
    if (certFile == null && keyFile == null) {
      if (caFile != null) {
        throw new IllegalArgumentException("--tls-ca needs --tls-cert and --tls-key as well");
      }
      return null;
    }
    return new TlsFiles(certFile == null ? null : Path.of(certFile), keyFile == null ? null : Path.of(keyFile),
        caFile == null ? null : Path.of(caFile)).validate();
  }

  private static String text(Path path) {
    return path == null ? null : path.toString();
  }
}
