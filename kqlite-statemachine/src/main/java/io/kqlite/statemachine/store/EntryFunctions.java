package io.kqlite.statemachine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.UUID;
import org.sqlite.Function;

/**
 * SQL functions whose value would differ between replicas if SQLite computed them itself:
 * {@code now()} and its relatives (the translator turns {@code CURRENT_TIMESTAMP} and SQLite's
 * {@code 'now'} into them), {@code random()}, {@code randomblob(n)}, {@code gen_random_uuid()}, and
 * the sequence functions of {@link Sequences}. On the apply
 * connection they read the current log entry's time and seed, so every replica and every replay
 * gets the same values; on read connections they use this node's clock.
 *
 * <p>{@code random()} follows PostgreSQL (a double in [0, 1)), not SQLite (a 64-bit integer),
 * because the statements come from PostgreSQL clients.
 */
final class EntryFunctions {

  private static final DateTimeFormatter TIMESTAMPTZ = utc("yyyy-MM-dd HH:mm:ss.SSSSSSx");
  private static final DateTimeFormatter LOCAL_TIMESTAMP = utc("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter DATE = utc("yyyy-MM-dd");
  private static final DateTimeFormatter TIMETZ = utc("HH:mm:ss.SSSSSSx");
  private static final DateTimeFormatter LOCAL_TIME = utc("HH:mm:ss.SSSSSS");
  /** What SQLite's date functions accept in place of 'now'. */
  private static final DateTimeFormatter SQLITE_NOW = utc("yyyy-MM-dd HH:mm:ss.SSS");

  private static DateTimeFormatter utc(String pattern) {
    return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
  }

  private final Sequences sequences = new Sequences();
  private long timestampMicros;
  private SplittableRandom random = new SplittableRandom();

  /** A new log entry (or speculative run) starts: currval/lastval forget earlier entries. */
  void startBatch() {
    sequences.startEntry();
  }

  /** Fixes time and randomness for the entry's next statement. */
  void startEntry(long timestampMicros, long seed) {
    this.timestampMicros = timestampMicros;
    this.random = new SplittableRandom(seed);
  }

  /** For read connections: the local clock, fresh randomness. */
  void useLocalClock() {
    this.timestampMicros = -1;
  }

  /**
   * A read statement starts: its {@code now()} calls all return this node's time of now, as
   * PostgreSQL's do within a statement ({@code now() = now()} is true); randomness stays fresh.
   */
  void startRead() {
    this.timestampMicros = currentMicros();
  }

  void registerOn(Connection connection) throws SQLException {
    sequences.registerOn(connection);
    for (String name : new String[] {"now", "transaction_timestamp", "statement_timestamp", "clock_timestamp"}) {
      clock(connection, name, TIMESTAMPTZ);
    }
    clock(connection, "kq_localtimestamp", LOCAL_TIMESTAMP);
    clock(connection, "kq_current_date", DATE);
    clock(connection, "kq_current_time", TIMETZ);
    clock(connection, "kq_localtime", LOCAL_TIME);
    clock(connection, "kq_utc_now", SQLITE_NOW);
    Function.create(connection, "random", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        result(random.nextDouble());
      }
    });
    Function.create(connection, "randomblob", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        int length = Math.max(1, value_int(0));
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        result(bytes);
      }
    });
    Function.create(connection, "gen_random_uuid", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        result(new UUID(high, low).toString());
      }
    });
  }

  /** A function returning the entry's time (all kqlite times are UTC) in one format. */
  private void clock(Connection connection, String name, DateTimeFormatter format)
      throws SQLException {
    Function.create(connection, name, new Function() {
      @Override
      protected void xFunc() throws SQLException {
        long micros = timestampMicros >= 0 ? timestampMicros : currentMicros();
        result(format.format(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000)));
      }
    });
  }

  static long currentMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }
}
