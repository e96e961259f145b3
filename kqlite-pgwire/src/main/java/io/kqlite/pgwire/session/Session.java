package io.kqlite.pgwire.session;

import io.kqlite.pgwire.auth.Access;
import io.kqlite.pgwire.auth.RoleCommands;
import io.kqlite.pgwire.auth.RoleStore;
import io.kqlite.pgwire.sql.ByteaLiterals;
import io.kqlite.pgwire.sql.SqlSplitter;
import io.kqlite.pgwire.sql.StatementDetail;
import io.kqlite.pgwire.sql.StatementKind;
import io.kqlite.pgwire.sql.SqlTranslationException;
import io.kqlite.pgwire.sql.TranslatedStatement;
import io.kqlite.pgwire.types.PgType;
import io.kqlite.pgwire.types.ValueCodec;
import io.kqlite.statemachine.Column;
import io.kqlite.statemachine.ReadConsistency;
import io.kqlite.statemachine.SqlCluster;
import io.kqlite.statemachine.SqlError;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import io.kqlite.statemachine.WriteOutcome;
import io.kqlite.statemachine.WriteResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One client connection's state and the PostgreSQL request cycle: simple queries, the extended
 * protocol (prepared statements, portals, skip-until-Sync after an error) and session settings.
 *
 * <p>Reads run on this node's replica after it has applied the session's last write, so a
 * session always reads its own writes. Writes go through {@link WriteBatch} to the Raft log.
 * Calls must come from one thread at a time; they may block (waiting for a commit).
 */
public final class Session {

  /** Session function calls in writes become literals (replicas have no session). */
  private static final SessionCallInliner SESSION_CALLS = new SessionCallInliner(SessionFunctions.all());

  private final SqlCluster cluster;
  private boolean closed;
  private final ClientSink sink;
  private final String user;
  private final String database;
  private final int processId;
  private final SessionSettings settings;
  private final Access access;
  private final Map<String, PreparedQuery> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();
  private final WriteBatch batch;
  private long lastWriteIndex;
  private boolean skipUntilSync;
  private Transaction transaction; // null outside BEGIN … COMMIT
  /** The rest of the simple Query being run; null when none is (e.g. between extended messages). */
  private Deque<String> simpleQueryRest;
  private CopyIn copyIn; // non-null while COPY FROM STDIN receives data
  private SocketEnd client; // null until told (a test's session has none)
  private SocketEnd server;

  private Session(SqlCluster cluster, ClientSink sink, String user, String database,
      int processId, SessionSettings settings, Access access) {
    this.cluster = cluster;
    this.access = access;
    this.sink = sink;
    this.user = user;
    this.database = database;
    this.processId = processId;
    this.settings = settings;
    this.batch = new WriteBatch(sink);
  }

  /**
   * Opens a session for a StartupMessage's parameters. An unknown database is {@code 3D000},
   * unless the cluster creates databases on first use (through the log, so on every node).
   */
  public static Session open(SqlCluster cluster, ClientSink sink, Map<String, String> startup,
      int processId) {
    String name = startup.getOrDefault("user", "");
    return open(cluster, sink, startup, processId, Access.unrestricted(new RoleStore(cluster), name));
  }

  /**
   * Opens a session for an authenticated user with {@code access}: 42501 when it may not connect
   * to the database (the system database is never open to clients).
   */
  public static Session open(SqlCluster cluster, ClientSink sink, Map<String, String> startup,
      int processId, Access access) {
    String user = startup.getOrDefault("user", "");
    if (user.isEmpty()) {
      throw new SqlException("28000", "no PostgreSQL user name specified in startup packet");
    }
    String database = startup.getOrDefault("database", "");
    if (database.isEmpty()) {
      database = user;
    }
    access.checkConnect(database);
    if (!databaseExists(cluster, database)) {
      if (!cluster.autoCreateDatabases()) {
        throw new SqlException("3D000", "database \"" + database + "\" does not exist");
      }
      WriteOutcome created = cluster.createDatabase(database);
      SqlError error = created.result().error();
      if (error != null && !error.sqlState().equals("42P04")) { // 42P04: another session won the race
        throw new SqlException(error);
      }
      cluster.query(database, Statement.of("SELECT 1"), created.logIndex());
    }
    SessionSettings settings = new SessionSettings(user);
    settings.setStandby(!cluster.isLeader());
    settings.setSuperuser(access.isSuperuser());
    settings.applyStartupOptions(startup);
    Session session = new Session(cluster, sink, user, database, processId, settings, access);
    OpenSessions.opened(cluster, database);
    return session;
  }

