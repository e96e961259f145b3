package io.kqlite.statemachine.store;

import io.kqlite.statemachine.Column;
import io.kqlite.statemachine.CommandParts;
import io.kqlite.statemachine.LocalFunction;
import io.kqlite.statemachine.ParameterRows;
import io.kqlite.statemachine.ReadSetup;
import io.kqlite.statemachine.ResultDigest;
import io.kqlite.statemachine.SqlError;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import io.kqlite.statemachine.WriteCommand;
import io.kqlite.statemachine.WriteResult;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;

/**
 * One SQLite file: a writer connection used only by the apply thread, a connection for running
 * open transactions speculatively (always rolled back), and a small pool of read-only connections
 * for queries (WAL mode lets them read while an entry is applied).
 *
 * <p>The file keeps the index of the last log entry applied to it in table {@code kqlite_applied},
 * updated in the same SQLite transaction as the entry's data: after a crash the file says exactly
 * which entries it holds, so replaying the log applies each entry once.
 */
public final class SqliteDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

  static final String APPLIED_TABLE = "kqlite_applied";
  private static final int MAX_READERS = 8;
  private static final int MAX_ROWS_CHANGED_UNKNOWN = -1;
  private static final int BULK_BATCH_ROWS = 4096;
  /**
   * WAL pages after which a commit copies the log back into the database (SQLite's default is
   * 1000). Rarer checkpoints write a hot page once for many commits: kine inserts applied 20%
   * faster at 10000 (40 MB of WAL at most, per database).
   */
  private static final int WAL_CHECKPOINT_PAGES = 10_000;

  private final String name;
  private final Path file;
  private final Connection writer;
  private final EntryFunctions entryFunctions = new EntryFunctions();
  /** Serializes the apply thread and speculative transactions: SQLite has one writer per file. */
  private final ReentrantLock writeLock = new ReentrantLock();
  private final EntryFunctions speculatorFunctions = new EntryFunctions();
  private Connection speculator;
  private final LinkedBlockingDeque<Connection> idleReaders = new LinkedBlockingDeque<>();
  private final AtomicInteger readerCount = new AtomicInteger();
  private final ReadSetup readSetup;
  /** Per read connection, the schema version its {@link ReadSetup#onSchemaChange()} last saw. */
  private final Map<Connection, Integer> readerSchemaVersions = new ConcurrentHashMap<>();
  /** Per read connection, the clock its {@code now()} reads: fixed at the start of each query. */
  private final Map<Connection, EntryFunctions> readerClocks = new ConcurrentHashMap<>();
  private volatile long appliedIndex;
  private volatile boolean closed;
  /** Declared types of rowid aliases, shared by the writer and the readers. */
  private final RowidAliasTypes.Cache aliasTypes = new RowidAliasTypes.Cache();
  private final StatementCache writerStatements;
  private final Runner applier;

  private SqliteDatabase(String name, Path file, Connection writer, long appliedIndex,
      ReadSetup readSetup) {
    this.name = name;
    this.file = file;
    this.writer = writer;
    this.appliedIndex = appliedIndex;
    this.readSetup = readSetup;
    this.writerStatements = new StatementCache(writer);
    this.applier = new Runner(writer, writerStatements, aliasTypes);
  }

  /**
   * Runs statements on one connection: with a {@link StatementCache} (the apply thread's writer)
   * or preparing each statement afresh (readers, the speculator).
   */
  private record Runner(Connection connection, StatementCache statements,
      RowidAliasTypes.Cache aliasTypes) {

    static Runner uncached(Connection connection, RowidAliasTypes.Cache aliasTypes) {
      return new Runner(connection, null, aliasTypes);
    }

    PreparedStatement prepare(String sql) throws SQLException {
      return statements == null ? connection.prepareStatement(sql) : statements.prepare(sql);
    }

    /** Closes a statement from {@link #prepare} unless the cache keeps it. */
    void done(PreparedStatement prepared) throws SQLException {
      if (statements == null) {
        prepared.close();
      }
    }

    int schemaVersion() throws SQLException {
      return statements == null ? RowidAliasTypes.schemaVersion(connection) : statements.schemaVersion();
    }
  }

  /**
   * SQLite refuses SQL text over 1,000,000 bytes by default ("statement too long"), where
   * PostgreSQL takes any size; psycopg2 inlines parameters, so a bytea of a few megabytes is one
   * long statement. The protocol's message limit and the log entry limit bound it instead.
   */
  static final int MAX_SQL_BYTES = 1_000_000_000;

  /**
   * Opens a connection. The driver's generated-keys support is off: it would run
   * {@code last_insert_rowid()} after every INSERT for a {@code getGeneratedKeys()} nobody here
   * calls (RETURNING gives keys), about a tenth of the apply thread's time on kine's inserts.
   */
  private static Connection connect(Path file, SQLiteConfig config) throws SQLException {
    config.setGetGeneratedKeys(false);
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    connection.unwrap(SQLiteConnection.class).setLimit(SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_BYTES);
    return connection;
  }

  /** Opens (creating if missing) the file; a new file records {@code createdAtIndex}. */
  static SqliteDatabase open(String name, Path file, long createdAtIndex,
      ReadSetup readSetup) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.enableCaseSensitiveLike(true); // PostgreSQL's LIKE is case-sensitive
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // The Raft log is the durable record; a lost SQLite tail is re-applied from it.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    Connection writer = connect(file, config);
    try (var st = writer.createStatement()) {
      st.execute("PRAGMA wal_autocheckpoint = " + WAL_CHECKPOINT_PAGES);
      st.execute("CREATE TABLE IF NOT EXISTS " + APPLIED_TABLE
          + " (id INTEGER PRIMARY KEY CHECK (id = 1), log_index INTEGER NOT NULL)");
      st.execute("INSERT OR IGNORE INTO " + APPLIED_TABLE + " VALUES (1, " + createdAtIndex + ")");
      st.execute(Sequences.CREATE_TABLE);
      st.execute(CommandParts.CREATE_TABLE);
      long applied;
      try (ResultSet rs = st.executeQuery("SELECT log_index FROM " + APPLIED_TABLE)) {
        applied = rs.getLong(1);
      }
      writer.setAutoCommit(false);
      SqliteDatabase database = new SqliteDatabase(name, file, writer, applied, readSetup);
      database.entryFunctions.registerOn(writer);
      register(writer, readSetup.replicatedFunctions());
      return database;
    } catch (SQLException e) {
      writer.close();
      throw e;
    }
  }

  public String name() {
    return name;
  }

  /** Index of the last log entry whose changes this file holds. */
  public long appliedIndex() {
    return appliedIndex;
  }

  /**
   * Applies an entry's commands (one, or several sessions' writes batched together) in one SQLite
   * transaction together with the applied-index update. Each command runs in its own savepoint:
   * a failing statement undoes its own command only, and the failure is that command's result
   * (identical on every replica), not an exception. With expected digests (an explicit
   * transaction), a result that differs from what the client saw also undoes the command, 40001.
   */
  List<WriteResult> apply(long index, List<WriteCommand> commands) {
    writeLock.lock();
    try {
      List<WriteResult> results = applyInSavepoints(commands);
      PreparedStatement update =
          writerStatements.prepare("UPDATE " + APPLIED_TABLE + " SET log_index = ? WHERE id = 1");
      update.setLong(1, index);
      update.executeUpdate();
      writer.commit();
      appliedIndex = index;
      return results;
    } catch (SQLException e) {
      // Not a statement's fault: the file itself failed (disk full, I/O). Replicas must not diverge
      // silently, so the caller stops this node.
      throw new IllegalStateException("cannot apply entry " + index + " to " + file, e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs each command in a savepoint of the writer's open transaction. A few failures end the
   * whole SQLite transaction rather than the statement ({@code INSERT OR ROLLBACK}, a trigger's
   * {@code RAISE(ROLLBACK)}), taking the earlier commands' work with them; then the commands are
   * run again from the start with that one recorded as failed, which every replica does alike.
   */
  private List<WriteResult> applyInSavepoints(List<WriteCommand> commands) throws SQLException {
    Map<Integer, WriteResult> endedTransaction = new HashMap<>();
    restart:
    while (true) {
      List<WriteResult> results = new ArrayList<>(commands.size());
      for (int i = 0; i < commands.size(); i++) {
        WriteCommand command = commands.get(i);
        if (command.kind() == WriteCommand.Kind.ASSEMBLE) {
          // Its parts are deleted whatever becomes of the write, so outside its savepoint.
          StoredParts.Assembled assembled = StoredParts.take(writerStatements, command);
          if (assembled.error() != null) {
            results.add(WriteResult.failed(List.of(), assembled.error()));
            continue;
          }
          command = assembled.command();
        }
        if (endedTransaction.containsKey(i)) {
          results.add(endedTransaction.get(i));
          continue;
        }
        Savepoint savepoint = writer.setSavepoint();
        entryFunctions.startBatch(); // currval/lastval: one command is one session's statements
        WriteResult result = runAll(applier, entryFunctions, command.statements(),
            command.expectedDigests(), command.timestampMicros(), command.randomSeed());
        if (!result.failed()) {
          writer.releaseSavepoint(savepoint);
        } else if (!undo(savepoint)) {
          restartTransaction();
          endedTransaction.put(i, result);
          continue restart;
        }
        results.add(result);
      }
      return results;
    }
  }

  /**
   * Starts the writer's transaction afresh after SQLite ended it by itself: the driver still
   * believes one is open, so a plain {@code rollback()} fails before it would begin a new one.
   */
  private void restartTransaction() throws SQLException {
    forgetSchema();
    try {
      writer.rollback();
    } catch (SQLException alreadyEnded) {
      try (java.sql.Statement begin = writer.createStatement()) {
        begin.execute("BEGIN");
      }
    }
  }

  /** Rolls back to and releases the savepoint; false when the transaction it was in is gone. */
  private boolean undo(Savepoint savepoint) {
    forgetSchema();
    try {
      writer.rollback(savepoint);
      writer.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException gone) {
      return false;
    }
  }

  /**
   * An undone command may have changed the schema: the version number it moved to can come back
   * with another schema, so what was learned under it is dropped.
   */
  private void forgetSchema() {
    writerStatements.clear();
    aliasTypes.clear();
  }

  /**
   * Runs an open transaction's next statements on this replica and throws the work away: replays
   * {@code history} (what the transaction did so far, which must give the same results as before,
   * else 40001), runs {@code next}, and rolls back. The write lock is held for the length of this
   * call only, never across a client round trip.
   *
   * @return the results of {@code next}, up to and including the first failure
   */
  public WriteResult speculate(List<Statement> history, List<Long> historyDigests,
      List<Statement> next, long timestampMicros, long seed) {
    writeLock.lock();
    try {
      Connection connection = speculator();
      refreshIfSchemaChanged(connection);
      speculatorFunctions.startBatch();
      // Its schema changes are always rolled back: what it learns is not shared.
      Runner runner = Runner.uncached(connection, new RowidAliasTypes.Cache());
      try {
        WriteResult replay = runAll(runner, speculatorFunctions, history, historyDigests,
            timestampMicros, seed);
        if (replay.failed()) {
          return WriteResult.failed(List.of(), replay.error());
        }
        deriveUncommittedSchema(connection);
        return runAll(runner, speculatorFunctions, next, List.of(), timestampMicros,
            seed + history.size());
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new SqlException(SqlStates.fromException(e));
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs statements in order in the connection's current transaction. Statement {@code i} sees
   * time {@code timestampMicros} and random seed {@code seed + i}. Stops at the first failure or,
   * when {@code expectedDigests} is given, at the first result that differs (40001). A failure of
   * the file rather than the statement (see {@link SqlStates#isEnvironmental}) is thrown.
   */
  private static WriteResult runAll(Runner runner, EntryFunctions functions,
      List<Statement> statements, List<Long> expectedDigests, long timestampMicros, long seed)
      throws SQLException {
    List<StatementResult> results = new ArrayList<>(statements.size());
    for (int i = 0; i < statements.size(); i++) {
      functions.startEntry(timestampMicros, seed + i);
      StatementResult result;
      try {
        result = execute(runner, statements.get(i));
      } catch (SQLException e) {
        if (SqlStates.isEnvironmental(e)) {
          throw e; // not the statement's result: the caller fails the apply (or the speculation)
        }
        SqlError error = SqlStates.withIndexName(runner.connection(), SqlStates.fromException(e), e);
        return WriteResult.failed(results, expectedDigests.isEmpty() ? error : serializationFailure());
      }
      if (!expectedDigests.isEmpty() && ResultDigest.of(result) != expectedDigests.get(i)) {
        return WriteResult.failed(results, serializationFailure());
      }
      results.add(result);
    }
    return WriteResult.ok(results);
  }

  private static SqlError serializationFailure() {
    return new SqlError("40001", "could not serialize access due to concurrent update");
  }

  private Connection speculator() throws SQLException {
    requireOpen(); // a new connection would create the file of a dropped database again
    if (speculator == null) {
      SQLiteConfig config = new SQLiteConfig();
      config.enableCaseSensitiveLike(true); // PostgreSQL's LIKE is case-sensitive
      config.enforceForeignKeys(true);
      config.setBusyTimeout(10_000);
      Connection connection = connect(file, config);
      connection.setAutoCommit(false);
      try {
        speculatorFunctions.registerOn(connection);
        setUpForReads(connection); // a transaction may read the catalog too
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      speculator = connection;
    }
    return speculator;
  }

  /**
   * After a transaction's own DDL, the speculator's derived TEMP tables are refilled inside the
   * transaction, so its catalog reads see its tables; the rollback that ends every speculation
   * takes the refill away again, back to what {@link #refreshIfSchemaChanged} recorded.
   */
  private void deriveUncommittedSchema(Connection connection) throws SQLException {
    Integer committed = readerSchemaVersions.get(connection);
    if (readSetup.onSchemaChange().isEmpty() || committed == null) {
      return;
    }
    try (var st = connection.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA main.schema_version")) {
        if (rs.getInt(1) == committed) {
          return;
        }
      }
      for (String sql : readSetup.onSchemaChange()) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      LOG.warn("{}: catalog of an open transaction not derived: {}", name, e.getMessage());
    }
  }

  /**
   * Whether the apply thread could run {@code sql}: false when it needs what only read
   * connections have (the front end's catalog tables and functions, see {@link ReadSetup}), or a
   * table that does not exist yet. Decided by preparing it on the applying connection, which
   * runs nothing.
   */
  public boolean replayable(String sql) {
    writeLock.lock();
    try {
      requireOpen();
      writer.prepareStatement(sql).close();
      return true;
    } catch (SQLException e) {
      return false;
    } finally {
      writeLock.unlock();
    }
  }

  /** A consistent copy of this file at {@code target}, taken without blocking writers. */
  void backupTo(Path target) throws IOException {
    Connection reader = borrowReader();
    try (PreparedStatement vacuum = reader.prepareStatement("VACUUM INTO ?")) {
      vacuum.setString(1, target.toString());
      vacuum.execute();
    } catch (SQLException e) {
      throw new IOException("cannot copy " + file + " to " + target, e);
    } finally {
      giveBack(reader);
    }
  }

  /** Runs a read-only statement on a pooled read connection. */
  public StatementResult query(Statement statement) {
    Connection reader = borrowReader();
    try {
      EntryFunctions clock = readerClocks.get(reader);
      if (clock != null) {
        clock.startRead();
      }
      return execute(Runner.uncached(reader, aliasTypes), statement);
    } catch (SQLException e) {
      throw new SqlException(SqlStates.fromException(e));
    } finally {
      giveBack(reader);
    }
  }

  /** Result columns of a statement, learned by preparing it (nothing runs). */
  public List<Column> describe(String sql) {
    Connection reader = borrowReader();
    try (PreparedStatement prepared = reader.prepareStatement(sql)) {
      ResultSetMetaData meta = prepared.getMetaData();
      int count = meta == null ? 0 : meta.getColumnCount();
      List<Column> columns = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        columns.add(new Column(meta.getColumnLabel(i), declaredType(meta, i), table(meta, i)));
      }
      return RowidAliasTypes.resolve(reader, columns, aliasTypes,
          () -> RowidAliasTypes.schemaVersion(reader));
    } catch (SQLException e) {
      throw new SqlException(SqlStates.fromException(e));
    } finally {
      giveBack(reader);
    }
  }

  private static StatementResult execute(Runner runner, Statement statement)
      throws SQLException {
    if (statement.isBulk()) {
      return executeBulk(runner.connection(), statement);
    }
    PreparedStatement prepared = runner.prepare(statement.sql());
    try {
      bind(prepared, statement.parameters());
      if (!prepared.execute()) {
        // SQLite's change count is only meaningful after INSERT/UPDATE/DELETE; after anything else
        // it still holds the last data change on this connection, which differs between the apply
        // and the speculative connection (and would make transaction digests disagree).
        int changed = changesData(statement.sql()) ? prepared.getUpdateCount() : 0;
        return StatementResult.changed(changed == MAX_ROWS_CHANGED_UNKNOWN ? 0 : changed);
      }
      try (ResultSet rs = prepared.getResultSet()) {
        return readRows(rs, runner);
      }
    } finally {
      runner.done(prepared);
    }
  }

  private static final java.util.regex.Pattern DATA_CHANGE = java.util.regex.Pattern.compile(
      "^(?:\\s|--[^\\n]*\\n|/\\*.*?\\*/)*(insert|update|delete|replace|with)\\b",
      java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

  private static boolean changesData(String sql) {
    return DATA_CHANGE.matcher(sql).find();
  }

  /**
   * One prepared statement re-bound for every row: a COPY costs one parse, not one per row. Rows
   * go to SQLite in JDBC batches, which sqlite-jdbc runs in one native call each (half the time of
   * a call per row).
   */
  private static StatementResult executeBulk(Connection connection, Statement statement)
      throws SQLException {
    ParameterRows rows = statement.rows();
    long changed = 0;
    try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
      int expected = prepared.getParameterMetaData().getParameterCount();
      for (int r = 0; r < rows.size(); r++) {
        bind(prepared, rows.row(r), expected);
        prepared.addBatch();
        if ((r + 1) % BULK_BATCH_ROWS == 0 || r + 1 == rows.size()) {
          for (int count : prepared.executeBatch()) {
            changed += Math.max(0, count);
          }
        }
      }
    }
    return StatementResult.changed(changed);
  }

  private static void bind(PreparedStatement prepared, List<Object> parameters)
      throws SQLException {
    bind(prepared, parameters, prepared.getParameterMetaData().getParameterCount());
  }

  private static void bind(PreparedStatement prepared, List<Object> parameters, int expected)
      throws SQLException {
    if (expected > parameters.size()) {
      throw new SqlException(new SqlError("08P01", "statement needs " + expected
          + " parameters, " + parameters.size() + " given"));
    }
    for (int i = 0; i < expected; i++) {
      Object value = parameters.get(i);
      int position = i + 1;
      if (value == null) {
        prepared.setNull(position, java.sql.Types.NULL);
      } else if (value instanceof Long number) {
        prepared.setLong(position, number);
      } else if (value instanceof Double number) {
        prepared.setDouble(position, number);
      } else if (value instanceof String text) {
        prepared.setString(position, text);
      } else if (value instanceof byte[] blob) {
        prepared.setBytes(position, blob);
      } else {
        throw new IllegalArgumentException("not an SQLite value: " + value.getClass());
      }
    }
  }

  private static StatementResult readRows(ResultSet rs, Runner runner) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int count = meta.getColumnCount();
    List<Object[]> rows = new ArrayList<>();
    String[] types = new String[count];
    boolean first = true;
    while (rs.next()) {
      Object[] row = new Object[count];
      for (int i = 0; i < count; i++) {
        Object value = rs.getObject(i + 1);
        row[i] = value instanceof Integer small ? Long.valueOf(small) : value;
      }
      if (first) {
        for (int i = 0; i < count; i++) {
          types[i] = declaredType(meta, i + 1);
        }
        first = false;
      }
      rows.add(row);
    }
    List<Column> columns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String type = types[i] != null ? types[i] : declaredType(meta, i + 1);
      columns.add(new Column(meta.getColumnLabel(i + 1), type, table(meta, i + 1)));
    }
    columns = RowidAliasTypes.resolve(runner.connection(), columns, runner.aliasTypes(),
        runner::schemaVersion);
    return new StatementResult(columns, rows, rows.size());
  }

  /** The declared type, or — for expressions — the storage class SQLite reports, or "". */
  /**
   * The column's declared type. The driver drops a type's modifiers; a numeric's precision and
   * scale are put back ({@code NUMERIC(12,2)}), since its values print at that scale.
   */
  private static String declaredType(ResultSetMetaData meta, int column) throws SQLException {
    String type = meta.getColumnTypeName(column);
    if (type == null) {
      return "";
    }
    if ((type.equalsIgnoreCase("numeric") || type.equalsIgnoreCase("decimal"))
        && meta.getPrecision(column) > 0) {
      return type + "(" + meta.getPrecision(column) + "," + meta.getScale(column) + ")";
    }
    return type;
  }

  private static String table(ResultSetMetaData meta, int column) throws SQLException {
    String table = meta.getTableName(column);
    return table == null ? "" : table;
  }

  /** A read connection whose {@link ReadSetup#onSchemaChange()} ran for the current schema. */
  private Connection borrowReader() {
    Connection reader = pooledReader();
    try {
      refreshIfSchemaChanged(reader);
      return reader;
    } catch (SQLException e) {
      giveBack(reader);
      throw new SqlException(SqlStates.fromException(e));
    }
  }

  private void refreshIfSchemaChanged(Connection reader) throws SQLException {
    if (readSetup.onSchemaChange().isEmpty()) {
      return;
    }
    try (var st = reader.createStatement()) {
      int version;
      try (ResultSet rs = st.executeQuery("PRAGMA main.schema_version")) {
        version = rs.getInt(1);
      }
      Integer seen = readerSchemaVersions.get(reader);
      if (seen != null && seen == version) {
        return;
      }
      // Recorded first: a schema the statements cannot digest (say, a view over a dropped table)
      // must not fail every later query; the derived tables keep their previous content.
      readerSchemaVersions.put(reader, version);
      boolean autoCommit = reader.getAutoCommit(); // the speculator's transactions are the driver's
      if (autoCommit) {
        st.execute("BEGIN");
      }
      try {
        for (String sql : readSetup.onSchemaChange()) {
          st.execute(sql);
        }
        if (autoCommit) {
          st.execute("COMMIT");
        } else {
          reader.commit();
        }
      } catch (SQLException e) {
        if (autoCommit) {
          st.execute("ROLLBACK");
        } else {
          reader.rollback();
        }
        LOG.warn("{}: read connection setup failed for schema version {}: {}", name, version,
            e.getMessage());
      }
    }
  }

  private Connection pooledReader() {
    requireOpen();
    Connection reader = idleReaders.poll();
    if (reader != null) {
      return reader;
    }
    if (readerCount.incrementAndGet() <= MAX_READERS) {
      try {
        return openReader();
      } catch (SQLException e) {
        readerCount.decrementAndGet();
        throw new SqlException(SqlStates.fromException(e));
      }
    }
    readerCount.decrementAndGet();
    try {
      return idleReaders.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SqlException("57014", "canceling statement: interrupted");
    }
  }

  private Connection openReader() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.enableCaseSensitiveLike(true); // PostgreSQL's LIKE is case-sensitive
    config.setReadOnly(true);
    config.setBusyTimeout(10_000);
    Connection reader = connect(file, config);
    EntryFunctions local = new EntryFunctions();
    local.useLocalClock();
    local.registerOn(reader);
    try {
      setUpForReads(reader);
    } catch (SQLException e) {
      reader.close();
      throw e;
    }
    readerClocks.put(reader, local);
    return reader;
  }

  /** Gives a connection what the front end's reads need (functions, TEMP catalog tables). */
  private void setUpForReads(Connection connection) throws SQLException {
    register(connection, readSetup.replicatedFunctions());
    register(connection, readSetup.functions());
    try (var st = connection.createStatement()) {
      for (String sql : readSetup.onOpen()) {
        st.execute(sql);
      }
    }
    if (!connection.getAutoCommit()) {
      connection.commit(); // TEMP objects only: nothing reaches the file
    }
  }

  private static void register(Connection connection, List<LocalFunction> functions)
      throws SQLException {
    for (LocalFunction function : functions) {
      org.sqlite.Function adapter = function.aggregate()
          ? new LocalAggregateAdapter(function) : new LocalFunctionAdapter(function);
      org.sqlite.Function.create(connection, function.name(), adapter, function.argumentCount(), 0);
    }
  }

  @Override
  public void close() {
    closed = true;
    writerStatements.close();
    closeQuietly(writer);
    if (speculator != null) {
      closeQuietly(speculator);
    }
    Connection reader;
    while ((reader = idleReaders.poll()) != null) {
      closeQuietly(reader);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new SqlException("3D000", "database \"" + name + "\" does not exist");
    }
  }

  /** Returns a read connection to the pool, or closes it when the database was closed meanwhile. */
  private void giveBack(Connection reader) {
    idleReaders.push(reader);
    if (closed) {
      Connection idle;
      while ((idle = idleReaders.poll()) != null) {
        closeQuietly(idle);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing: nothing left to protect
    }
  }
}
