package io.kqlite.statemachine.raft;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.proto.RaftProtos.CommitInfoProto;
import org.apache.ratis.proto.RaftProtos.RaftPeerProto;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.GroupInfoReply;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.util.TimeDuration;

/**
 * Talks to a running cluster from outside (the {@code kqlite cluster} commands): membership
 * status, adding and removing members, moving leadership. It needs the address of at least one
 * member; the current membership is learned from the members themselves.
 */
public final class ClusterAdmin implements AutoCloseable {

  private final RaftClient client;
  private final List<Peer> known;

  private ClusterAdmin(RaftClient client, List<Peer> known) {
    this.client = client;
    this.known = known;
  }

  /** @param members some or all members, {@code id=host:raftPort[:pgPort[:witness]]} */
  public static ClusterAdmin connect(List<Peer> members) {
    return connect(members, null);
  }

  /**
   * @param members some or all members, {@code id=host:raftPort[:pgPort[:witness]]}
   * @param tls certificate files for a cluster with mutual TLS (a certificate the cluster CA
   *     signed), or null for a plain-text cluster
   */
  public static ClusterAdmin connect(List<Peer> members, TlsFiles tls) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("name at least one member (--peers)");
    }
    RaftProperties properties = new RaftProperties();
    org.apache.ratis.client.RaftClientConfigKeys.Rpc.setRequestTimeout(properties,
        TimeDuration.valueOf(3, TimeUnit.SECONDS));
    RaftClient client = RaftClient.newBuilder()
        .setRaftGroup(RaftGroup.valueOf(RaftNode.GROUP_ID, members.stream().map(RaftNode::toRaftPeer).toList()))
        .setProperties(properties)
        .setParameters(RaftTls.parameters(tls))
        .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(3,
            TimeDuration.valueOf(250, TimeUnit.MILLISECONDS)))
        .build();
    return new ClusterAdmin(client, List.copyOf(members));
  }

  /** Every member of the current configuration, as each one reports itself. */
  public List<MemberStatus> status() {
    List<Peer> members = currentMembers();
    List<MemberStatus> statuses = new ArrayList<>();
    for (Peer peer : members) {
      statuses.add(statusOf(peer));
    }
    return statuses;
  }

  /** The configuration as the first reachable member knows it (falls back to the given list). */
  public List<Peer> currentMembers() {
    for (Peer peer : known) {
      try {
        GroupInfoReply info = client.getGroupManagementApi(RaftPeerId.valueOf(peer.id())).info(RaftNode.GROUP_ID);
        List<Peer> members = new ArrayList<>();
        for (RaftPeer p : info.getGroup().getPeers()) {
          members.add(fromRaftPeer(p));
        }
        if (!members.isEmpty()) {
          return members;
        }
      } catch (IOException | RuntimeException unreachable) {
        // try the next one
      }
    }
    return known;
  }

  private MemberStatus statusOf(Peer peer) {
    try {
      GroupInfoReply info = client.getGroupManagementApi(RaftPeerId.valueOf(peer.id())).info(RaftNode.GROUP_ID);
      RoleInfoProto role = info.getRoleInfoProto();
      long commit = -1;
      for (CommitInfoProto commitInfo : info.getCommitInfos()) {
        if (commitInfo.getServer().getId().toStringUtf8().equals(peer.id())) {
          commit = commitInfo.getCommitIndex();
        }
      }
      String leader = "";
      long term = -1;
      if (role.hasLeaderInfo()) {
        leader = peer.id();
        term = role.getLeaderInfo().getTerm();
      } else if (role.hasFollowerInfo()) {
        RaftPeerProto leaderPeer = role.getFollowerInfo().getLeaderInfo().getId();
        leader = leaderPeer.getId().toStringUtf8(); // a follower's report carries no term
      }
      var log = info.getLogInfoProto();
      return new MemberStatus(peer.id(), peer.raftAddress(), peer.witness(), role.getRole().name(),
          leader, term, commit, log.getApplied().getIndex(), log.getLastEntry().getIndex(), "");
    } catch (IOException | RuntimeException e) {
      return MemberStatus.unreachable(peer, e.getMessage());
    }
  }

  /** Adds a member (started with {@code kqlite start --join}); it catches up from the leader. */
  public void add(Peer peer) throws IOException {
    List<RaftPeer> servers = new ArrayList<>();
    servers.add(RaftNode.toRaftPeer(peer));
    check(client.admin().setConfiguration(SetConfigurationRequest.Arguments.newBuilder()
        .setServersInNewConf(servers)
        .setMode(SetConfigurationRequest.Mode.ADD)
        .build()), "add " + peer.id());
  }

  /** Removes a member from the configuration; it stops taking part at once. */
  public void remove(String id) throws IOException {
    List<Peer> members = currentMembers();
    if (members.stream().noneMatch(p -> p.id().equals(id))) {
      throw new IOException("no member with id " + id + " in " + members);
    }
    List<RaftPeer> remaining = members.stream().filter(p -> !p.id().equals(id))
        .map(RaftNode::toRaftPeer).toList();
    check(client.admin().setConfiguration(remaining), "remove " + id);
  }

  /** Asks the leader to hand leadership to {@code id} (which must be caught up). */
  public void transferLeader(String id) throws IOException {
    check(client.admin().transferLeadership(RaftPeerId.valueOf(id), 10_000), "transfer leadership to " + id);
  }

  private static void check(RaftClientReply reply, String what) throws IOException {
    if (!reply.isSuccess()) {
      throw new IOException("could not " + what + ": " + reply.getException());
    }
  }

  static Peer fromRaftPeer(RaftPeer peer) {
    String address = peer.getAddress();
    int colon = address.lastIndexOf(':');
    return new Peer(peer.getId().toString(), address.substring(0, colon),
        Integer.parseInt(address.substring(colon + 1)), 0, peer.getPriority() == 0);
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
