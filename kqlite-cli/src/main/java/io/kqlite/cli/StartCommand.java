package io.kqlite.cli;

import static io.kqlite.cli.ConfigKeys.*;

import io.kqlite.statemachine.raft.NodeConfig;
import io.kqlite.statemachine.raft.Peer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kqlite start}: runs one node until it is stopped. */
@Command(name = "start", mixinStandardHelpOptions = true, version = "kqlite 0.1.0",
    description = {
        "Starts a kqlite node: a Raft member that stores databases as SQLite files and serves "
            + "PostgreSQL clients. Without --peers it is a single-member cluster of its own.",
        "Settings come from --config (default conf/kqlite.properties); flags win."})
final class StartCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with settings (keys = option names without dashes). Default: conf/kqlite.properties under the install directory, if present.")
  Path config;

  @Option(names = "--id", description = "This node's id; must match its entry in --peers. Default: " + ID_DEFAULT)
  String id;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the Raft log and the SQLite files live. Default: " + DATA_DIR_DEFAULT)
  String dataDir;

  @Option(names = "--host", description = "Address to listen on for PostgreSQL clients and, without --peers, for Raft. Default: " + HOST_DEFAULT)
  String host;

  @Option(names = "--pg-port", paramLabel = "PORT", description = "PostgreSQL protocol port. Default: " + PG_PORT_DEFAULT)
  Long pgPort;

  @Option(names = "--raft-port", paramLabel = "PORT", description = "Raft port (ignored when --peers gives this node's port). Default: " + RAFT_PORT_DEFAULT)
  Long raftPort;

  @Option(names = "--peers", paramLabel = "LIST",
      description = "All voting members, this one included: id=host:raftPort:pgPort,... Same list on every node.")
  String peers;

  @Option(names = "--auto-create-databases", arity = "0..1", fallbackValue = "true",
      description = "Create a database on first connection instead of answering 3D000 (through the log, on every node). Default: false")
  Boolean autoCreateDatabases;

  @Option(names = "--election-timeout-ms", paramLabel = "MS", description = "Raft election timeout lower bound; the upper bound is twice it. Default: " + ELECTION_TIMEOUT_MS_DEFAULT)
  Long electionTimeoutMs;

  @Option(names = "--write-timeout-ms", paramLabel = "MS", description = "How long a write waits for a Raft leader before the client gets an error. Default: " + WRITE_TIMEOUT_MS_DEFAULT)
  Long writeTimeoutMs;

  @Option(names = "--snapshot-threshold", paramLabel = "ENTRIES", description = "Log entries between snapshots of all databases; older log is then purged. Default: " + SNAPSHOT_THRESHOLD_DEFAULT)
  Long snapshotThreshold;

  @Option(names = "--log-segment-bytes", paramLabel = "BYTES", description = "Size of one Raft log segment file; the log is purged in whole segments (a witness keeps segments of at most 256 KiB). Default: " + LOG_SEGMENT_BYTES_DEFAULT)
  Long logSegmentBytes;

  @Option(names = "--witness", description = "Run as a witness: votes and keeps the Raft log, stores no data, serves no SQL. Also set by ':witness' on this node's --peers entry.")
  boolean witness;

  @Option(names = "--join", description = "Start with an empty data directory, outside any cluster, and wait for 'kqlite cluster add'.")
  boolean join;

  @Option(names = "--max-message-bytes", paramLabel = "BYTES", description = "Largest PostgreSQL protocol message accepted. Default: " + MAX_MESSAGE_BYTES_DEFAULT)
  Long maxMessageBytes;

  @Mixin TlsOptions tls;

  @Option(names = "--hba-file", paramLabel = "FILE", description = "Client authentication rules in pg_hba.conf syntax (host/hostssl/hostnossl; trust, reject, password, md5, scram-sha-256). Default: trust on loopback, scram-sha-256 elsewhere.")
  String hbaFile;

  @Option(names = "--superuser", paramLabel = "NAME", description = "Name of the superuser created at first start when a password is given. Default: " + SUPERUSER_DEFAULT)
  String superuser;

  @Option(names = "--superuser-password-file", paramLabel = "FILE", description = "File whose first line is the bootstrap superuser's password (else env " + SUPERUSER_PASSWORD_ENV + "); the role is created only if absent.")
  String superuserPasswordFile;

  @Override
  public Integer call() throws Exception {
    ConfigKeys keys = ConfigKeys.load(configFile());
    String nodeId = keys.string(ID_KEY, id, ID_DEFAULT);
    String listenHost = keys.string(HOST_KEY, host, HOST_DEFAULT);
    List<Peer> members = Peer.parseList(keys.string(PEERS_KEY, peers, ""));
    int raft = (int) keys.number(RAFT_PORT_KEY, raftPort, RAFT_PORT_DEFAULT);
    int pg = (int) keys.number(PG_PORT_KEY, pgPort, PG_PORT_DEFAULT);
    boolean asWitness = witness;
    if (!members.isEmpty() && !join) {
      Peer self = members.stream().filter(p -> p.id().equals(nodeId)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("--peers has no entry for this node's --id " + nodeId));
      raft = self.raftPort();
      if (self.pgPort() != 0 && pgPort == null) {
        pg = self.pgPort();
      }
      if (witness && !self.witness()) {
        throw new IllegalArgumentException("--witness is set but this node's --peers entry lacks ':witness'; every node must see the same roles");
      }
      asWitness = self.witness();
    }
    NodeConfig node = new NodeConfig(nodeId, Path.of(keys.string(DATA_DIR_KEY, dataDir, DATA_DIR_DEFAULT)),
        listenHost, raft, members,
        keys.flag(AUTO_CREATE_DATABASES_KEY, autoCreateDatabases, AUTO_CREATE_DATABASES_DEFAULT),
        Duration.ofMillis(keys.number(ELECTION_TIMEOUT_MS_KEY, electionTimeoutMs, ELECTION_TIMEOUT_MS_DEFAULT)),
        Duration.ofMillis(keys.number(WRITE_TIMEOUT_MS_KEY, writeTimeoutMs, WRITE_TIMEOUT_MS_DEFAULT)),
        asWitness, join,
        keys.number(SNAPSHOT_THRESHOLD_KEY, snapshotThreshold, SNAPSHOT_THRESHOLD_DEFAULT),
        keys.number(LOG_SEGMENT_BYTES_KEY, logSegmentBytes, LOG_SEGMENT_BYTES_DEFAULT), tls.resolve(keys));
    int maxMessage = (int) keys.number(MAX_MESSAGE_BYTES_KEY, maxMessageBytes, MAX_MESSAGE_BYTES_DEFAULT);

    KqliteServer server = KqliteServer.start(node, listenHost, pg, maxMessage, authSettings(keys));
    if (asWitness) {
      System.out.printf("kqlite witness %s ready (raft port %d; stores no data)%n", nodeId, raft);
    } else {
      System.out.printf("kqlite node %s ready: psql -h %s -p %d -d postgres%n", nodeId, listenHost, server.pgPort());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "kqlite-shutdown"));
    // Ratis stops a member's Raft server when an entry cannot be applied (a full or failing disk):
    // the process then exits, so that a supervisor sees it, rather than answering every client
    // with a timeout.
    while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
      if (!server.node().isRaftRunning()) {
        System.err.printf("kqlite: the Raft server of %s has stopped (the log above says why); exiting%n", nodeId);
        return 1;
      }
    }
    return 0;
  }

  private AuthSettings authSettings(ConfigKeys keys) throws java.io.IOException {
    String hba = keys.string(HBA_FILE_KEY, hbaFile, "");
    String passwordFile = keys.string(SUPERUSER_PASSWORD_FILE_KEY, superuserPasswordFile, "");
    String password = passwordFile.isEmpty() ? System.getenv(SUPERUSER_PASSWORD_ENV)
        : java.nio.file.Files.readAllLines(Path.of(passwordFile)).stream().findFirst().orElse("");
    return new AuthSettings(hba.isEmpty() ? null : Path.of(hba),
        keys.string(SUPERUSER_KEY, superuser, SUPERUSER_DEFAULT),
        password == null || password.isBlank() ? null : password.strip());
  }

  private Path configFile() {
    return config != null ? config : defaultConfigFile();
  }

  static Path defaultConfigFile() {
    String home = System.getProperty("kqlite.home");
    return home == null ? Path.of("conf", "kqlite.properties") : Path.of(home, "conf", "kqlite.properties");
  }
}
