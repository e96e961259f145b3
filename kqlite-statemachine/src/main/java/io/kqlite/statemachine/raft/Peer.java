package io.kqlite.statemachine.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * A cluster member as the command line names it: {@code id=host:raftPort:pgPort}.
 */
public record Peer(String id, String host, int raftPort, int pgPort) {

  public String raftAddress() {
    return host + ":" + raftPort;
  }

  /** Parses {@code id=host:raftPort:pgPort}; the pg port may be left out ({@code id=host:raft}). */
  public static Peer parse(String text) {
    String[] idAndAddress = text.trim().split("=", 2);
    if (idAndAddress.length != 2 || idAndAddress[0].isBlank()) {
      throw new IllegalArgumentException("peer must look like id=host:raftPort:pgPort, got: " + text);
    }
    String[] parts = idAndAddress[1].split(":");
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("peer must look like id=host:raftPort:pgPort, got: " + text);
    }
    try {
      int raftPort = Integer.parseInt(parts[1]);
      int pgPort = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
      return new Peer(idAndAddress[0].trim(), parts[0], raftPort, pgPort);
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
    return id + "=" + host + ":" + raftPort + ":" + pgPort;
  }
}
