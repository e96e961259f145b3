package io.kqlite.it;

import io.kqlite.cli.KqliteCommand;
import io.kqlite.statemachine.raft.TlsFiles;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * A private CA and node certificates in a directory, made by {@code kqlite cert} itself (so the
 * tests also prove that what the helper writes is what the server and clients accept).
 */
final class TestCerts {

  private final Path dir;

  private TestCerts(Path dir) {
    this.dir = dir;
  }

  /** A new CA in {@code dir}. */
  static TestCerts newCa(Path dir) {
    run("cert", "ca", "--out", dir.toString());
    return new TestCerts(dir);
  }

  /** A node certificate signed by this CA, for the given host names and IP addresses. */
  TlsFiles node(String name, String... hosts) {
    run("cert", "node", "--ca-dir", dir.toString(), "--name", name, "--host", String.join(",", hosts),
        "--out", dir.toString());
    return new TlsFiles(dir.resolve(name + ".pem"), dir.resolve(name + ".key"), ca());
  }

  Path ca() {
    return dir.resolve("ca.pem");
  }

  private static void run(String... args) {
    int exit = new CommandLine(new KqliteCommand()).execute(args);
    if (exit != 0) {
      throw new IllegalStateException("kqlite " + String.join(" ", args) + " exited with " + exit);
    }
  }
}
