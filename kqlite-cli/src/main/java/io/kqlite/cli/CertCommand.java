package io.kqlite.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kqlite cert …}: a private CA and node certificates for {@code --tls-cert/--tls-key/--tls-ca}.
 *
 * <p>It runs the {@code openssl} binary, because the JDK has no public API to build certificates
 * and a one-off helper is not worth a large library on every node's class path; the commands it
 * runs are the ones the README lists, so the same files can be made by hand. Keys are ECDSA P-256
 * in unencrypted PKCS#8 form (what {@code openssl req -newkey} writes), which Netty reads without
 * extra libraries.
 */
@Command(name = "cert", mixinStandardHelpOptions = true, version = "kqlite 0.1.0",
    description = "Makes a private CA and node certificates for TLS (runs the openssl binary).",
    subcommands = {CertCommand.Ca.class, CertCommand.Node.class})
final class CertCommand {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  @Command(name = "ca", mixinStandardHelpOptions = true,
      description = "Makes a CA: DIR/ca.pem (give it to every node and client as --tls-ca / sslrootcert) "
          + "and DIR/ca.key (keep it private; it signs node certificates).")
  static final class Ca implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for ca.pem and ca.key.")
    Path out;

    @Option(names = "--days", paramLabel = "DAYS", description = "Validity in days. Default: 3650")
    int days = 3650;

    @Override
    public Integer call() throws Exception {
      Files.createDirectories(out);
      Path key = out.resolve("ca.key");
      Path cert = out.resolve("ca.pem");
      refuseToOverwrite(key, cert);
      openssl("req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
          "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", Integer.toString(days),
          "-sha256", "-subj", "/CN=kqlite CA",
          "-addext", "basicConstraints=critical,CA:TRUE",
          "-addext", "keyUsage=critical,keyCertSign,cRLSign");
      ownerOnly(key);
      System.out.println("wrote " + cert + " and " + key);
      return 0;
    }
  }

  @Command(name = "node", mixinStandardHelpOptions = true,
      description = "Makes DIR/NAME.pem and DIR/NAME.key, signed by the CA, for both server and client "
          + "use (TLS for PostgreSQL clients and mutual TLS between members).")
  static final class Node implements Callable<Integer> {
    @Option(names = "--ca-dir", paramLabel = "DIR", required = true, description = "Directory with ca.pem and ca.key.")
    Path caDir;

    @Option(names = "--name", required = true, description = "Certificate name (CN), e.g. the node id; also the file name.")
    String name;

    @Option(names = "--host", paramLabel = "HOST", required = true, split = ",",
        description = "Every host name and IP address clients and members use to reach this node "
            + "(Raft host of --peers, PostgreSQL host of sslmode=verify-full): subjectAltName entries.")
    List<String> hosts;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for NAME.pem and NAME.key.")
    Path out;

    @Option(names = "--days", paramLabel = "DAYS", description = "Validity in days. Default: 825")
    int days = 825;

    @Override
    public Integer call() throws Exception {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("--name must be letters, digits, '.', '_' or '-': " + name);
      }
      Path caCert = caDir.resolve("ca.pem");
      Path caKey = caDir.resolve("ca.key");
      if (!Files.isReadable(caCert) || !Files.isReadable(caKey)) {
        throw new IllegalArgumentException(caDir + " has no ca.pem and ca.key; make them with 'kqlite cert ca'");
      }
      Files.createDirectories(out);
      Path key = out.resolve(name + ".key");
      Path cert = out.resolve(name + ".pem");
      refuseToOverwrite(key, cert);
      Path request = Files.createTempFile(out, name, ".csr");
      Path extensions = Files.createTempFile(out, name, ".ext");
      try {
        Files.writeString(extensions, extensions(hosts), StandardCharsets.US_ASCII);
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key.toString(), "-out", request.toString(), "-subj", "/CN=" + name);
        ownerOnly(key);
        openssl("x509", "-req", "-in", request.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
            "-set_serial", serialNumber(),
            "-days", Integer.toString(days), "-sha256", "-extfile", extensions.toString(), "-out", cert.toString());
      } finally {
        Files.deleteIfExists(request);
        Files.deleteIfExists(extensions);
      }
      System.out.println("wrote " + cert + " and " + key + " for " + String.join(", ", hosts));
      return 0;
    }
  }

  /** The X.509v3 extensions of a node certificate: usable as TLS server and as TLS client. */
  static String extensions(List<String> hosts) {
    List<String> names = new ArrayList<>();
    for (String host : hosts) {
      String h = host.trim();
      if (h.isEmpty()) {
        continue;
      }
      boolean ip = IPV4.matcher(h).matches() || IPV6.matcher(h).matches();
      if (!ip && !NAME.matcher(h).matches()) {
        throw new IllegalArgumentException("not a host name or IP address: " + h);
      }
      names.add((ip ? "IP:" : "DNS:") + h);
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("--host names no host");
    }
    return String.join("\n",
        "basicConstraints=critical,CA:FALSE",
        "keyUsage=critical,digitalSignature,keyEncipherment",
        "extendedKeyUsage=serverAuth,clientAuth",
        "subjectAltName=" + String.join(",", names),
        "");
  }

  /** 128 random bits, as hex for {@code -set_serial} (openssl reads it as a positive number). */
  private static String serialNumber() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  private static void refuseToOverwrite(Path... files) {
    for (Path file : files) {
      if (Files.exists(file)) {
        throw new IllegalArgumentException(file + " exists; remove it first");
      }
    }
  }

  private static void ownerOnly(Path key) throws IOException {
    try {
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file keeps its directory's access rules
    }
  }

  private static void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("kqlite cert needs the openssl command (apt-get install openssl): " + e.getMessage(), e);
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("openssl did not finish: " + String.join(" ", command));
    }
    if (process.exitValue() != 0) {
      throw new IOException("openssl failed (" + String.join(" ", command) + "):\n" + output.strip());
    }
  }
}