  /**
   * Whether the database exists, as of the leader's commit index: this replica may not have applied
   * a CREATE DATABASE committed through another node yet, so when the database is missing here it
   * first catches up (a linearizable read waits for that) and looks again.
   */
  private static boolean databaseExists(SqlCluster cluster, String name) {
    if (cluster.databaseExists(name)) {
      return true;
    }
    try {
      cluster.readIndex(ReadConsistency.LINEARIZABLE, 0);
    } catch (SqlException noLeader) {
      return false; // no quorum to ask: answer from what this replica has
    }
    return cluster.databaseExists(name);
  }

  public String user() {
    return user;
  }

  public String database() {
    return database;
  }

  public int processId() {
    return processId;
  }

  /** The two ends of the client's connection, for {@code inet_client_addr()} and friends. */
  public void connectedVia(SocketEnd client, SocketEnd server) {
    this.client = client;
    this.server = server;
  }

  /** The client's end of the connection; null when not known. */
  public SocketEnd client() {
    return client;
  }

  /** This server's end of the connection; null when not known. */
  public SocketEnd server() {
    return server;
  }

  public SessionSettings settings() {
    return settings;
  }

  /** The replicated roles, for the catalog. */
  /** The databases a client may connect to (the system database is not one of them). */
  List<String> databases() {
    return cluster.databases().stream().filter(d -> !d.equals(RoleStore.SYSTEM_DATABASE)).toList();
  }

  RoleStore roles() {
    return access.roles();
  }

  /** Transaction status for ReadyForQuery: idle, in a transaction, or in a failed one. */
  char transactionStatus() {
    if (transaction == null) {
      return 'I';
    }
    return transaction.isFailed() ? 'E' : 'T';
  }

  // ---- simple query protocol ----

  /** A Query message: each statement in turn, one implicit transaction, then ReadyForQuery. */
  public void simpleQuery(String sql) {
    SessionFunctions.runAs(this, () -> runSimpleQuery(sql));
  }

  private void runSimpleQuery(String sql) {
    portals.remove("");
    statements.remove("");
    List<String> parts;
    try {
      parts = SqlSplitter.split(sql);
    } catch (SqlTranslationException e) {
      parts = List.of(sql); // the translator reports the precise error below
    }
    if (parts.isEmpty()) {
      sink.emptyQuery();
    }
    simpleQueryRest = new ArrayDeque<>(parts);
    continueSimpleQuery();
  }

  /**
   * Runs the statements of the current Query one after another. A COPY FROM STDIN pauses the loop
   * until its data is complete ({@link #copyDone()}); the Query then goes on where it stopped.
   */
  private void continueSimpleQuery() {
    while (!simpleQueryRest.isEmpty()) {
      String part = simpleQueryRest.poll();
      try {
        PreparedQuery query = new PreparedQuery("", part,
            translateAgainstSchema(part, new ParameterTypes(cluster, database, lastWriteIndex)), new PgType[0]);
        run(new Portal("", query, List.of(), new short[0]), true, 0);
      } catch (SqlException e) {
        endSimpleQuery(e.error());
        return;
      }
      if (copyIn != null) {
        return;
      }
    }
    endSimpleQuery(flushWrites());
  }

  private void endSimpleQuery(SqlError error) {
    if (error != null) {
      fail(error);
    }
    simpleQueryRest = null;
    sink.readyForQuery(transactionStatus());
  }

  // ---- extended query protocol ----

  public void parse(String name, String sql, int[] parameterOids) {
    extended(() -> {
      if (!name.isEmpty() && statements.containsKey(name)) {
        throw new SqlException("42P05", "prepared statement \"" + name + "\" already exists");
      }
      ParameterTypes parameterTypes = new ParameterTypes(cluster, database, lastWriteIndex);
      TranslatedStatement translated = translateAgainstSchema(sql, parameterTypes);
      int count = Math.max(translated.parameterCount(), parameterOids.length);
      int[] arrayOids = new int[count];
      PgType[] types = parameterTypes.resolve(sql, count, parameterOids, arrayOids);
      statements.put(name, new PreparedQuery(name, sql, translated, types, arrayOids));
      batch.answer(ClientSink::parseComplete);
    });
  }

