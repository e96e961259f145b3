package io.kqlite.statemachine.store;

import io.kqlite.statemachine.LocalFunction;
import io.kqlite.statemachine.ReadSetup;
import io.kqlite.statemachine.SqlError;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.WriteCommand;
import io.kqlite.statemachine.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * All databases of one data node: database {@code NAME} is the file {@code NAME.db} in one
 * directory. Applies log entries (in log order, from one thread) and serves local reads.
 *
 * <p>The database {@code postgres} always exists; it is created locally at start, empty, which
 * is the same on every node. Other databases are created only by a log entry.
 */
public final class SqliteStore implements AutoCloseable {

  public static final String DEFAULT_DATABASE = "postgres";
  private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}");

  private final Path directory;
  private final Map<String, SqliteDatabase> open = new ConcurrentHashMap<>();
  private final ReadSetup readSetup;

  public SqliteStore(Path directory) {
    this(directory, List.of());
  }

  /** @param localFunctions registered on read connections only, see {@link LocalFunction} */
  public SqliteStore(Path directory, List<LocalFunction> localFunctions) {
    this(directory, ReadSetup.functions(localFunctions));
  }

  /** @param readSetup how read connections are prepared, see {@link ReadSetup} */
  public SqliteStore(Path directory, ReadSetup readSetup) {
    this.directory = directory;
    this.readSetup = readSetup;
    try {
      Files.createDirectories(directory);
      database(DEFAULT_DATABASE, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Applies one entry; entries this file already holds (a replay after restart) are skipped. */
  public WriteResult apply(long index, WriteCommand command) {
    return apply(index, List.of(command)).get(0);
  }

  /**
   * Applies one entry's commands, in order, and returns their results in the same order. The
   * commands of each database run in one SQLite transaction that also records the entry's index,
   * so a file holds all of an entry's writes or none of them (see {@link SqliteDatabase#apply}).
   */
  public List<WriteResult> apply(long index, List<WriteCommand> commands) {
    if (commands.size() == 1 && commands.get(0).kind() == WriteCommand.Kind.CREATE_DATABASE) {
      return List.of(createDatabase(index, commands.get(0).database()));
    }
    if (commands.size() == 1 && commands.get(0).kind() == WriteCommand.Kind.DROP_DATABASE) {
      return List.of(dropDatabase(commands.get(0).database()));
    }
    WriteResult[] results = new WriteResult[commands.size()];
    Map<String, List<Integer>> positionsByDatabase = new LinkedHashMap<>();
    for (int i = 0; i < commands.size(); i++) {
      positionsByDatabase.computeIfAbsent(commands.get(i).database(), d -> new ArrayList<>()).add(i);
    }
    positionsByDatabase.forEach((name, positions) -> {
      List<WriteResult> applied = execute(index, name, positions.stream().map(commands::get).toList());
      for (int i = 0; i < positions.size(); i++) {
        results[positions.get(i)] = applied.get(i);
      }
    });
    return List.of(results);
  }

  private List<WriteResult> execute(long index, String name, List<WriteCommand> commands) {
    SqliteDatabase database = existing(name);
    if (database == null) {
      WriteResult missing = WriteResult.failed(List.of(), new SqlError("3D000",
          "database \"" + name + "\" does not exist"));
      return Collections.nCopies(commands.size(), missing);
    }
    if (index <= database.appliedIndex()) {
      // replay of an entry the file already holds
      return Collections.nCopies(commands.size(), WriteResult.ok(List.of()));
    }
    return database.apply(index, commands);
  }

  private WriteResult createDatabase(long index, String name) {
    if (!VALID_NAME.matcher(name).matches()) {
      return WriteResult.failed(List.of(), new SqlError("42602",
          "invalid database name \"" + name + "\": use letters, digits, _ . - (at most 63)"));
    }
    SqliteDatabase existing = existing(name);
    if (existing != null) {
      if (index <= existing.appliedIndex()) {
        return WriteResult.ok(List.of()); // replay: this entry created it
      }
      return WriteResult.failed(List.of(), new SqlError("42P04",
          "database \"" + name + "\" already exists"));
    }
    database(name, index);
    return WriteResult.ok(List.of());
  }

  /**
   * Closes the database and deletes its files. A replay finds it gone already and answers 3D000,
   * which nobody waits for. The default database cannot go: every node recreates it at start.
   */
  private synchronized WriteResult dropDatabase(String name) {
    if (name.equals(DEFAULT_DATABASE)) {
      return WriteResult.failed(List.of(), new SqlError("0A000",
          "the database \"" + DEFAULT_DATABASE + "\" cannot be dropped: every node recreates it at start"));
    }
    SqliteDatabase database = existing(name);
    if (database == null) {
      return WriteResult.failed(List.of(), new SqlError("3D000",
          "database \"" + name + "\" does not exist"));
    }
    open.remove(name);
    database.close();
    try {
      for (String suffix : List.of(".db", ".db-wal", ".db-shm")) {
        Files.deleteIfExists(directory.resolve(name + suffix));
      }
    } catch (IOException e) {
      // Replicas must not diverge silently: the caller stops this node.
      throw new UncheckedIOException("cannot delete the files of database " + name, e);
    }
    return WriteResult.ok(List.of());
  }

  /** The open database, or null when no such file exists. */
  public SqliteDatabase existing(String name) {
    SqliteDatabase database = open.get(name);
    if (database != null) {
      return database;
    }
    if (!VALID_NAME.matcher(name).matches()) {
      return null;
    }
    return openIfPresent(name);
  }

  /**
   * Opens a database file found on disk, under the store's lock: a database being dropped (removed
   * from the open set, its files not yet deleted) must not be opened again and kept half-deleted.
   */
  private synchronized SqliteDatabase openIfPresent(String name) {
    SqliteDatabase database = open.get(name);
    if (database != null) {
      return database;
    }
    return Files.exists(fileOf(name)) ? database(name, 0) : null;
  }

  /** The names of the database files in the directory, sorted. */
  public List<String> databaseNames() {
    try (var files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".db"))
          .map(f -> f.substring(0, f.length() - 3))
          .filter(n -> VALID_NAME.matcher(n).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The database for reads; {@code 3D000} when it does not exist. */
  public SqliteDatabase forRead(String name) {
    SqliteDatabase database = existing(name);
    if (database == null) {
      throw new SqlException("3D000", "database \"" + name + "\" does not exist");
    }
    return database;
  }

  private synchronized SqliteDatabase database(String name, long createdAtIndex) {
    return open.computeIfAbsent(name, n -> {
      try {
        return SqliteDatabase.open(n, fileOf(n), createdAtIndex, readSetup);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot open database file " + fileOf(n), e);
      }
    });
  }

  /**
   * Writes a consistent copy of every database into {@code target} ({@code VACUUM INTO} from a
   * read transaction: writers carry on meanwhile). Each copy holds its own applied index.
   */
  public void backupTo(Path target) throws IOException {
    try (var files = Files.list(directory)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".db")).toList()) {
        String name = file.getFileName().toString();
        SqliteDatabase database = existing(name.substring(0, name.length() - 3));
        if (database != null) {
          database.backupTo(target.resolve(name));
        }
      }
    }
  }

  /**
   * Replaces every database with the copies in {@code source} (a snapshot installed from the
   * leader). Open connections are closed; sessions reading at that moment get an error.
   */
  public synchronized void replaceWith(Path source) throws IOException {
    close();
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    try (var files = Files.list(source)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".db")).toList()) {
        Files.copy(file, directory.resolve(file.getFileName()));
      }
    }
    database(DEFAULT_DATABASE, 0);
  }

  private Path fileOf(String name) {
    return directory.resolve(name + ".db");
  }

  @Override
  public void close() {
    open.values().forEach(SqliteDatabase::close);
    open.clear();
  }
}
