package io.kqlite.it;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A kqlite node as a real operating-system process, started from the built jar. */
final class KqliteProcess implements AutoCloseable {

  private final List<String> command;
  private final Path log;
  private final int pgPort;
  private Process process;

  /** Runs a one-shot kqlite command (e.g. {@code cluster status}) and returns exit code and output. */
  static Result run(String... args) throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("kqlite.home", ".."));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-Dkqlite.home=" + home.toAbsolutePath(), "-jar", jar().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("kqlite " + String.join(" ", args) + " did not finish:\n" + output);
    }
    return new Result(process.exitValue(), output);
  }

  record Result(int exitCode, String output) {}

  KqliteProcess(Path log, int pgPort, String... startArgs) {
    Path home = Path.of(System.getProperty("kqlite.home", ".."));
    // Through the launcher, as a user starts it: a witness gets the launcher's small JVM.
    this.command = new ArrayList<>(List.of("sh", home.resolve("bin/kqlite").toString(), "start"));
    this.command.addAll(List.of(startArgs));
    this.command.addAll(List.of("--pg-port", Integer.toString(pgPort)));
    this.log = log;
    this.pgPort = pgPort;
  }

  void start() throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    builder.environment().remove("KQLITE_JAVA_OPTS");
    process = builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    await().atMost(Duration.ofSeconds(60)).until(this::acceptsConnections);
  }

  private boolean acceptsConnections() {
    if (!process.isAlive()) {
      throw new IllegalStateException("kqlite exited with " + process.exitValue() + ", see " + log);
    }
    try (Socket ignored = new Socket("127.0.0.1", pgPort)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGKILL: no shutdown hook, no flush, like a power cut for the process. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  static File jar() {
    return Path.of(System.getProperty("kqlite.home", ".."), "kqlite-cli/target/kqlite.jar").toFile();
  }
}
