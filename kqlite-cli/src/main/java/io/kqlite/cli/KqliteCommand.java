package io.kqlite.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kqlite} command. */
@Command(name = "kqlite", mixinStandardHelpOptions = true, version = "kqlite 0.1.0",
    description = "A highly available SQL database: PostgreSQL clients, SQLite storage, Raft replication.",
    subcommands = {StartCommand.class, ClusterCommand.class, CertCommand.class, CommandLine.HelpCommand.class})
public final class KqliteCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    // gRPC (inside Ratis) logs through java.util.logging; keep its INFO chatter off the console.
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    CommandLine commandLine = new CommandLine(new KqliteCommand())
        .setExecutionExceptionHandler((e, cl, parsed) -> {
          cl.getErr().println("kqlite: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
          return 1;
        });
    System.exit(commandLine.execute(args));
  }
}
