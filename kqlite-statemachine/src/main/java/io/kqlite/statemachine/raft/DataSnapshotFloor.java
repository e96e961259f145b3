package io.kqlite.statemachine.raft;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.proto.RaftProtos.LogInfoProto;
import org.apache.ratis.protocol.GroupInfoReply;
import org.apache.ratis.protocol.RaftPeer;

/**
 * A witness's view of how far every data node has snapshotted: the lowest latest-snapshot index
 * over the data nodes of the current configuration, or -1 while any of them is unknown. Each data
 * node is asked every few seconds; one that cannot be reached keeps its last known index, which
 * stays a safe bound because a node's snapshots only move forward.
 *
 * <p>When the floor rises the witness is asked to snapshot at once ({@code onRaised}): Ratis
 * otherwise tries only as entries are applied, so after the last write of a burst the witness
 * would keep its whole log until the next write.
 */
final class DataSnapshotFloor implements LongSupplier, AutoCloseable {

  private static final long REFRESH_SECONDS = 5;

  private final Supplier<Set<RaftPeer>> members;
  private final Function<Set<RaftPeer>, RaftClient> clientFactory;
  private final Map<String, Long> latestSnapshot = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "kqlite-witness-snapshot-floor");
    thread.setDaemon(true);
    return thread;
  });
  private final Predicate<RaftClient> onRaised;
  private Set<RaftPeer> clientPeers;
  private RaftClient client;
  private long lastFloor = -1;

  /**
   * @param members the current configuration
   * @param clientFactory a Raft client for those members (used for group-info calls only)
   * @param onRaised called on the timer's thread, with the same client, after a refresh that
   *        raised the floor; false when it did not succeed, so that the next refresh calls again
   */
  DataSnapshotFloor(Supplier<Set<RaftPeer>> members, Function<Set<RaftPeer>, RaftClient> clientFactory,
      Predicate<RaftClient> onRaised) {
    this.members = members;
    this.clientFactory = clientFactory;
    this.onRaised = onRaised;
  }

  void start() {
    timer.scheduleWithFixedDelay(this::refresh, 1, REFRESH_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public long getAsLong() {
    long floor = Long.MAX_VALUE;
    for (RaftPeer peer : dataNodes(members.get())) {
      Long known = latestSnapshot.get(peer.getId().toString());
      if (known == null) {
        return -1;
      }
      floor = Math.min(floor, known);
    }
    return floor == Long.MAX_VALUE ? -1 : floor;
  }

  private void refresh() {
    try {
      Set<RaftPeer> peers = members.get();
      RaftClient current = clientFor(peers);
      for (RaftPeer peer : dataNodes(peers)) {
        try {
          GroupInfoReply info = current.getGroupManagementApi(peer.getId()).info(RaftNode.GROUP_ID);
          LogInfoProto log = info.getLogInfoProto();
          if (log.hasLastSnapshot() && log.getLastSnapshot().getIndex() >= 0) {
            latestSnapshot.merge(peer.getId().toString(), log.getLastSnapshot().getIndex(), Math::max);
          }
        } catch (Exception unreachable) {
          // keep the last known index: it is still a lower bound
        }
      }
      long floor = getAsLong();
      if (floor > lastFloor && onRaised.test(current)) {
        lastFloor = floor;
      }
    } catch (RuntimeException e) {
      // the node is stopping or its group is not up yet; try again later
    }
  }

  private RaftClient clientFor(Set<RaftPeer> peers) throws RuntimeException {
    if (client == null || !peers.equals(clientPeers)) {
      closeClient();
      client = clientFactory.apply(peers);
      clientPeers = peers;
    }
    return client;
  }

  private static Iterable<RaftPeer> dataNodes(Set<RaftPeer> peers) {
    return peers.stream().filter(p -> p.getPriority() > 0).toList();
  }

  private void closeClient() {
    if (client != null) {
      try {
        client.close();
      } catch (Exception ignored) {
        // closing a client of a stopping node
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    closeClient();
  }
}
