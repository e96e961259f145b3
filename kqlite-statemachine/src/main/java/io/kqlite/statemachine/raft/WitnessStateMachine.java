package io.kqlite.statemachine.raft;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;

/**
 * The state machine of a witness: it votes and keeps the Raft log (Ratis does both), so that two
 * data nodes plus a witness survive the loss of any one member, but it holds no database. It
 * advances its applied index without applying anything.
 *
 * <p>A witness can win an election when its log is the newest (a data node died holding entries
 * the other data node never received). Then it replicates those entries to the surviving data
 * node and, because its Raft priority is lower, Ratis hands leadership to that node as soon as its
 * log has caught up. Meanwhile it refuses new writes: they must be applied by a data node.
 *
 * <p>Its log is bounded by the data nodes' snapshots: an entry at or below every data node's
 * latest snapshot can never be asked of the witness again (a data node resumes after its own
 * snapshot), so Ratis' periodic snapshot call purges up to that floor and no further. While a data
 * node is away its last known snapshot holds the floor back, so the witness keeps what it may need.
 */
final class WitnessStateMachine extends BaseStateMachine {

  private final LongSupplier dataSnapshotFloor;
  private WitnessPurgePoint purgePoint;
  private volatile TermIndex purgedUpTo;

  /** @param dataSnapshotFloor the lowest latest-snapshot index over all data nodes, -1 if unknown */
  WitnessStateMachine(LongSupplier dataSnapshotFloor) {
    this.dataSnapshotFloor = dataSnapshotFloor;
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage storage) throws IOException {
    super.initialize(server, groupId, storage);
    purgePoint = new WitnessPurgePoint(storage.getStorageDir().getStateMachineDir().toPath());
    purgedUpTo = purgePoint.read();
    if (purgedUpTo != null) {
      updateLastAppliedTermIndex(purgedUpTo.getTerm(), purgedUpTo.getIndex());
    }
  }

  @Override
  public SnapshotInfo getLatestSnapshot() {
    TermIndex point = purgedUpTo;
    return point == null ? null : new FileListSnapshotInfo(List.of(), point);
  }

  /** Called by Ratis every snapshot-threshold entries: moves the purge point up to the floor. */
  @Override
  public long takeSnapshot() throws IOException {
    TermIndex current = purgedUpTo;
    long currentIndex = current == null ? RaftLog.INVALID_LOG_INDEX : current.getIndex();
    TermIndex applied = getLastAppliedTermIndex();
    long target = Math.min(dataSnapshotFloor.getAsLong(), applied == null ? -1 : applied.getIndex());
    if (target <= currentIndex) {
      return currentIndex;
    }
    TermIndex point = getServer().join().getDivision(getGroupId()).getRaftLog().getTermIndex(target);
    if (point == null) {
      return currentIndex; // no longer in the log: keep what was saved
    }
    purgePoint.write(point);
    purgedUpTo = point;
    return point.getIndex();
  }

  /** Marker text the submitting node recognises: wait for a data node to lead, then retry. */
  static final String REFUSED = "kqlite witness is leader and accepts no writes";

  @Override
  public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
    throw new IOException(REFUSED);
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
    return CompletableFuture.completedFuture(Message.EMPTY);
  }

  private final java.util.concurrent.atomic.AtomicBoolean handingOver = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * When the witness becomes leader it asks Ratis to hand leadership to a data node, and keeps
   * asking while it still leads: Ratis moves leadership once the target's log has caught up.
   * Priority alone does not always trigger the move quickly under load.
   */
  @Override
  public void notifyLeaderChanged(org.apache.ratis.protocol.RaftGroupMemberId member,
      org.apache.ratis.protocol.RaftPeerId newLeader) {
    if (member.getPeerId().equals(newLeader) && handingOver.compareAndSet(false, true)) {
      Thread thread = new Thread(() -> handOver(member), "kqlite-witness-handover");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void handOver(org.apache.ratis.protocol.RaftGroupMemberId member) {
    try {
      org.apache.ratis.server.RaftServer server = getServer().get();
      org.apache.ratis.protocol.ClientId clientId = org.apache.ratis.protocol.ClientId.randomId();
      long callId = 0;
      while (true) {
        org.apache.ratis.server.RaftServer.Division division = server.getDivision(member.getGroupId());
        if (!division.getInfo().isLeader()) {
          return;
        }
        for (org.apache.ratis.protocol.RaftPeer peer : division.getGroup().getPeers()) {
          if (peer.getPriority() > 0 && division.getInfo().isLeader()) {
            try {
              server.transferLeadership(new org.apache.ratis.protocol.TransferLeadershipRequest(
                  clientId, member.getPeerId(), member.getGroupId(), callId++, peer.getId(), 3_000));
            } catch (java.io.IOException notYet) {
              // target not caught up or unreachable: try the next one
            }
          }
        }
        Thread.sleep(300);
      }
    } catch (Exception stopped) {
      // the server is closing; a later leadership starts a new hand-over
    } finally {
      handingOver.set(false);
    }
  }

  @Override
  public CompletableFuture<Message> query(Message request) {
    return CompletableFuture.failedFuture(new IOException("a kqlite witness holds no data"));
  }
}
