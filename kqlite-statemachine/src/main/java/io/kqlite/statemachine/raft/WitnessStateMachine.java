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

  @Override
  public CompletableFuture<Message> query(Message request) {
    return CompletableFuture.failedFuture(new IOException("a kqlite witness holds no data"));
  }
}
