package io.kqlite.pgwire.sql;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * Runs scripts through the {@code sqlite3} command-line shell, so tests can prove that
 * translated SQL is accepted by a real SQLite, not just that it looks right. Tests using it
 * are skipped where the shell is not installed.
 */
final class SqliteCli {

  private SqliteCli() {
  }

  static boolean available() {
    try {
      Process p = new ProcessBuilder("sqlite3", "-version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs {@code script} against a fresh in-memory database; returns stdout, fails on any error. */
  static String run(String script) {
    File errors = null;
    try {
      errors = File.createTempFile("sqlite-cli", ".err");
      Process p = new ProcessBuilder("sqlite3", "-bail", "-batch", ":memory:")
          .redirectError(errors)
          .start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(script.getBytes(StandardCharsets.UTF_8));
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("sqlite3 timed out on:\n" + script);
      }
      String err = Files.readString(errors.toPath());
      if (p.exitValue() != 0 || !err.isEmpty()) {
        throw new AssertionError("sqlite3 rejected the script:\n" + err + "\n--- script ---\n" + script);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("could not run sqlite3", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      if (errors != null) {
        errors.delete();
      }
    }
  }
}
