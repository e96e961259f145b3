package io.kqlite.statemachine.raft;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis clients a node sends its writes through, kept usable. A client is replaced when the
 * group's members change, when this server has heard of a leader the client does not aim at (after
 * a failover a Ratis client can keep retrying the dead leader until its retries run out), and when
 * a send through it failed: once a request exhausts its retries, Ratis closes that client's ordered
 * sliding window for good and every later request on it fails at once with AlreadyClosedException,
 * so a single failed write would otherwise fail every write after it, even with a healthy leader.
 *
 * <p>A replaced client may still carry requests; it is closed once they have had the whole write
 * timeout to finish or fail.
 */
final class WriteClients implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WriteClients.class);

  /** Builds a client for the group's {@code peers}, aimed first at {@code leader} (null: unknown). */
  interface Factory {
    RaftClient create(Set<RaftPeer> peers, RaftPeerId leader);
  }

  private final Factory factory;
  private final int count;
  private final Executor closeLater;
  private final List<RaftClient> retired = new ArrayList<>(); // not closed yet
  private List<RaftClient> current = List.of();
  private Set<RaftPeer> peers = Set.of();
  private int next;
  private boolean closed;

  /**
   * @param count clients used in turn (one per write sender)
   * @param inFlightLimit how long a request may still run on a replaced client
   */
  WriteClients(Factory factory, int count, Duration inFlightLimit) {
    this.factory = factory;
    this.count = count;
    this.closeLater = CompletableFuture.delayedExecutor(inFlightLimit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next client for the group as this server knows it, aimed at {@code leader} if known. */
  synchronized RaftClient next(Set<RaftPeer> groupPeers, RaftPeerId leader) {
    if (closed) {
      throw new IllegalStateException("write clients are closed");
    }
    boolean stale = !groupPeers.equals(peers) || (leader != null && current.stream()
        .anyMatch(c -> c.getLeaderId() != null && !leader.equals(c.getLeaderId())));
    if (stale || current.isEmpty()) {
      current.forEach(this::retire);
      peers = groupPeers;
      List<RaftClient> fresh = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        fresh.add(factory.create(groupPeers, leader));
      }
      current = List.copyOf(fresh);
    }
    next = (next + 1) % current.size();
    return current.get(next);
  }

  /**
   * A send through {@code client} failed: its ordered window may be closed for good, so it gives
   * way to a fresh client. Requests still on it have failed, or fail on their own.
   */
  synchronized void failed(RaftClient client, RaftPeerId leader) {
    int at = current.indexOf(client);
    if (closed || at < 0) {
      return; // replaced already
    }
    List<RaftClient> replaced = new ArrayList<>(current);
    replaced.set(at, factory.create(peers, leader));
    current = List.copyOf(replaced);
    retire(client);
  }

  private void retire(RaftClient client) {
    retired.add(client);
    closeLater.execute(() -> {
      synchronized (this) {
        if (!retired.remove(client)) {
          return; // closed with the node already
        }
      }
      closeQuietly(client);
    });
  }

  /** Clients in use now, for tests. */
  synchronized List<RaftClient> inUse() {
    return current;
  }

  @Override
  public void close() {
    List<RaftClient> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(retired);
      all.addAll(current);
      retired.clear();
      current = List.of();
    }
    all.forEach(WriteClients::closeQuietly);
  }

  private static void closeQuietly(RaftClient client) {
    try {
      client.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("closing a Raft client: {}", e.toString());
    }
  }
}