  /**
   * Translates {@code sql} once its string literals aimed at bytea columns are bytea input
   * ({@link ByteaLiterals}): which columns those are is this node's schema, not the text.
   */
  private static TranslatedStatement translateAgainstSchema(String sql, ParameterTypes schema) {
    TranslatedStatement translated = Translations.translate(sql);
    if (translated.kind() != StatementKind.QUERY && translated.kind() != StatementKind.WRITE) {
      return translated;
    }
    String rewritten;
    try {
      rewritten = ByteaLiterals.rewrite(sql, hint -> schema.infer(sql, hint) == PgType.BYTEA);
    } catch (SqlTranslationException e) {
      throw new SqlException(e.sqlState(), e.getMessage());
    }
    return rewritten.equals(sql) ? translated : Translations.translate(rewritten);
  }

  public void bind(String portalName, String statementName, short[] parameterFormats,
      byte[][] values, short[] resultFormats) {
    extended(() -> {
      PreparedQuery query = statements.get(statementName);
      if (query == null) {
        throw new SqlException("26000", "prepared statement \"" + statementName + "\" does not exist");
      }
      if (!portalName.isEmpty() && portals.containsKey(portalName)) {
        throw new SqlException("42P03", "portal \"" + portalName + "\" already exists");
      }
      int expected = query.parameterTypes().length;
      if (values.length != expected) {
        throw new SqlException("08P01", "bind message supplies " + values.length
            + " parameters, but prepared statement \"" + statementName + "\" requires " + expected);
      }
      if (parameterFormats.length > 1 && parameterFormats.length != values.length) {
        throw new SqlException("08P01", "bind message has " + parameterFormats.length
            + " parameter formats but " + values.length + " parameters");
      }
      ResultWriter.checkFormats(parameterFormats);
      ResultWriter.checkFormats(resultFormats);
      List<Object> parameters = new ArrayList<>(values.length);
      for (int i = 0; i < values.length; i++) {
        short format = parameterFormats.length == 0 ? 0
            : parameterFormats.length == 1 ? parameterFormats[0] : parameterFormats[i];
        parameters.add(query.decodeParameter(i, format, values[i]));
      }
      portals.put(portalName, new Portal(portalName, query, parameters, resultFormats));
      batch.answer(ClientSink::bindComplete);
    });
  }

  public void describe(char kind, String name) {
    extended(() -> {
      if (kind == 'S') {
        describeStatement(name);
      } else {
        describePortal(name);
      }
    });
  }

  private void describeStatement(String name) {
    PreparedQuery query = statements.get(name);
    if (query == null) {
      throw new SqlException("26000", "prepared statement \"" + name + "\" does not exist");
    }
    int[] oids = query.parameterOids();
    List<ResultField> fields = query.translated().returnsRows()
        ? ResultWriter.fields(describedColumns(query), query.translated().sqliteSql(),
            i -> ValueCodec.TEXT, this::describeCommitted) : null;
    batch.answer(s -> {
      s.parameterDescription(oids);
      if (fields == null) {
        s.noData();
      } else {
        s.rowDescription(fields);
      }
    });
  }

  private void describePortal(String name) {
    Portal portal = portals.get(name);
    if (portal == null) {
      throw new SqlException("34000", "portal \"" + name + "\" does not exist");
    }
    TranslatedStatement translated = portal.query.translated();
    List<ResultField> fields;
    if (translated.kind() == io.kqlite.pgwire.sql.StatementKind.SHOW) {
      fields = showFields(translated, portal);
    } else if (!translated.returnsRows()) {
      fields = null;
    } else if (translated.kind() == io.kqlite.pgwire.sql.StatementKind.QUERY) {
      fields = queryFields(portal);
    } else {
      fields = ResultWriter.fields(describedColumns(portal.query),
          portal.query.translated().sqliteSql(), portal::formatOf, this::describeCommitted);
    }
    portal.fields = fields;
    batch.answer(s -> {
      if (fields == null) {
        s.noData();
      } else {
        s.rowDescription(fields);
      }
    });
  }

  public void execute(String portalName, int maxRows) {
    extended(() -> {
      Portal portal = portals.get(portalName);
      if (portal == null) {
        throw new SqlException("34000", "portal \"" + portalName + "\" does not exist");
      }
      run(portal, false, maxRows);
    });
  }

  public void close(char kind, String name) {
    extended(() -> {
      if (kind == 'S') {
        statements.remove(name);
      } else {
        portals.remove(name);
      }
      batch.answer(ClientSink::closeComplete);
    });
  }

