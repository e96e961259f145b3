package io.kqlite.statemachine.raft;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a node of the replicated core needs to start. Built by the command line from flags
 * and {@code conf/kqlite.properties}; tests build it directly.
 *
 * @param peers every voting member including this one; empty means a single-member group of this
 *     node alone
 * @param electionTimeoutMin Raft election timeout lower bound; the upper bound is twice it (equal
 *     bounds cause split votes)
 * @param writeTimeout how long a write may wait for a leader before the client gets an error
 * @param witness this node votes and keeps the log but stores no data and serves no SQL
 * @param join this node starts with an empty data directory and no configuration, waiting to be
 *     added to a running cluster ({@code kqlite cluster add})
 * @param snapshotThreshold log entries between two snapshots (after which older log is purged)
 * @param logSegmentBytes size of one Raft log segment file; only whole segments are purged
 * @param tls this node's certificate files, or null for plain text; with a CA the Raft transport
 *     uses mutual TLS (see {@link RaftTls})
 */
public record NodeConfig(
    String id,
    Path dataDir,
    String host,
    int raftPort,
    List<Peer> peers,
    boolean autoCreateDatabases,
    Duration electionTimeoutMin,
    Duration writeTimeout,
    boolean witness,
    boolean join,
    long snapshotThreshold,
    long logSegmentBytes,
    TlsFiles tls) {

  public static final long DEFAULT_SNAPSHOT_THRESHOLD = 10_000;
  public static final long DEFAULT_LOG_SEGMENT_BYTES = 8L * 1024 * 1024;

  public NodeConfig(String id, Path dataDir, String host, int raftPort, List<Peer> peers,
      boolean autoCreateDatabases, Duration electionTimeoutMin, Duration writeTimeout,
      boolean witness, boolean join, long snapshotThreshold, long logSegmentBytes) {
    this(id, dataDir, host, raftPort, peers, autoCreateDatabases, electionTimeoutMin, writeTimeout,
        witness, join, snapshotThreshold, logSegmentBytes, null);
  }

  public NodeConfig(String id, Path dataDir, String host, int raftPort, List<Peer> peers,
      boolean autoCreateDatabases, Duration electionTimeoutMin, Duration writeTimeout,
      boolean witness, boolean join) {
    this(id, dataDir, host, raftPort, peers, autoCreateDatabases, electionTimeoutMin, writeTimeout,
        witness, join, DEFAULT_SNAPSHOT_THRESHOLD, DEFAULT_LOG_SEGMENT_BYTES);
  }

  public NodeConfig(String id, Path dataDir, String host, int raftPort, List<Peer> peers,
      boolean autoCreateDatabases, Duration electionTimeoutMin, Duration writeTimeout) {
    this(id, dataDir, host, raftPort, peers, autoCreateDatabases, electionTimeoutMin, writeTimeout,
        false, false);
  }

  public static final Duration DEFAULT_ELECTION_TIMEOUT = Duration.ofMillis(500);
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

  public NodeConfig {
    peers = List.copyOf(peers);
  }

  /** The same node with these certificate files. */
  public NodeConfig withTls(TlsFiles files) {
    return new NodeConfig(id, dataDir, host, raftPort, peers, autoCreateDatabases, electionTimeoutMin,
        writeTimeout, witness, join, snapshotThreshold, logSegmentBytes, files);
  }

  public Path raftDir() {
    return dataDir.resolve("raft");
  }

  public Path databaseDir() {
    return dataDir.resolve("db");
  }

  /** The members of the group: the configured peers, or this node alone (none when joining). */
  public List<Peer> members() {
    if (join) {
      return List.of();
    }
    if (!peers.isEmpty()) {
      return peers;
    }
    return List.of(new Peer(id, host, raftPort, 0, witness));
  }
}
