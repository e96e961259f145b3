import io.kqlite.statemachine.BatchCodec;
import io.kqlite.statemachine.EntryCodec;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.WriteCommand;
import io.kqlite.statemachine.WriteResult;
import io.kqlite.statemachine.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sqlite.SQLiteConfig;

/**
 * The apply path alone, without Raft or the wire: kine's INSERT … RETURNING id applied in entries
 * of N commands by kqlite's store (decode, savepoint per command, run, applied-index update,
 * commit, encode results), against the same SQL through plain sqlite-jdbc with one transaction per
 * entry and the store's WAL settings, the floor any SQLite-backed apply pays. Both on fresh files
 * in the same run.
 */
public final class ApplyThroughput {

  private static final String[] SCHEMA = {
      "CREATE TABLE kine (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT, created INTEGER,"
          + " deleted INTEGER, create_revision INTEGER, prev_revision INTEGER, lease INTEGER,"
          + " value BLOB, old_value BLOB)",
      "CREATE INDEX kine_name_index ON kine (name)",
      "CREATE INDEX kine_name_id_index ON kine (name, id)",
      "CREATE INDEX kine_id_deleted_index ON kine (id, deleted)",
      "CREATE INDEX kine_prev_revision_index ON kine (prev_revision)",
      "CREATE UNIQUE INDEX kine_name_prev_revision_uindex ON kine (name, prev_revision)",
      "CREATE INDEX kine_list_query_index ON kine (name, id DESC, deleted)"};
  private static final String INSERT = "INSERT INTO kine (name, created, deleted, create_revision,"
      + " prev_revision, lease, value, old_value) SELECT ?1, 1, 0, 0, 0, 0, x'6b696e652d76616c7565',"
      + " (SELECT value FROM kine WHERE id = 0) AS old_value RETURNING id";

  public static void main(String[] args) throws Exception {
    int entries = Integer.parseInt(args[0]);
    int perEntry = Integer.parseInt(args[1]);
    Path work = Path.of(args[2]);
    for (int round = 1; round <= 3; round++) {
      double plain = plainSqlite(Files.createTempDirectory(work, "plain"), entries, perEntry);
      double store = kqliteStore(Files.createTempDirectory(work, "store"), entries, perEntry);
      System.out.printf("round %d: plain sqlite-jdbc %.1f µs/command, kqlite store %.1f µs/command,"
          + " ratio %.2f%n", round, plain, store, store / plain);
    }
  }

  private static double plainSqlite(Path dir, int entries, int perEntry) throws Exception {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setGetGeneratedKeys(false);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("postgres.db"),
        config.toProperties())) {
      try (var st = c.createStatement()) {
        st.execute("PRAGMA wal_autocheckpoint = 10000"); // as kqlite's store
        for (String ddl : SCHEMA) {
          st.execute(ddl);
        }
      }
      c.setAutoCommit(false);
      Random random = new Random(1);
      try (PreparedStatement insert = c.prepareStatement(INSERT)) {
        long start = System.nanoTime();
        for (int e = 0; e < entries; e++) {
          for (int i = 0; i < perEntry; i++) {
            insert.setString(1, "/registry/bench/" + i + "/" + random.nextLong());
            try (ResultSet rs = insert.executeQuery()) {
              rs.next();
              rs.getLong(1);
            }
          }
          c.commit();
        }
        return (System.nanoTime() - start) / 1000.0 / entries / perEntry;
      }
    }
  }

  private static double kqliteStore(Path dir, int entries, int perEntry) {
    try (SqliteStore store = new SqliteStore(dir)) {
      long index = 1;
      store.apply(index++, new WriteCommand(WriteCommand.Kind.CREATE_DATABASE, "postgres", List.of(), 0, 0));
      for (String ddl : SCHEMA) {
        store.apply(index++, command(Statement.of(ddl), index));
      }
      Random random = new Random(1);
      long start = System.nanoTime();
      for (int e = 0; e < entries; e++) {
        List<byte[]> commands = new ArrayList<>(perEntry);
        for (int i = 0; i < perEntry; i++) {
          commands.add(EntryCodec.encode(command(
              Statement.of(INSERT, "/registry/bench/" + i + "/" + random.nextLong()), index)));
        }
        List<WriteResult> results = store.apply(index++, BatchCodec.decode(BatchCodec.encode(commands)));
        BatchCodec.encodeResults(results);
      }
      return (System.nanoTime() - start) / 1000.0 / entries / perEntry;
    }
  }

  private static WriteCommand command(Statement statement, long index) {
    return new WriteCommand(WriteCommand.Kind.EXECUTE, "postgres", List.of(statement), 1_000L * index, index);
  }
}
