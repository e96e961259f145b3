package io.kqlite.statemachine.raft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import org.apache.ratis.server.protocol.TermIndex;

/**
 * How far a witness has purged its log, kept in one small file of its state-machine directory.
 * Ratis purges a log only up to a snapshot and, after a restart, replays the log from the latest
 * snapshot, so the witness reports this point as a snapshot that holds no files.
 */
final class WitnessPurgePoint {

  private static final String FILE = "witness-purge-point";

  private final Path file;

  WitnessPurgePoint(Path stateMachineDir) {
    this.file = stateMachineDir.resolve(FILE);
  }

  /** The saved point, or null when the witness has never purged. */
  TermIndex read() throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
    try {
      return TermIndex.valueOf(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (RuntimeException e) {
      throw new IOException("unreadable " + file + ": " + e.getMessage(), e);
    }
  }

  /** Saves the point durably before Ratis deletes any log segment up to it. */
  void write(TermIndex point) throws IOException {
    Files.createDirectories(file.getParent());
    Path scratch = file.resolveSibling(FILE + ".tmp");
    Files.writeString(scratch, point.getTerm() + " " + point.getIndex() + "\n", StandardCharsets.US_ASCII);
    try (FileChannel channel = FileChannel.open(scratch, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(scratch, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