  /** Sync: commit what is pending, leave error mode, ReadyForQuery. */
  public void sync() {
    if (!skipUntilSync) {
      SqlError error = flushWrites();
      if (error != null) {
        fail(error);
      }
    }
    batch.discard();
    skipUntilSync = false;
    portals.remove("");
    sink.readyForQuery(transactionStatus());
  }

  /** Flush: the client waits for answers, so pending writes must be committed now. */
  public void flush() {
    if (!skipUntilSync) {
      extended(() -> throwIfFailed(flushWrites()));
    }
    sink.flush();
  }

  /** The connection is gone: nothing pending reaches the log. */
  public void closeSession() {
    if (!closed) {
      closed = true;
      OpenSessions.closed(cluster, database);
    }
    batch.discard();
    copyIn = null;
    transaction = null;
    statements.clear();
    portals.clear();
  }

  private void extended(Runnable step) {
    if (skipUntilSync) {
      return;
    }
    try {
      SessionFunctions.runAs(this, step);
    } catch (SqlException e) {
      fail(e.error());
      skipUntilSync = true;
    }
  }

  private void fail(SqlError error) {
    batch.discard();
    if (transaction != null) {
      transaction.markFailed();
    }
    sink.error(error);
  }

  // ---- running one statement ----

  private void run(Portal portal, boolean describeRows, int maxRows) {
    TranslatedStatement translated = portal.query.translated();
    if (transaction != null && transaction.isFailed() && !endsFailedTransaction(translated)) {
      throw new SqlException("25P02",
          "current transaction is aborted, commands ignored until end of transaction block");
    }
    access.checkStatement(database, translated, portal.parameters, this::readCommitted);
    switch (translated.kind()) {
      case EMPTY -> batch.answer(ClientSink::emptyQuery);
      case QUERY -> runQuery(portal, describeRows, maxRows);
      case WRITE -> write(portal, describeRows);
      case COPY -> copy((StatementDetail.Copy) translated.detail(), portal);
      case CREATE_DATABASE -> createDatabase(translated);
      case DROP_DATABASE -> dropDatabase(translated);
      case ACCESS -> accessStatement(translated);
      case SET -> set(translated);
      case SHOW -> show(translated, portal, describeRows);
      case TRANSACTION -> transactionControl(translated);
      case UTILITY_NOOP -> batch.answer(s -> s.commandComplete(translated.commandTag(0)));
      default -> throw new SqlException("0A000",
          "statement not supported yet: " + abbreviate(portal.query.sql()));
    }
  }

  private void runQuery(Portal portal, boolean describeRows, int maxRows) {
    List<ResultField> fields = queryFields(portal);
    StatementResult result = portal.result;
    int from = portal.rowsSent;
    int to = maxRows > 0 ? Math.min(result.rows().size(), from + maxRows) : result.rows().size();
    portal.rowsSent = to;
    boolean suspended = to < result.rows().size();
    TranslatedStatement translated = portal.query.translated();
    batch.answer(s -> {
      if (describeRows) {
        s.rowDescription(fields);
      }
      ResultWriter.rows(s, fields, result.rows(), from, to);
      if (suspended) {
        s.portalSuspended();
      } else {
        s.commandComplete(translated.commandTag(to - from));
      }
    });
  }

  /** Runs the portal's query once (pending writes first) and fixes its result columns. */
  private List<ResultField> queryFields(Portal portal) {
    if (portal.result == null) {
      throwIfFailed(flushWrites());
      String sql = portal.query.translated().sqliteSql();
      if (transaction == null) {
        portal.result = cluster.query(database, new Statement(sql, portal.parameters), readIndex());
      } else {
        // The first statement fixes how fresh the transaction starts; COMMIT validates the rest.
        // It may be replayed at COMMIT, where no session is: session values go in as literals.
        Statement statement = new Statement(SESSION_CALLS.inline(sql), portal.parameters);
        long index = transaction.statements().isEmpty() ? readIndex() : lastWriteIndex;
        WriteResult speculated = cluster.speculate(database, transaction.statements(),
            transaction.digests(), List.of(statement), transaction.context(), index);
        throwIfFailed(speculated.error());
        portal.result = speculated.results().get(0);
        if (cluster.replayable(database, statement.sql())) {
          transaction.record(statement, portal.result, false);
        }
      }
    }
    if (portal.fields == null) {
      List<Column> columns = portal.query.describedColumns() != null
          ? portal.query.describedColumns() : portal.result.columns();
      portal.fields = ResultWriter.fields(columns, portal.query.translated().sqliteSql(),
          portal::formatOf, this::describeCommitted);
    }
    return portal.fields;
  }

