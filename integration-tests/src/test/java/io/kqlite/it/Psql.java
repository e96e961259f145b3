package io.kqlite.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real psql on a script and returns what it printed (stdout and stderr together). */
final class Psql {

  private Psql() {
  }

  /** A test resource's text ({@code path} from the classpath root: {@code /psql-bool/script.psql}). */
  static String resource(String path) throws IOException {
    try (java.io.InputStream in = Psql.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * @param arguments psql's arguments after {@code psql -X}
   * @param environment extra environment (PGPASSWORD, PGSSLCERT, …)
   */
  static String run(List<String> arguments, Map<String, String> environment, String script)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("psql", "-X"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGCONNECT_TIMEOUT", "10");
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("psql did not finish:\n" + output);
    }
    return output;
  }
}
