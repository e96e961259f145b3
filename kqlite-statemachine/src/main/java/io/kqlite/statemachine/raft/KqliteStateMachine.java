package io.kqlite.statemachine.raft;

import io.kqlite.statemachine.BatchCodec;
import io.kqlite.statemachine.EntryCodec;
import io.kqlite.statemachine.WriteResult;
import io.kqlite.statemachine.store.SqliteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;

/**
 * Ratis plumbing only: decodes each committed entry and hands it to the {@link SqliteStore}, in log
 * order, on Ratis' single apply thread. SQL errors are part of the reply (every replica computes the
 * same one); only a failing disk stops the node.
 */
public final class KqliteStateMachine extends BaseStateMachine {

  private static final Logger LOG = LoggerFactory.getLogger(KqliteStateMachine.class);

  private final SqliteStore store;
  private final AppliedIndexTracker tracker = new AppliedIndexTracker();
  private final SnapshotDirectory snapshots = new SnapshotDirectory();
  private final ExecutorService snapshotter = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "kqlite-snapshot");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean snapshotRunning = new AtomicBoolean();

  public KqliteStateMachine(SqliteStore store) {
    this.store = store;
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage storage) throws IOException {
    super.initialize(server, groupId, storage);
    getLifeCycle().startAndTransition(() -> {
      snapshots.init(storage);
      SnapshotInfo latest = snapshots.getLatestSnapshot();
      if (latest != null) {
        // The live database files already hold at least this much: Ratis replays only what follows.
        updateLastAppliedTermIndex(latest.getTerm(), latest.getIndex());
      }
    });
  }

  @Override
  public StateMachineStorage getStateMachineStorage() {
    return snapshots;
  }

  @Override
  public SnapshotInfo getLatestSnapshot() {
    return snapshots.getLatestSnapshot();
  }

  /**
   * Ratis asks for a snapshot on its apply thread, so copying a large database here would stall
   * every write. Instead a copy of all databases at the current applied index is started in the
   * background, and Ratis is told the index of the newest snapshot already complete: it may purge
   * the log up to there, never further.
   */
  @Override
  public long takeSnapshot() {
    TermIndex at = getLastAppliedTermIndex();
    SnapshotInfo done = snapshots.getLatestSnapshot();
    boolean newer = at != null && (done == null || at.getIndex() > done.getIndex());
    if (newer && snapshotRunning.compareAndSet(false, true)) {
      snapshotter.execute(() -> {
        try {
          Path scratch = snapshots.scratch(at);
          store.backupTo(scratch);
          snapshots.publish(scratch, at);
          LOG.info("snapshot of all databases at log index {} complete", at.getIndex());
        } catch (IOException | RuntimeException e) {
          if (snapshotter.isShutdown()) {
            LOG.info("snapshot at log index {} abandoned: the node is stopping", at.getIndex());
          } else {
            LOG.warn("snapshot at log index {} failed; the log is kept", at.getIndex(), e);
          }
        } finally {
          snapshotRunning.set(false);
        }
      });
    }
    return done == null ? RaftLog.INVALID_LOG_INDEX : done.getIndex();
  }

  /** Before a snapshot from the leader is installed, Ratis pauses the state machine. */
  @Override
  public void pause() {
    getLifeCycle().transition(LifeCycle.State.PAUSING);
    getLifeCycle().transition(LifeCycle.State.PAUSED);
  }

  /** After a snapshot install: the databases become the snapshot's copies. */
  @Override
  public void reinitialize() throws IOException {
    snapshots.rescan(); // Ratis has just replaced the whole state-machine directory
    Path installed = snapshots.latestDirectory();
    SnapshotInfo latest = snapshots.getLatestSnapshot();
    if (installed == null || latest == null || !holdsDatabases(installed)) {
      // Only a data node's snapshot holds databases (postgres.db at least). An empty one comes
      // from a witness that leads while this node lost its data: applying it would leave this
      // node empty at a later index. Refusing stops this node (Ratis closes a server whose
      // reload fails), which beats diverging silently; restarted, it gets a real one from a data
      // node once that leads.
      throw new IOException("refusing an installed snapshot that holds no database");
    }
    store.replaceWith(installed);
    setLastAppliedTermIndex(latest.getTermIndex());
    tracker.advanceTo(latest.getIndex());
    LOG.info("installed snapshot at log index {}", latest.getIndex());
    getLifeCycle().transition(LifeCycle.State.STARTING);
    getLifeCycle().transition(LifeCycle.State.RUNNING);
  }

  private static boolean holdsDatabases(Path directory) throws IOException {
    try (var files = java.nio.file.Files.list(directory)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".db"));
    }
  }

  /** Rejects malformed payloads before they reach the log, so no replica ever has to apply them. */
  @Override
  public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
    ByteString content = request.getMessage().getContent();
    try {
      BatchCodec.decode(content.toByteArray());
    } catch (IllegalArgumentException e) {
      throw new IOException("rejected write: " + e.getMessage(), e);
    }
    return TransactionContext.newBuilder()
        .setStateMachine(this)
        .setClientRequest(request)
        .setLogData(content)
        .build();
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    long index = entry.getIndex();
    byte[] payload = entry.getStateMachineLogEntry().getLogData().toByteArray();
    List<WriteResult> results = store.apply(index, BatchCodec.decode(payload));
    updateLastAppliedTermIndex(entry.getTerm(), index);
    byte[] reply = BatchCodec.isBatch(payload)
        ? BatchCodec.encodeResults(results)
        : EntryCodec.encode(results.get(0));
    return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(reply)));
  }

  /**
   * The only query is the linearizable-read barrier: Ratis calls this once the replica has
   * applied the leader's read index; the SQL itself then runs on a local read connection.
   */
  @Override
  public CompletableFuture<Message> query(Message request) {
    return CompletableFuture.completedFuture(Message.EMPTY);
  }

  @Override
  protected boolean updateLastAppliedTermIndex(long term, long index) {
    boolean updated = super.updateLastAppliedTermIndex(term, index);
    tracker.advanceTo(index);
    return updated;
  }

  AppliedIndexTracker tracker() {
    return tracker;
  }

  @Override
  public void close() throws IOException {
    snapshotter.shutdownNow();
    super.close();
    store.close();
  }
}