  /** Queues a write; one PostgreSQL statement may be several SQLite statements, written together. */
  private void write(Portal portal, boolean describeRows) {
    TranslatedStatement translated = portal.query.translated();
    List<String> script;
    if (translated.detail() instanceof StatementDetail.Script multiple) {
      script = multiple.sqliteStatements();
    } else if (translated.detail() instanceof StatementDetail.AddPrimaryKey key) {
      script = TableScripts.addPrimaryKey(key, this::readLocally);
    } else if (translated.detail() instanceof StatementDetail.AlterColumnConstraints alter) {
      script = TableScripts.alterColumnConstraints(alter, this::readLocally);
    } else if (translated.detail() instanceof StatementDetail.AlterColumnTypes alter) {
      script = TableScripts.alterColumnTypes(alter, this::readLocally);
      if (script.isEmpty()) {
        batch.answer(s -> s.commandComplete(translated.commandTag(0)));
        return;
      }
    } else {
      script = List.of(translated.sqliteSql());
    }
    for (int i = 0; i < script.size() - 1; i++) {
      batch.add(new WriteBatch.PendingWrite(Statement.of(SESSION_CALLS.inline(script.get(i))), result -> { }));
    }
    List<Object> parameters = script.size() == 1 ? portal.parameters : List.of();
    String last = SESSION_CALLS.inline(script.get(script.size() - 1));
    batch.add(new WriteBatch.PendingWrite(new Statement(last, parameters),
        result -> answerWrite(portal, result, describeRows)));
  }

  /**
   * Runs a read on this node as the session sees the data: committed state outside a transaction,
   * the transaction's own changes inside one (not recorded: the client does not see the result).
   */
  private StatementResult readLocally(Statement statement) {
    throwIfFailed(flushWrites());
    if (transaction == null) {
      return cluster.query(database, statement, lastWriteIndex);
    }
    WriteResult speculated = cluster.speculate(database, transaction.statements(),
        transaction.digests(), List.of(statement), transaction.context(), lastWriteIndex);
    throwIfFailed(speculated.error());
    return speculated.results().get(0);
  }

  /** This node's committed data as the session last wrote it, without flushing pending writes. */
  private StatementResult readCommitted(Statement statement) {
    return cluster.query(database, statement, lastWriteIndex);
  }

  /** CREATE/ALTER/DROP ROLE, GRANT, REVOKE: applied at once, in the system database. */
  private void accessStatement(TranslatedStatement translated) {
    if (transaction != null) {
      throw new SqlException("25001", translated.commandTag(0) + " cannot run inside a transaction block");
    }
    throwIfFailed(flushWrites());
    new RoleCommands(access).run(translated.detail(), database, this::readCommitted,
        (state, message) -> batch.answer(s -> s.warning(state, message)));
    batch.answer(s -> s.commandComplete(translated.commandTag(0)));
  }

  // ---- COPY ----

  private void copy(StatementDetail.Copy copy, Portal portal) {
    throwIfFailed(flushWrites()); // earlier answers go out before the COPY's
    if (!access.isSuperuser()) {
      access.checkCopy(database, copy.from(),
          Translations.translate(CopyStart.selectFor(copy)).sqliteSql(), this::readCommitted);
    }
    if (copy.from()) {
      copyIn = CopyStart.copyIn(copy, this::readLocally);
      sink.copyInResponse(copyIn.columnCount(), copyIn.isBinary());
      sink.flush();
    } else {
      copyOut(copy);
    }
  }

  private void copyOut(StatementDetail.Copy copy) {
    String select = CopyStart.selectFor(copy);
    TranslatedStatement translated = Translations.translate(select);
    if (translated.kind() != io.kqlite.pgwire.sql.StatementKind.QUERY) {
      throw new SqlException("0A000", "COPY (query) TO supports SELECT and VALUES only");
    }
    Portal portal = new Portal("", new PreparedQuery("", select, translated, new PgType[0]),
        List.of(), new short[0]);
    List<ResultField> fields = queryFields(portal);
    List<Object[]> rows = portal.result.rows();
    batch.answer(s -> CopyOut.write(s, fields, rows, copy.options()));
  }

  /** True while a COPY FROM STDIN waits for data: copy messages go to this session. */
  public boolean isCopyingIn() {
    return copyIn != null;
  }

  /** CopyData during COPY FROM STDIN (ignored otherwise, as PostgreSQL does). */
  public void copyData(byte[] data) {
    if (copyIn == null) {
      return;
    }
    try {
      copyIn.append(data);
    } catch (SqlException e) {
      copyFailed(e.error());
    }
  }

