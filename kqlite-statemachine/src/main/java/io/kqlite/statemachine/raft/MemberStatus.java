package io.kqlite.statemachine.raft;

/**
 * What one member says of itself, for {@code kqlite cluster status}.
 *
 * @param role LEADER, FOLLOWER, CANDIDATE, LISTENER, or UNREACHABLE when it did not answer
 * @param leaderId the leader it knows of, or empty
 * @param lastLogIndex index of the last entry in its log
 */
public record MemberStatus(String id, String raftAddress, boolean witness, String role,
    String leaderId, long term, long commitIndex, long appliedIndex, long lastLogIndex,
    String error) {

  static MemberStatus unreachable(Peer peer, String error) {
    return new MemberStatus(peer.id(), peer.raftAddress(), peer.witness(), "UNREACHABLE", "", -1,
        -1, -1, -1, error);
  }
}
