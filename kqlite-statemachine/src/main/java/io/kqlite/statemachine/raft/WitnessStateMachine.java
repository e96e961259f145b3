package io.kqlite.statemachine.raft;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
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
 */
final class WitnessStateMachine extends BaseStateMachine {

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