  /** CopyDone: the data becomes one write, pending like any other until the implicit commit. */
  public void copyDone() {
    CopyIn done = copyIn;
    if (done == null) {
      return;
    }
    try {
      SessionFunctions.runAs(this, () -> {
        Statement bulk = done.finish();
        String tag = "COPY " + done.rows();
        if (done.rows() == 0) {
          batch.answer(s -> s.commandComplete(tag));
        } else if (transaction == null && StagedCopy.needsStaging(done, bulk)) {
          throwIfFailed(flushWrites());
          WriteOutcome outcome = StagedCopy.write(cluster, database, done, bulk);
          lastWriteIndex = Math.max(lastWriteIndex, outcome.logIndex());
          throwIfFailed(outcome.result().error());
          batch.answer(s -> s.commandComplete(tag));
        } else {
          batch.add(new WriteBatch.PendingWrite(bulk, result -> sink.commandComplete(tag)));
        }
      });
    } catch (SqlException e) {
      copyFailed(e.error());
      return;
    }
    copyIn = null;
    if (simpleQueryRest != null) {
      SessionFunctions.runAs(this, this::continueSimpleQuery);
    }
  }

  /** CopyFail: the client gave up; nothing of the COPY is applied. */
  public void copyFail(String message) {
    if (copyIn != null) {
      copyFailed(new SqlError("57014", "COPY from stdin failed: " + message));
    }
  }

  /** A message other than CopyData/CopyDone/CopyFail/Flush/Sync arrived during COPY FROM STDIN. */
  public void copyInterrupted(char messageType) {
    if (copyIn != null) {
      copyFailed(new SqlError("08P01", String.format(
          "unexpected message type 0x%02X during COPY from stdin", (int) messageType)));
    }
  }

  /** Ends COPY mode with an error: the Query ends, or (extended protocol) skip until Sync. */
  private void copyFailed(SqlError error) {
    copyIn = null;
    if (simpleQueryRest != null) {
      endSimpleQuery(error);
    } else {
      fail(error);
      skipUntilSync = true;
    }
  }

  private void answerWrite(Portal portal, StatementResult result, boolean describeRows) {
    TranslatedStatement translated = portal.query.translated();
    if (translated.returnsRows()) {
      List<ResultField> fields = portal.fields != null ? portal.fields
          : ResultWriter.fields(portal.query.describedColumns() != null
              ? portal.query.describedColumns() : result.columns(), translated.sqliteSql(),
              portal::formatOf, this::describeCommitted);
      if (describeRows) {
        sink.rowDescription(fields);
      }
      ResultWriter.rows(sink, fields, result.rows(), 0, result.rows().size());
    }
    sink.commandComplete(translated.commandTag(result.rowsChanged()));
  }

  /** The log index this session's next read must see, per {@code kqlite.read_consistency}. */
  private long readIndex() {
    return cluster.readIndex(ReadConsistency.parse(settings.get("kqlite.read_consistency")),
        lastWriteIndex);
  }

  /** The columns an SQLite query would give on this node's committed data. */
  private List<Column> describeCommitted(String sqliteSql) {
    return cluster.describe(database, sqliteSql, lastWriteIndex);
  }

  private List<Column> describedColumns(PreparedQuery query) {
    if (query.describedColumns() == null) {
      throwIfFailed(flushWrites());
      query.describe(cluster.describe(database, query.translated().sqliteSql(), lastWriteIndex));
    }
    return query.describedColumns();
  }

  private void createDatabase(TranslatedStatement translated) {
    if (transaction != null) {
      throw new SqlException("25001", "CREATE DATABASE cannot run inside a transaction block");
    }
    throwIfFailed(flushWrites());
    if (translated.databaseName().equals(RoleStore.SYSTEM_DATABASE)) {
      throw new SqlException("42501", "permission denied to create database");
    }
    WriteOutcome outcome = cluster.createDatabase(translated.databaseName());
    lastWriteIndex = Math.max(lastWriteIndex, outcome.logIndex());
    throwIfFailed(outcome.result().error());
    batch.answer(s -> s.commandComplete("CREATE DATABASE"));
  }

