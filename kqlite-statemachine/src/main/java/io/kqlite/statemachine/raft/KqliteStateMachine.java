package io.kqlite.statemachine.raft;

import io.kqlite.statemachine.EntryCodec;
import io.kqlite.statemachine.WriteCommand;
import io.kqlite.statemachine.WriteResult;
import io.kqlite.statemachine.store.SqliteStore;
import java.io.IOException;
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

  private final SqliteStore store;
  private final AppliedIndexTracker tracker = new AppliedIndexTracker();

  public KqliteStateMachine(SqliteStore store) {
    this.store = store;
  }

  /** Rejects malformed payloads before they reach the log, so no replica ever has to apply them. */
  @Override
  public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
    ByteString content = request.getMessage().getContent();
    try {
      EntryCodec.decodeCommand(content.toByteArray());
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
    WriteCommand command = EntryCodec.decodeCommand(payload);
    WriteResult result = store.apply(index, command);
    updateLastAppliedTermIndex(entry.getTerm(), index);
    return CompletableFuture.completedFuture(Message.valueOf(ByteString.copyFrom(EntryCodec.encode(result))));
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
    super.close();
    store.close();
  }
}
