package io.kqlite.statemachine.raft;

import io.kqlite.statemachine.BatchCodec;
import io.kqlite.statemachine.Column;
import io.kqlite.statemachine.CommandParts;
import io.kqlite.statemachine.EntryCodec;
import io.kqlite.statemachine.EntryContext;
import io.kqlite.statemachine.LocalFunction;
import io.kqlite.statemachine.ReadConsistency;
import io.kqlite.statemachine.ReadSetup;
import io.kqlite.statemachine.SqlCluster;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import io.kqlite.statemachine.WriteCommand;
import io.kqlite.statemachine.WriteOutcome;
import io.kqlite.statemachine.WriteResult;
import io.kqlite.statemachine.store.SqliteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientRpc;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcFactory;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.LeaderSteppingDownException;
import org.apache.ratis.protocol.exceptions.RaftRetryFailureException;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of the Raft group: its Ratis server (log + state machine) and the Ratis clients that
 * submit this node's writes, one per {@link WriteBatcher} sender. A client finds the leader by
 * itself, so a write made on a follower is forwarded to the leader; its retry cache id makes a
 * retried write apply once.
 */
public final class RaftNode implements SqlCluster, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RaftNode.class);
  /** All kqlite clusters use one group id; members are told apart by peer id. */
  public static final RaftGroupId GROUP_ID =
      RaftGroupId.valueOf(UUID.nameUUIDFromBytes("kqlite".getBytes(StandardCharsets.UTF_8)));

  /**
   * The largest log entry kqlite submits; a larger write travels in parts (see
   * {@link CommandParts}). Ratis' appender buffer bounds one entry (a larger one makes the leader
   * step down again and again), and every member, the witness too, keeps a zeroed direct write
   * buffer a little larger than that buffer, resident for its whole life: entries of 8 MiB made
   * the witness 7 MB larger than entries of 1 MiB do.
   */
  static final int MAX_ENTRY_BYTES = 1024 * 1024;
  /** One part of a write larger than an entry; half an entry, so parts share entries too. */
  static final int PART_BYTES = MAX_ENTRY_BYTES / 2;
  /** The largest write: its parts are joined in memory on every data node to be applied. */
  static final int MAX_WRITE_BYTES = 64 * 1024 * 1024;
  /**
   * {@code raft.server.log.appender.buffer.byte-limit}. Every member must use the same value: a
   * follower with a smaller one could not take an entry the leader accepted. The margin covers
   * Ratis' framing of an entry (ids, term, index: well under 1 KiB).
   */
  static final int APPENDER_BUFFER_BYTES = MAX_ENTRY_BYTES + 64 * 1024;
  /** {@code raft.server.log.write.buffer.size}: Ratis requires the appender buffer + 8 bytes. */
  static final int LOG_WRITE_BUFFER_BYTES = APPENDER_BUFFER_BYTES + 64 * 1024;
  /** Ratis server and client-request threads on a witness (see {@link #serverProperties}). */
  private static final int WITNESS_SERVER_THREADS = 4;
  private static final int WITNESS_CLIENT_THREADS = 2;

  private final NodeConfig config;
  private final SqliteStore store; // null on a witness
  private final KqliteStateMachine stateMachine; // null on a witness
  private final RaftServer server;
  private final RaftProperties properties;
  private final WriteClients writeClients;
  /** Highest log index of a write this node has answered to a client. */
  private final AtomicLong acknowledgedIndex = new AtomicLong();
  /** Client requests this node's write clients handed to its own server in-process. */
  private final AtomicLong inProcessRequests = new AtomicLong();
  /**
   * Entries in flight at once from this node; concurrent writes beyond that share entries. One
   * gave the most writes per second on 2 cores (kine inserts, 16 clients, 2 data + witness:
   * 1 sender 428–594/s, 2 senders 319–499/s, 4 senders 236–430/s), since each entry costs CPU on
   * every member whatever it carries. {@code -Dkqlite.writeSenders=N} overrides it.
   */
  static final int WRITE_SENDERS = Integer.getInteger("kqlite.writeSenders", 1);
  private final WriteBatcher batcher;
  /** Identifies this node's in-process read requests to its own server. */
  private final org.apache.ratis.protocol.ClientId readClientId =
      org.apache.ratis.protocol.ClientId.randomId();
  private final AtomicLong readCallIds = new AtomicLong();
  private final DataSnapshotFloor snapshotFloor; // witness only

  private RaftNode(NodeConfig config, ReadSetup readSetup) throws IOException {
    this.config = config;
    BaseStateMachine machine;
    if (config.witness()) {
      this.store = null;
      this.stateMachine = null;
      this.snapshotFloor = new DataSnapshotFloor(this::currentPeers, this::groupInfoClient, this::snapshotWitness);
      machine = new WitnessStateMachine(snapshotFloor);
    } else {
      this.store = new SqliteStore(config.databaseDir(), readSetup);
      this.stateMachine = new KqliteStateMachine(store);
      this.snapshotFloor = null;
      machine = stateMachine;
    }
    RaftGroup group = RaftGroup.valueOf(GROUP_ID, config.members().stream().map(RaftNode::toRaftPeer).toList());
    this.properties = serverProperties(config);
    this.server = RaftServer.newBuilder()
        .setServerId(RaftPeerId.valueOf(config.id()))
        .setGroup(group)
        .setStateMachine(machine)
        .setProperties(properties)
        .setParameters(RaftTls.parameters(config.tls()))
        .setOption(RaftStorage.StartupOption.RECOVER)
        .build();
    this.writeClients = new WriteClients(this::newWriteClient, WRITE_SENDERS,
        config.writeTimeout().plusSeconds(10)); // send() waits the write timeout + 5 s at most
    this.batcher = new WriteBatcher(config.id(), WRITE_SENDERS, MAX_ENTRY_BYTES, this::send);
  }

  /** Starts the node; it joins elections at once. */
  public static RaftNode start(NodeConfig config) throws IOException {
    return start(config, List.of());
  }

  /** Starts the node with extra functions for local reads (see {@link LocalFunction}). */
  public static RaftNode start(NodeConfig config, List<LocalFunction> localFunctions)
      throws IOException {
    return start(config, ReadSetup.functions(localFunctions));
  }

  /** Starts the node with read connections prepared by {@code readSetup}. */
  public static RaftNode start(NodeConfig config, ReadSetup readSetup) throws IOException {
    RaftNode node = new RaftNode(config, readSetup);
    node.server.start();
    if (node.snapshotFloor != null) {
      node.snapshotFloor.start();
    }
    LOG.info("kqlite {} {} started: raft {}:{}, data {}", config.witness() ? "witness" : "node",
        config.id(), config.host(), config.raftPort(), config.dataDir().toAbsolutePath());
    return node;
  }

  private static RaftProperties serverProperties(NodeConfig config) {
    RaftProperties properties = new RaftProperties();
    RaftServerConfigKeys.setStorageDir(properties, List.of(config.raftDir().toFile()));
    GrpcConfigKeys.Server.setPort(properties, config.raftPort());
    TimeDuration min = TimeDuration.valueOf(config.electionTimeoutMin().toMillis(), TimeUnit.MILLISECONDS);
    RaftServerConfigKeys.Rpc.setTimeoutMin(properties, min);
    RaftServerConfigKeys.Rpc.setTimeoutMax(properties, min.multiply(2));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(properties, min.multiply(0.5));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(properties, min);
    // Followers serve linearizable reads: ReadIndex from the leader, then wait to apply.
    RaftServerConfigKeys.Read.setOption(properties, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
    RaftServerConfigKeys.Read.setLeaderLeaseEnabled(properties, true);
    // Snapshots bound the log: every N entries all databases are copied and older log purged.
    // A witness's "snapshot" only moves its purge point (see WitnessStateMachine).
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(properties, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(properties, config.snapshotThreshold());
    RaftServerConfigKeys.Log.setSegmentSizeMax(properties, SizeInBytes.valueOf(
        config.witness() ? Math.min(config.logSegmentBytes(), 256 * 1024) : config.logSegmentBytes()));
    RaftServerConfigKeys.Log.setPurgeGap(properties, 1);
    // Ratis' log metadata entries are off. On by default, each records a commit-index advance as
    // one more replicated log entry, so every write cost two appends and two fsyncs on every
    // member. What they bought was promptness: a follower learns a commit with the next append.
    // Without them it learns it with the next entry or heartbeat, so a follower that must show a
    // write it has not applied yet asks the leader for the read index instead (see awaitApplied):
    // Ratis then sends that follower a heartbeat at once.
    RaftServerConfigKeys.Log.setLogMetadataEnabled(properties, false);
    // A data node purges up to its snapshot even while a member is down (else the log grows
    // without bound); that member then catches up by snapshot. A witness purges only up to the
    // data nodes' snapshots, and no further than what every member has committed.
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(properties, !config.witness());
    // The retry cache answers a client's resent request with the first reply instead of applying
    // it twice, so on a data node it must outlive the client's retries (the write timeout). It
    // holds every reply for that long: about 1 KB per entry. A witness refuses writes before they
    // reach the log, so a resent request never needs its cache; with Ratis' 60 s default, its
    // small heap filled at a few hundred entries a second and it spent its time collecting.
    RaftServerConfigKeys.RetryCache.setExpiryTime(properties, config.witness()
        ? TimeDuration.valueOf(1, TimeUnit.SECONDS)
        : TimeDuration.valueOf(Math.max(60_000, 2 * config.writeTimeout().toMillis()), TimeUnit.MILLISECONDS));
    if (config.witness()) {
      // A witness should stay small: keep few log segments in memory.
      RaftServerConfigKeys.Log.setSegmentCacheNumMax(properties, 1);
      // Ratis' cached server pool grew to 16 threads under write load, each with its own stack;
      // a witness's tasks are short (hand appends to the log worker, answer votes), so a few do.
      RaftServerConfigKeys.ThreadPool.setServerCached(properties, false);
      RaftServerConfigKeys.ThreadPool.setServerSize(properties, WITNESS_SERVER_THREADS);
      RaftServerConfigKeys.ThreadPool.setClientCached(properties, false);
      RaftServerConfigKeys.ThreadPool.setClientSize(properties, WITNESS_CLIENT_THREADS);
      RaftServerConfigKeys.Log.setSegmentCacheSizeMax(properties, SizeInBytes.valueOf("1MB"));
    }
    RaftServerConfigKeys.Log.Appender.setBufferByteLimit(properties,
        SizeInBytes.valueOf(APPENDER_BUFFER_BYTES));
    RaftServerConfigKeys.Log.setWriteBufferSize(properties, SizeInBytes.valueOf(LOG_WRITE_BUFFER_BYTES));
    // gRPC messages carry whole entries (client → leader, leader → followers) and snapshot chunks
    // (Ratis sends up to 16 MiB); its default of 64 MiB covers both, set here to be read with them.
    GrpcConfigKeys.setMessageSizeMax(properties, SizeInBytes.valueOf(64 * 1024 * 1024));
    return properties;
  }

  static RaftPeer toRaftPeer(Peer peer) {
    return RaftPeer.newBuilder()
        .setId(peer.id())
        .setAddress(peer.raftAddress())
        .setPriority(peer.priority())
        .build();
  }

  /**
   * A client for this node's next write, for the group as this server currently knows it (a
   * joined node learns its peers only when it is added; a membership change adds peers). There is
   * one per write sender: concurrent sessions' writes already share entries in the batcher.
   */
  private RaftClient client() {
    Set<RaftPeer> peers = currentPeers();
    if (peers.isEmpty()) {
      throw new SqlException("57P03", "node " + config.id() + " has not been added to a cluster yet");
    }
    return writeClients.next(peers, division().getInfo().getLeaderId());
  }

  /**
   * A client for {@code peers}. It starts from the leader this server knows: a new client otherwise
   * tries the first peer of the group, which may be a member that is down, and can spend its whole
   * retry budget there. While this node leads, its requests reach its own server in-process
   * ({@link SelfShortcutRpc}).
   */
  private RaftClient newWriteClient(Set<RaftPeer> peers, RaftPeerId leader) {
    ClientId clientId = ClientId.randomId();
    Parameters tls = RaftTls.parameters(config.tls());
    RaftClientRpc network = new GrpcFactory(tls).newRaftClientRpc(clientId, properties);
    RaftClient.Builder builder = RaftClient.newBuilder()
        .setClientId(clientId)
        .setClientRpc(new SelfShortcutRpc(RaftPeerId.valueOf(config.id()), server, network, inProcessRequests))
        .setRaftGroup(RaftGroup.valueOf(GROUP_ID, peers))
        .setProperties(properties)
        .setParameters(tls)
        // The whole write timeout: elections and a witness's hand-over can take seconds. A
        // request stuck on a dead leader fails after it with 08006 (outcome unknown).
        .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(
            (int) Math.max(1, config.writeTimeout().toMillis() / 200),
            TimeDuration.valueOf(200, TimeUnit.MILLISECONDS)));
    if (leader != null) {
      builder.setLeaderId(leader);
    }
    return builder.build();
  }

  @Override
  public WriteOutcome write(String database, List<Statement> statements) {
    EntryContext context = EntryContext.now();
    return submit(new WriteCommand(WriteCommand.Kind.EXECUTE, database, statements,
        context.timestampMicros(), context.randomSeed()));
  }

  @Override
  public WriteResult speculate(String database, List<Statement> history,
      List<Long> historyDigests, List<Statement> next, EntryContext context,
      long minAppliedIndex) {
    requireData();
    awaitApplied(minAppliedIndex);
    return store.forRead(database).speculate(history, historyDigests, next,
        context.timestampMicros(), context.randomSeed());
  }

  @Override
  public boolean replayable(String database, String sql) {
    requireData();
    return store.forRead(database).replayable(sql);
  }

  @Override
  public WriteOutcome commit(String database, List<Statement> statements, List<Long> digests,
      EntryContext context) {
    return submit(new WriteCommand(WriteCommand.Kind.TRANSACTION, database, statements, digests,
        context.timestampMicros(), context.randomSeed()));
  }

  @Override
  public WriteOutcome createDatabase(String database) {
    EntryContext context = EntryContext.now();
    return submit(new WriteCommand(WriteCommand.Kind.CREATE_DATABASE, database, List.of(),
        context.timestampMicros(), context.randomSeed()));
  }

  @Override
  public WriteOutcome dropDatabase(String database) {
    EntryContext context = EntryContext.now();
    return submit(new WriteCommand(WriteCommand.Kind.DROP_DATABASE, database, List.of(),
        context.timestampMicros(), context.randomSeed()));
  }

  /**
   * Writes go through the {@link WriteBatcher}, which shares log entries between concurrent
   * sessions; creating or dropping a database travels alone (see {@link BatchCodec}).
   */
  private WriteOutcome submit(WriteCommand command) {
    requireData();
    byte[] encoded = EntryCodec.encode(command);
    if (command.kind() == WriteCommand.Kind.EXECUTE || command.kind() == WriteCommand.Kind.TRANSACTION) {
      return encoded.length > batcher.maxCommandBytes()
          ? submitInParts(command, encoded)
          : batcher.submit(encoded);
    }
    WriteBatcher.Committed committed = send(encoded);
    return new WriteOutcome(committed.logIndex(), EntryCodec.decodeResult(committed.reply()));
  }

  /**
   * A write larger than one entry: its parts one after another, then the entry that applies it.
   * Parts of a write given up half-way are deleted by one more write if it gets through, else by
   * a later large write an hour on (see {@link CommandParts}).
   */
  private WriteOutcome submitInParts(WriteCommand command, byte[] encoded) {
    if (encoded.length > MAX_WRITE_BYTES) {
      throw new SqlException("54000", "write of " + encoded.length + " bytes exceeds the limit of "
          + MAX_WRITE_BYTES + " bytes; split it into smaller statements");
    }
    long partsId = ThreadLocalRandom.current().nextLong();
    List<WriteCommand> parts = CommandParts.split(command, encoded, partsId, PART_BYTES);
    int assemble = parts.size() - 1;
    for (int i = 0; i < assemble; i++) {
      WriteOutcome part;
      try {
        part = batcher.submit(EntryCodec.encode(parts.get(i)));
      } catch (SqlException e) {
        discardParts(command, partsId);
        throw e;
      }
      if (part.result().failed()) {
        discardParts(command, partsId);
        return part; // the database is gone, say
      }
    }
    return batcher.submit(EntryCodec.encode(parts.get(assemble)));
  }

  private void discardParts(WriteCommand command, long partsId) {
    try {
      batcher.submit(EntryCodec.encode(new WriteCommand(WriteCommand.Kind.EXECUTE,
          command.database(), List.of(Statement.of(CommandParts.DISCARD, partsId)),
          command.timestampMicros(), command.randomSeed())));
    } catch (SqlException stillUnavailable) {
      LOG.debug("parts {} of an abandoned write stay until a later large write", partsId);
    }
  }

  /**
   * Sends one entry and waits until it is applied, for up to the write timeout: through elections
   * (waiting for a leader), while a witness leads and while a leader hands leadership over (both
   * refuse before appending, so sending again is safe). Never sends the same entry again under a
   * new request: a write whose outcome is unknown fails with 08006.
   */
  private WriteBatcher.Committed send(byte[] entry) {
    Message message = Message.valueOf(ByteString.copyFrom(entry));
    long deadline = System.nanoTime() + config.writeTimeout().toNanos();
    while (true) {
      awaitKnownLeader(deadline);
      RaftClient client = client();
      RaftClientReply reply;
      try {
        reply = client.async().send(message)
            .get(config.writeTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SqlException("57014", "canceling statement: interrupted while waiting for commit");
      } catch (ExecutionException | TimeoutException e) {
        if (refusedBeforeAppend(e) && System.nanoTime() < deadline) {
          sleepBeforeRetry();
          continue;
        }
        writeClients.failed(client, division().getInfo().getLeaderId());
        throw unavailable(e);
      }
      if (reply.isSuccess()) {
        acknowledgedIndex.accumulateAndGet(reply.getLogIndex(), Math::max);
        return new WriteBatcher.Committed(reply.getLogIndex(), reply.getMessage().getContent().toByteArray());
      }
      if (!refusedBeforeAppend(reply.getException()) || System.nanoTime() > deadline) {
        throw unavailable(reply.getException());
      }
      sleepBeforeRetry(); // until a data node has caught up, or the hand-over is done
    }
  }

  /**
   * The request was refused before anything was appended, so sending it again is safe: a witness
   * refuses in startTransaction (it leads only until a data node has caught up), and a leader
   * handing over leadership refuses new writes until it has stepped down.
   */
  private static boolean refusedBeforeAppend(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LeaderSteppingDownException
          || String.valueOf(t.getMessage()).contains(WitnessStateMachine.REFUSED)) {
        return true;
      }
    }
    return false;
  }

  /** During an election nobody leads: wait for a leader rather than send into the void. */
  private void awaitKnownLeader(long deadlineNanos) {
    while (division().getInfo().getLeaderId() == null && System.nanoTime() < deadlineNanos) {
      sleepBeforeRetry();
    }
  }

  private static void sleepBeforeRetry() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SqlException("57014", "canceling statement: interrupted while waiting for a leader");
    }
  }

  /** A witness keeps no data: SQL must go to a data node. */
  private void requireData() {
    if (store == null) {
      throw new SqlException("57P03", witnessRefusal());
    }
  }

  /** Why a witness serves no SQL, naming the leader when there is one (for its 57P03). */
  public String witnessRefusal() {
    String leader = leaderId();
    return "node " + config.id() + " is a witness: it stores no data and serves no SQL; connect to a"
        + " data node" + (leader.isEmpty() ? "" : " (the leader is " + leader + ")");
  }

  /** No leader could commit the write in time: the outcome is unknown to this node. */
  private SqlException unavailable(Throwable cause) {
    Throwable root = cause instanceof ExecutionException && cause.getCause() != null ? cause.getCause() : cause;
    LOG.warn("write not committed: {}", String.valueOf(root));
    return new SqlException("08006", "could not commit the write through the Raft log: " + reason(root));
  }

  /**
   * Why a request failed, for the client. A retry failure's own message quotes the whole Ratis
   * request, the entry's raw bytes included; the last attempt's cause says what went wrong.
   */
  private String reason(Throwable failure) {
    if (failure == null) {
      return "no leader reachable";
    }
    if (failure instanceof RaftRetryFailureException retry) {
      Throwable last = retry.getCause();
      return "no leader took it within " + config.writeTimeout().toMillis() + " ms"
          + (last == null ? "" : " (last attempt: " + last.getClass().getSimpleName() + ": " + last.getMessage() + ")");
    }
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }

  @Override
  public StatementResult query(String database, Statement statement, long minAppliedIndex) {
    requireData();
    awaitApplied(minAppliedIndex);
    return store.forRead(database).query(statement);
  }

  @Override
  public List<Column> describe(String database, String sql, long minAppliedIndex) {
    requireData();
    awaitApplied(minAppliedIndex);
    return store.forRead(database).describe(sql);
  }

  /**
   * Waits until this replica has applied {@code index} and every write this node has acknowledged
   * to any client, so that a read on a node never misses a write that node reported committed.
   * A follower behind asks for the read index first: without log metadata entries it might
   * otherwise learn of the commit only with the next heartbeat.
   */
  private void awaitApplied(long index) {
    index = Math.max(index, acknowledgedIndex.get());
    if (stateMachine.tracker().applied() < index && !isLeader()) {
      linearizableIndex(); // the leader's commit index, and a heartbeat that brings it here
    }
    try {
      if (!stateMachine.tracker().awaitApplied(index, config.writeTimeout().toMillis())) {
        throw new SqlException("57014", "canceling statement: this node has not caught up with log index " + index);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SqlException("57014", "canceling statement: interrupted");
    }
  }

  @Override
  public long readIndex(ReadConsistency consistency, long sessionIndex) {
    return switch (consistency) {
      case STALE -> 0;
      case SESSION -> sessionIndex;
      case LINEARIZABLE -> Math.max(sessionIndex, linearizableIndex());
    };
  }

  /**
   * Asks this very server for a linearizable read: Ratis obtains the leader's commit index
   * (ReadIndex, or the leader's lease) and answers once this replica has applied it. The request
   * goes to the server in-process, not through a Raft client over gRPC: that hop cost about a
   * millisecond per statement, and a read is safe to send again, so no client retry cache is
   * needed. While nobody leads it waits, up to the write timeout, like a write.
   */
  private long linearizableIndex() {
    requireData();
    long deadline = System.nanoTime() + config.writeTimeout().toNanos();
    while (true) {
      awaitKnownLeader(deadline);
      RaftClientRequest request = RaftClientRequest.newBuilder()
          .setClientId(readClientId)
          .setServerId(RaftPeerId.valueOf(config.id()))
          .setGroupId(GROUP_ID)
          .setCallId(readCallIds.incrementAndGet())
          .setMessage(Message.EMPTY)
          .setType(RaftClientRequest.readRequestType())
          .setTimeoutMs(config.writeTimeout().toMillis())
          .build();
      Throwable failure;
      try {
        RaftClientReply reply = server.submitClientRequestAsync(request)
            .get(config.writeTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        if (reply.isSuccess()) {
          return appliedIndex();
        }
        failure = reply.getException();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SqlException("57014", "canceling statement: interrupted while waiting for the read index");
      } catch (ExecutionException | TimeoutException | IOException e) {
        failure = e;
      }
      if (System.nanoTime() > deadline) {
        throw unavailable(failure);
      }
      sleepBeforeRetry(); // an election is under way, or the leader has not confirmed itself yet
    }
  }

  /** Client requests handed to this node's own server in-process (see {@link SelfShortcutRpc}). */
  long inProcessRequests() {
    return inProcessRequests.get();
  }

  @Override
  public boolean databaseExists(String database) {
    requireData();
    if (store.existing(database) != null) {
      return true;
    }
    if (isLeader()) {
      return false;
    }
    try {
      linearizableIndex(); // created by a commit this follower has not heard of yet?
    } catch (SqlException noLeader) {
      return false; // as far as this replica knows
    }
    return store.existing(database) != null;
  }

  @Override
  public List<String> databases() {
    requireData();
    return store.databaseNames();
  }

  @Override
  public boolean autoCreateDatabases() {
    return config.autoCreateDatabases();
  }

  /** The highest log index this node has applied. */
  public long appliedIndex() {
    return stateMachine != null ? stateMachine.tracker().applied()
        : division().getInfo().getLastAppliedIndex();
  }

  /** The oldest log index this node still holds (older entries were purged after a snapshot). */
  public long logStartIndex() {
    return division().getRaftLog().getStartIndex();
  }

  /**
   * False once this member's Raft server has stopped by itself. Ratis closes it when the state
   * machine cannot apply an entry (a full or failing disk, see SqlStates.isEnvironmental), so that
   * the member never goes on with data that differs from the other replicas.
   */
  public boolean isRaftRunning() {
    try {
      return server.getDivision(GROUP_ID).getInfo().isAlive();
    } catch (IOException e) {
      return false;
    }
  }

  public boolean isWitness() {
    return config.witness();
  }

  /** The leader this node knows of, or empty. */
  public String leaderId() {
    RaftPeerId leader = division().getInfo().getLeaderId();
    return leader == null ? "" : leader.toString();
  }

  private RaftServer.Division division() {
    try {
      return server.getDivision(GROUP_ID);
    } catch (IOException e) {
      throw new IllegalStateException("the kqlite Raft group is not running on this node", e);
    }
  }

  public String id() {
    return config.id();
  }

  /** True while this node is the Raft leader. */
  @Override
  public boolean isLeader() {
    return division().getInfo().isLeader();
  }

  private Set<RaftPeer> currentPeers() {
    return Set.copyOf(division().getGroup().getPeers());
  }

  /**
   * Asks this witness's own server for a snapshot now: WitnessStateMachine.takeSnapshot moves the
   * purge point up to the data nodes' floor and Ratis deletes the log segments below it.
   */
  private boolean snapshotWitness(RaftClient client) {
    try {
      return client.getSnapshotManagementApi(RaftPeerId.valueOf(config.id())).create(1, 10_000).isSuccess();
    } catch (IOException | RuntimeException e) {
      LOG.info("witness log not purged now, tried again in a few seconds: {}", e.toString());
      return false;
    }
  }

  /** A client for group-info calls: a few quick tries, it runs again a few seconds later. */
  private RaftClient groupInfoClient(Set<RaftPeer> peers) {
    return RaftClient.newBuilder()
        .setRaftGroup(RaftGroup.valueOf(GROUP_ID, peers))
        .setProperties(properties)
        .setParameters(RaftTls.parameters(config.tls()))
        .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(2,
            TimeDuration.valueOf(200, TimeUnit.MILLISECONDS)))
        .build();
  }

  @Override
  public void close() {
    batcher.close();
    if (snapshotFloor != null) {
      snapshotFloor.close();
    }
    writeClients.close();
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("closing raft server", e);
    }
  }
}