  /**
   * DROP DATABASE through the log. Refused, as in PostgreSQL, for the session's own database and
   * while other sessions of this node use it (55006); IF EXISTS on a missing one is a notice.
   */
  private void dropDatabase(TranslatedStatement translated) {
    if (transaction != null) {
      throw new SqlException("25001", "DROP DATABASE cannot run inside a transaction block");
    }
    throwIfFailed(flushWrites());
    String name = translated.databaseName();
    if (name.equals(RoleStore.SYSTEM_DATABASE)) {
      throw new SqlException("42501", "must be owner of database " + name);
    }
    if (name.equals(database)) {
      throw new SqlException("55006", "cannot drop the currently open database");
    }
    if (!databaseExists(cluster, name)) {
      if (!translated.ifExists()) {
        throw new SqlException("3D000", "database \"" + name + "\" does not exist");
      }
      answerDropSkipped(name);
      return;
    }
    int others = OpenSessions.count(cluster, name);
    if (others > 0) {
      throw new SqlException(new SqlError("55006", "database \"" + name
          + "\" is being accessed by other users"));
    }
    WriteOutcome outcome = cluster.dropDatabase(name);
    lastWriteIndex = Math.max(lastWriteIndex, outcome.logIndex());
    SqlError error = outcome.result().error();
    if (error != null && error.sqlState().equals("3D000") && translated.ifExists()) {
      // Gone by the time the entry applied (dropped meanwhile, or this replica had not yet
      // applied an earlier drop): the log's order decides, and IF EXISTS makes that a notice.
      answerDropSkipped(name);
      return;
    }
    throwIfFailed(error);
    batch.answer(s -> s.commandComplete("DROP DATABASE"));
  }

  private void answerDropSkipped(String name) {
    batch.answer(s -> {
      s.notice("00000", "database \"" + name + "\" does not exist, skipping");
      s.commandComplete("DROP DATABASE");
    });
  }

  private void set(TranslatedStatement translated) {
    String name = translated.settingName();
    if (name == null) { // RESET ALL
      Map<String, String> changed = settings.resetAll();
      batch.answer(s -> {
        changed.forEach(s::parameterStatus);
        s.commandComplete("RESET");
      });
      return;
    }
    if (name.equalsIgnoreCase("kqlite.read_consistency") && translated.settingValue() != null) {
      ReadConsistency.parse(translated.settingValue()); // refuse a wrong value at SET, as PostgreSQL does
    }
    boolean reported = settings.set(name, translated.settingValue());
    String value = settings.get(name);
    batch.answer(s -> {
      if (reported) {
        s.parameterStatus(SessionSettings.displayName(name), value);
      }
      s.commandComplete(translated.commandTag(0));
    });
  }

