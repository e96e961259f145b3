package io.kqlite.statemachine.raft;

import io.kqlite.statemachine.BatchCodec;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.WriteOutcome;
import io.kqlite.statemachine.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Gathers this node's writes into log entries (group commit). A few sender threads each carry
 * one entry at a time through Raft; writes that arrive while every sender is busy wait in a queue
 * and leave together in the next entry. A lone session never waits for company: an idle sender
 * takes its write at once. Under load, one entry's fixed cost (client call, log append, one
 * append per follower, one SQLite commit per replica) is shared by many writes.
 *
 * <p>Each write keeps its own result (see {@link BatchCodec}); a send that fails fails every
 * write of its entry with the same error, since they share one fate in the log.
 */
final class WriteBatcher implements AutoCloseable {

  /** Sends one entry through Raft and waits for it to be applied; throws {@link SqlException}. */
  interface EntrySender {
    Committed send(byte[] entry);
  }

  /** An applied entry: its log index and the state machine's reply. */
  record Committed(long logIndex, byte[] reply) {}

  private record Pending(byte[] command, CompletableFuture<WriteOutcome> outcome) {}

  /** Enough to share an entry widely, few enough that one entry's apply stays short. */
  static final int MAX_COMMANDS_PER_ENTRY = 256;

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Object takeLock = new Object();
  private final EntrySender sender;
  private final int maxEntryBytes;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;

  WriteBatcher(String name, int senders, int maxEntryBytes, EntrySender sender) {
    this.sender = sender;
    this.maxEntryBytes = maxEntryBytes;
    for (int i = 0; i < senders; i++) {
      Thread thread = new Thread(this::sendLoop, "kqlite-write-" + name + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** The largest single command that still fits an entry. */
  int maxCommandBytes() {
    return maxEntryBytes - BatchCodec.HEADER_BYTES - BatchCodec.PER_COMMAND_BYTES;
  }

  /** Queues an encoded command and waits until its entry is applied (or failed). */
  WriteOutcome submit(byte[] command) {
    if (command.length > maxCommandBytes()) {
      throw new SqlException("54000", "write of " + command.length + " bytes exceeds the "
          + maxCommandBytes() + "-byte limit of one replicated entry; split it into smaller statements");
    }
    Pending pending = new Pending(command, new CompletableFuture<>());
    queue.add(pending);
    if (closed) {
      failQueued();
    }
    try {
      return pending.outcome().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SqlException("57014", "canceling statement: interrupted while waiting for commit");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SqlException sql) {
        throw new SqlException(sql.error()); // a fresh stack for this session's thread
      }
      throw new SqlException("XX000", "write failed: " + e.getCause());
    }
  }

  private void sendLoop() {
    while (!closed) {
      List<Pending> batch;
      try {
        batch = nextBatch();
      } catch (InterruptedException e) {
        return;
      }
      try {
        Committed committed = sender.send(BatchCodec.encode(batch.stream().map(Pending::command).toList()));
        List<WriteResult> results = BatchCodec.decodeResults(committed.reply());
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).outcome().complete(new WriteOutcome(committed.logIndex(), results.get(i)));
        }
      } catch (RuntimeException e) {
        batch.forEach(pending -> pending.outcome().completeExceptionally(e));
      }
    }
  }

  /** Waits for one write, then takes every queued write that still fits one entry. */
  private List<Pending> nextBatch() throws InterruptedException {
    synchronized (takeLock) {
      Pending first = queue.take();
      List<Pending> batch = new ArrayList<>();
      batch.add(first);
      long bytes = BatchCodec.HEADER_BYTES + BatchCodec.PER_COMMAND_BYTES + first.command().length;
      Pending next;
      while (batch.size() < MAX_COMMANDS_PER_ENTRY && (next = queue.peek()) != null
          && bytes + BatchCodec.PER_COMMAND_BYTES + next.command().length <= maxEntryBytes) {
        batch.add(queue.poll());
        bytes += BatchCodec.PER_COMMAND_BYTES + next.command().length;
      }
      return batch;
    }
  }

  private void failQueued() {
    Pending pending;
    while ((pending = queue.poll()) != null) {
      pending.outcome().completeExceptionally(
          new SqlException("57P01", "terminating: this node is shutting down"));
    }
  }

  @Override
  public void close() {
    closed = true;
    threads.forEach(Thread::interrupt);
    failQueued();
  }
}
