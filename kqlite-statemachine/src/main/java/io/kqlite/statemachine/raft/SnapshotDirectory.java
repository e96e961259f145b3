package io.kqlite.statemachine.raft;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots on disk, inside Ratis' state-machine directory so that Ratis can stream them to a
 * follower: one directory per snapshot, {@code snapshot.<term>_<index>/}, holding a consistent copy
 * of every database file. A follower that installs a snapshot gets the same layout.
 */
final class SnapshotDirectory implements StateMachineStorage {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotDirectory.class);
  private static final Pattern NAME = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");
  private static final int KEEP = 2;

  private volatile File stateMachineDir;
  /** Cached: Ratis asks often, and a directory listing could race with a snapshot being published. */
  private volatile FileListSnapshotInfo latest;

  @Override
  public void init(RaftStorage storage) {
    use(storage.getStorageDir().getStateMachineDir());
  }

  /** Keeps snapshots in {@code directory} (Ratis' state-machine directory). */
  void use(File directory) {
    stateMachineDir = directory;
    rescan();
  }

  /** Reads the newest snapshot from disk (at start, and after Ratis installed one). */
  void rescan() {
    latest = read(latestDirectory());
  }

  @Override
  public void format() {
    // nothing to prepare: directories are created per snapshot
  }

  /** The newest complete snapshot, or null. */
  @Override
  public FileListSnapshotInfo getLatestSnapshot() {
    return latest;
  }

  private static FileListSnapshotInfo read(Path latest) {
    if (latest == null) {
      return null;
    }
    Matcher m = NAME.matcher(latest.getFileName().toString());
    if (!m.matches()) {
      return null;
    }
    try (Stream<Path> files = Files.list(latest)) {
      List<FileInfo> infos = new ArrayList<>();
      for (Path file : files.filter(p -> p.toString().endsWith(".db")).sorted().toList()) {
        infos.add(new FileInfo(file, MD5FileUtil.readStoredMd5ForFile(file.toFile())));
      }
      return new FileListSnapshotInfo(infos, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    } catch (IOException e) {
      return null;
    }
  }

  /** The directory of the newest snapshot, or null when there is none. */
  Path latestDirectory() {
    File dir = stateMachineDir;
    if (dir == null || !dir.isDirectory()) {
      return null;
    }
    try (Stream<Path> entries = Files.list(dir.toPath())) {
      return entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .max(Comparator.comparingLong(SnapshotDirectory::indexOf)).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /** A scratch directory to write a new snapshot into; {@link #publish} makes it visible. */
  Path scratch(TermIndex at) throws IOException {
    Path tmp = stateMachineDir.toPath().resolve("tmp-snapshot." + at.getTerm() + "_" + at.getIndex());
    deleteRecursively(tmp);
    return Files.createDirectories(tmp);
  }

  /** Writes checksums, renames the scratch directory into place, and drops old snapshots. */
  void publish(Path scratch, TermIndex at) throws IOException {
    try (Stream<Path> files = Files.list(scratch)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".db")).toList()) {
        MD5FileUtil.computeAndSaveMd5ForFile(file.toFile());
      }
    }
    Path target = stateMachineDir.toPath().resolve("snapshot." + at.getTerm() + "_" + at.getIndex());
    deleteRecursively(target);
    Files.move(scratch, target);
    latest = read(target);
    cleanupOldSnapshots(null);
  }

  /**
   * Deletes all but the newest snapshots. Two threads call this: the background snapshotter after
   * publishing, and Ratis on its apply thread; unsynchronized, one walked a directory the other was
   * deleting and the exception stopped the apply thread, so the member left the group. A failure
   * here only delays the deletion to the next snapshot.
   */
  @Override
  public synchronized void cleanupOldSnapshots(SnapshotRetentionPolicy ignored) {
    try (Stream<Path> entries = Files.list(stateMachineDir.toPath())) {
      List<Path> snapshots = entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparingLong(SnapshotDirectory::indexOf).reversed()).toList();
      for (Path old : snapshots.subList(Math.min(KEEP, snapshots.size()), snapshots.size())) {
        deleteRecursively(old);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("old snapshots stay until the next snapshot: {}", e.toString());
    }
  }

  private static long indexOf(Path snapshot) {
    Matcher m = NAME.matcher(snapshot.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(2)) : -1;
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
