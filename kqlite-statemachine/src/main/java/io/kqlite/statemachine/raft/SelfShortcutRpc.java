package io.kqlite.statemachine.raft;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.client.RaftClientRpc;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;

/**
 * A Raft client's transport that hands requests addressed to this node's own server straight to
 * it, in-process, and sends the rest over the network. On the leader every write of its own
 * sessions went through a gRPC client to itself over loopback: serialised, framed, sent, parsed,
 * and the reply the same way back, for nothing.
 *
 * <p>Only the transport changes. The Ratis client above it still numbers its calls, follows the
 * leader and resends a call unanswered by a leader that stepped down under the same call id, so
 * the new leader's retry cache answers it instead of applying it twice.
 */
final class SelfShortcutRpc implements RaftClientRpc {

  private final RaftPeerId self;
  private final RaftServer server;
  private final RaftClientRpc network;
  private final AtomicLong inProcessRequests;

  /** @param inProcessRequests counts the requests handed to {@code server} in-process */
  SelfShortcutRpc(RaftPeerId self, RaftServer server, RaftClientRpc network, AtomicLong inProcessRequests) {
    this.self = self;
    this.server = server;
    this.network = network;
    this.inProcessRequests = inProcessRequests;
  }

  @Override
  public CompletableFuture<RaftClientReply> sendRequestAsync(RaftClientRequest request) {
    return toSelf(request) ? inProcess(request) : network.sendRequestAsync(request);
  }

  @Override
  public CompletableFuture<RaftClientReply> sendRequestAsyncUnordered(RaftClientRequest request) {
    return toSelf(request) ? inProcess(request) : network.sendRequestAsyncUnordered(request);
  }

  @Override
  public RaftClientReply sendRequest(RaftClientRequest request) throws IOException {
    if (!toSelf(request)) {
      return network.sendRequest(request);
    }
    inProcessRequests.incrementAndGet();
    RaftClientReply reply = server.submitClientRequest(request);
    IOException leaderException = leaderException(reply);
    if (leaderException != null) {
      throw leaderException;
    }
    return reply;
  }

  private boolean toSelf(RaftClientRequest request) {
    return self.equals(request.getServerId());
  }

  private CompletableFuture<RaftClientReply> inProcess(RaftClientRequest request) {
    inProcessRequests.incrementAndGet();
    try {
      return server.submitClientRequestAsync(request).thenCompose(reply -> {
        IOException leaderException = leaderException(reply);
        return leaderException == null ? CompletableFuture.completedFuture(reply)
            : CompletableFuture.failedFuture(leaderException);
      });
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * A reply saying this server does not lead (any more) or does not lead yet. The gRPC transport
   * turns these into failures, and only a failure makes the Ratis client retry the call, at the
   * leader it names or after a pause; a reply would reach the caller as the call's outcome.
   */
  private static IOException leaderException(RaftClientReply reply) {
    if (reply.getNotLeaderException() != null) {
      return reply.getNotLeaderException();
    }
    return reply.getLeaderNotReadyException();
  }

  @Override
  public boolean handleException(RaftPeerId serverId, Throwable t, boolean reconnect) {
    return !self.equals(serverId) && network.handleException(serverId, t, reconnect);
  }

  @Override
  public boolean shouldReconnect(Throwable t) {
    return network.shouldReconnect(t);
  }

  @Override
  public void addRaftPeers(Collection<RaftPeer> peers) {
    network.addRaftPeers(peers);
  }

  @Override
  public void close() throws IOException {
    network.close();
  }
}
