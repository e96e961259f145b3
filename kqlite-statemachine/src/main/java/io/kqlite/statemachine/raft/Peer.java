package io.kqlite.statemachine.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * A cluster member as the command line names it: {@code id=host:raftPort:pgPort}, with a fourth
 * field {@code witness} for a member that votes and keeps the log but stores no data
 * ({@code w=host:raftPort:pgPort:witness}).
 */
public record Peer(String id, String host, int raftPort, int pgPort, boolean witness) {

  public Peer(String id, String host, int raftPort, int pgPort) {
    this(id, host, raftPort, pgPort, false);
  }

  public String raftAddress() {
    return host + ":" + raftPort;
  }

  /**
   * Raft election priority: data nodes 1, witnesses 0, so a witness wins an election only when
   * its log is strictly newer, and then yields to a data node as soon as one has caught up.
   */
  public int priority() {
    return witness ? 0 : 1;
  }

  /** Parses {@code id=host:raftPort[:pgPort[:witness]]}. */
  public static Peer parse(String text) {
    String[] idAndAddress = text.trim().split("=", 2);
    if (idAndAddress.length != 2 || idAndAddress[0].isBlank()) {
      throw new IllegalArgumentException("peer must look like id=host:raftPort:pgPort[:witness], got: " + text);
    }
    String[] parts = idAndAddress[1].split(":");
    if (parts.length < 2 || parts.length > 4) {
      throw new IllegalArgumentException("peer must look like id=host:raftPort:pgPort[:witness], got: " + text);
    }
    boolean witness = parts.length == 4;
    if (witness && !parts[3].equals("witness")) {
      throw new IllegalArgumentException("the fourth field of a peer can only be 'witness', got: " + text);
    }
    try {
      int raftPort = Integer.parseInt(parts[1]);
      int pgPort = parts.length >= 3 && !parts[2].isEmpty() ? Integer.parseInt(parts[2]) : 0;
      return new Peer(idAndAddress[0].trim(), parts[0], raftPort, pgPort, witness);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("peer ports must be numbers, got: " + text);
    }
  }

  /** Parses a comma-separated list of peers. */
  public static List<Peer> parseList(String text) {
    List<Peer> peers = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return peers;
    }
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        peers.add(parse(item));
      }
    }
    return peers;
  }

  @Override
  public String toString() {
    return id + "=" + host + ":" + raftPort + ":" + pgPort + (witness ? ":witness" : "");
  }
}