  private void show(TranslatedStatement translated, Portal portal, boolean describeRows) {
    List<ResultField> fields = showFields(translated, portal);
    String name = translated.settingName();
    List<Object[]> rows = new ArrayList<>();
    if (name == null) {
      settings.all().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> rows.add(new Object[] {e.getKey(), e.getValue(), ""}));
    } else {
      String value = settings.get(name);
      if (value == null) {
        throw new SqlException("42704", "unrecognized configuration parameter \"" + name + "\"");
      }
      rows.add(new Object[] {value});
    }
    batch.answer(s -> {
      if (describeRows) {
        s.rowDescription(fields);
      }
      ResultWriter.rows(s, fields, rows, 0, rows.size());
      s.commandComplete("SHOW");
    });
  }

  private static List<ResultField> showFields(TranslatedStatement translated, Portal portal) {
    String name = translated.settingName();
    if (name == null) {
      return List.of(new ResultField("name", PgType.TEXT, portal.formatOf(0)),
          new ResultField("setting", PgType.TEXT, portal.formatOf(1)),
          new ResultField("description", PgType.TEXT, portal.formatOf(2)));
    }
    return List.of(new ResultField(name, PgType.TEXT, portal.formatOf(0)));
  }

  private static boolean endsFailedTransaction(TranslatedStatement translated) {
    return translated.detail() instanceof StatementDetail.Transaction control
        && control.op() != StatementDetail.Transaction.Op.BEGIN
        && control.op() != StatementDetail.Transaction.Op.SAVEPOINT
        && control.op() != StatementDetail.Transaction.Op.RELEASE;
  }

  private void transactionControl(TranslatedStatement translated) {
    StatementDetail.Transaction control = (StatementDetail.Transaction) translated.detail();
    String tag = translated.commandTag(0);
    switch (control.op()) {
      case BEGIN -> {
        if (transaction != null) {
          batch.answer(s -> s.warning("25001", "there is already a transaction in progress"));
        } else {
          throwIfFailed(flushWrites()); // autocommit writes before BEGIN commit on their own
          transaction = new Transaction();
        }
        batch.answer(s -> s.commandComplete(tag));
      }
      case COMMIT -> commit(tag);
      case ROLLBACK -> {
        answerPendingWrites();
        if (transaction == null) {
          batch.answer(s -> s.warning("25P01", "there is no transaction in progress"));
        }
        transaction = null;
        batch.answer(s -> s.commandComplete(tag));
      }
      case SAVEPOINT -> {
        requireTransaction("SAVEPOINT");
        throwIfFailed(flushWrites());
        transaction.savepoint(control.savepointName());
        batch.answer(s -> s.commandComplete(tag));
      }
      case RELEASE -> {
        requireTransaction("RELEASE SAVEPOINT");
        throwIfFailed(flushWrites());
        transaction.release(control.savepointName());
        batch.answer(s -> s.commandComplete(tag));
      }
      case ROLLBACK_TO -> {
        requireTransaction("ROLLBACK TO SAVEPOINT");
        answerPendingWrites();
        transaction.rollbackTo(control.savepointName());
        batch.answer(s -> s.commandComplete(tag));
      }
    }
  }

  /**
   * COMMIT: a transaction that wrote becomes one log entry, committed on every replica only if
   * every result still matches what the client saw (else 40001, nothing applied). A read-only
   * transaction of several statements is checked the same way locally: its results must all come
   * from one state of the database.
   */
  private void commit(String tag) {
    if (transaction == null) {
      batch.answer(s -> s.warning("25P01", "there is no transaction in progress"));
      batch.answer(s -> s.commandComplete(tag));
      return;
    }
    SqlError pending = transaction.isFailed() ? null : flushWrites();
    Transaction done = transaction;
    transaction = null;
    if (done.isFailed() || pending != null) {
      throwIfFailed(pending);
      batch.answer(s -> s.commandComplete("ROLLBACK")); // PostgreSQL's answer to COMMIT after an error
      return;
    }
    if (done.hasWrites()) {
      WriteOutcome outcome = cluster.commit(database, done.statements(), done.digests(), done.context());
      lastWriteIndex = Math.max(lastWriteIndex, outcome.logIndex());
      throwIfFailed(outcome.result().error());
    } else if (done.statements().size() > 1) {
      WriteResult check = cluster.speculate(database, done.statements(), done.digests(),
          List.of(), done.context(), lastWriteIndex);
      throwIfFailed(check.error());
    }
    batch.answer(s -> s.commandComplete(tag));
  }

  /**
   * Writes queued before a ROLLBACK still owe the client their answers (it sent them, it waits for
   * them), so they run first; the rollback then throws their effects away with the rest.
   */
  private void answerPendingWrites() {
    if (transaction == null || !transaction.isFailed()) {
      throwIfFailed(flushWrites());
    }
  }

  private void requireTransaction(String statement) {
    if (transaction == null) {
      throw new SqlException("25P01", statement + " can only be used in transaction blocks");
    }
  }

  // ---- pending writes ----

  /**
   * Runs pending writes: outside a transaction they commit as one log entry; inside one they run
   * speculatively and join the transaction's recording. Returns the failing statement's error, or
   * null.
   */
  private SqlError flushWrites() {
    if (batch.isEmpty()) {
      return null;
    }
    if (transaction != null) {
      return speculatePendingWrites();
    }
    WriteOutcome outcome;
    try {
      outcome = cluster.write(database, batch.statements());
    } catch (SqlException e) {
      batch.discard();
      return e.error();
    }
    lastWriteIndex = Math.max(lastWriteIndex, outcome.logIndex());
    return batch.complete(outcome.result());
  }

  private SqlError speculatePendingWrites() {
    List<Statement> pending = batch.statements();
    WriteResult result;
    try {
      result = cluster.speculate(database, transaction.statements(), transaction.digests(),
          pending, transaction.context(), lastWriteIndex);
    } catch (SqlException e) {
      batch.discard();
      return e.error();
    }
    for (int i = 0; i < result.results().size(); i++) {
      transaction.record(pending.get(i), result.results().get(i), true);
    }
    return batch.complete(result);
  }

  private static void throwIfFailed(SqlError error) {
    if (error != null) {
      throw new SqlException(error);
    }
  }

  private static String abbreviate(String sql) {
    String flat = sql.strip().replaceAll("\\s+", " ");
    return flat.length() > 60 ? flat.substring(0, 60) + "…" : flat;
  }
}
