package io.kqlite.statemachine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.sqlite.Function;

/**
 * PostgreSQL sequences kept in table {@value #TABLE} of the same SQLite file, changed by SQL
 * functions that run their own statements on the calling connection, inside the transaction of
 * the statement that calls them: a log entry that calls {@code nextval} gives the same value on
 * every replica and on every replay, and a failed entry takes its sequence changes back with it.
 *
 * <p>Functions: {@code nextval(name)}, {@code setval(name, n[, is_called])}, {@code currval(name)},
 * {@code lastval()}, and for DDL {@code kq_create_sequence(…)} and {@code kq_drop_sequence(name,
 * if_exists)}. {@code currval}/{@code lastval} see the values {@code nextval} gave earlier in the
 * same write command (one statement, or one transaction, of one session), else 55000: kqlite keeps no
 * per-session state in the replicated store, so a value from an earlier entry is not remembered.
 * Errors carry their SQLSTATE in the message ({@code SQLSTATE xxxxx: …}) for {@link SqlStates}.
 */
final class Sequences {

  /** sqlite3_value_type() of NULL. */
  private static final int SQLITE_NULL = 5;

  static final String TABLE = "kqlite_sequences";
  static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (name TEXT PRIMARY KEY,"
      + " data_type TEXT NOT NULL, start_value INTEGER NOT NULL, min_value INTEGER NOT NULL,"
      + " max_value INTEGER NOT NULL, increment INTEGER NOT NULL, cache_size INTEGER NOT NULL,"
      + " cycle INTEGER NOT NULL, last_value INTEGER NOT NULL, is_called INTEGER NOT NULL)";

  /** Values nextval gave in the current entry, for currval and lastval. */
  private final Map<String, Long> current = new HashMap<>();
  private Long last;

  /** Forgets currval/lastval: a new log entry (or speculative run) starts. */
  void startEntry() {
    current.clear();
    last = null;
  }

  void registerOn(Connection connection) throws SQLException {
    Function.create(connection, "nextval", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        result(nextval(connection, name(value_text(0))));
      }
    }, 1, 0);
    Function.create(connection, "setval", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        boolean called = args() < 3 || value_int(2) != 0;
        result(setval(connection, name(value_text(0)), value_long(1), called));
      }
    });
    Function.create(connection, "currval", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        String name = name(value_text(0));
        row(connection, name);
        Long value = current.get(name);
        if (value == null) {
          throw failure("55000", "currval of sequence \"" + name + "\" is not yet defined in this session");
        }
        result(value);
      }
    }, 1, 0);
    Function.create(connection, "kq_sequence_exists", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        String name = name(value_text(0));
        if (!implicitSerialSequence(connection, name)) {
          row(connection, name); // 42P01 when there is no such sequence
        }
        result(1);
      }
    }, 1, 0);
    Function.create(connection, "lastval", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        if (last == null) {
          throw failure("55000", "lastval is not yet defined in this session");
        }
        result(last);
      }
    }, 0, 0);
    Function.create(connection, "kq_create_sequence", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        Long[] options = new Long[9];
        for (int i = 3; i < 8; i++) {
          options[i] = value_type(i) == SQLITE_NULL ? null : value_long(i);
        }
        createSequence(connection, value_text(0), value_int(1) != 0, value_text(2), options, value_int(8) != 0);
        result(0);
      }
    }, 9, 0);
    Function.create(connection, "kq_drop_sequence", new Function() {
      @Override
      protected void xFunc() throws SQLException {
        drop(connection, value_text(0), value_int(1) != 0);
        result(0);
      }
    }, 2, 0);
  }

  /**
   * True when {@code name} is {@code table_column_seq} of a serial key: SQLite's AUTOINCREMENT
   * counts for it, and the catalog shows it as a sequence, but it has no row here.
   */
  private static boolean implicitSerialSequence(Connection connection, String name) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM sqlite_schema s,"
        + " pragma_table_info(s.name) p WHERE s.type = 'table' AND s.sql LIKE '%AUTOINCREMENT%'"
        + " AND p.pk = 1 AND s.name || '_' || p.name || '_seq' = ?")) {
      select.setString(1, name);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** A sequence's row: {min, max, increment, cycle, last_value, is_called}. */
  private static long[] row(Connection connection, String name) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT min_value, max_value, increment,"
        + " cycle, last_value, is_called FROM " + TABLE + " WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw failure("42P01", "relation \"" + name + "\" does not exist");
        }
        long[] row = new long[6];
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getLong(i + 1);
        }
        return row;
      }
    }
  }

  private long nextval(Connection connection, String name) throws SQLException {
    long[] row = row(connection, name);
    long min = row[0];
    long max = row[1];
    long increment = row[2];
    long value = row[4];
    if (row[5] != 0) {
      long next;
      try {
        next = Math.addExact(value, increment);
      } catch (ArithmeticException overflow) {
        next = increment > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        next = next == value ? (increment > 0 ? max + 1 : min - 1) : next;
      }
      if (increment > 0 && (next > max || next < value)) {
        if (row[3] == 0) {
          throw failure("2200H", "nextval: reached maximum value of sequence \"" + name + "\" (" + max + ")");
        }
        next = min;
      } else if (increment < 0 && (next < min || next > value)) {
        if (row[3] == 0) {
          throw failure("2200H", "nextval: reached minimum value of sequence \"" + name + "\" (" + min + ")");
        }
        next = max;
      }
      value = next;
    }
    store(connection, name, value, true);
    current.put(name, value);
    last = value;
    return value;
  }

  private static long setval(Connection connection, String name, long value, boolean called)
      throws SQLException {
    long[] row = row(connection, name);
    if (value < row[0] || value > row[1]) {
      throw failure("22003", "setval: value " + value + " is out of bounds for sequence \"" + name
          + "\" (" + row[0] + ".." + row[1] + ")");
    }
    store(connection, name, value, called);
    return value;
  }

  private static void store(Connection connection, String name, long value, boolean called)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE " + TABLE + " SET last_value = ?, is_called = ? WHERE name = ?")) {
      update.setLong(1, value);
      update.setInt(2, called ? 1 : 0);
      update.setString(3, name);
      update.executeUpdate();
    }
  }

  /**
   * Arguments: name, if_not_exists, data type (smallint, integer or bigint), start, increment,
   * min, max, cache, cycle; NULL for an option not given. PostgreSQL's defaults and checks.
   */
  private static void createSequence(Connection connection, String name, boolean ifNotExists, String dataType,
      Long[] f, boolean cycle) throws SQLException {
    String type = dataType == null ? "bigint" : dataType;
    long typeMax = switch (type) {
      case "smallint" -> Short.MAX_VALUE;
      case "integer" -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
    long typeMin = -typeMax - 1;
    long increment = optional(f, 4, 1);
    if (increment == 0) {
      throw failure("22023", "INCREMENT must not be zero");
    }
    long min = optional(f, 5, increment > 0 ? 1 : typeMin);
    long max = optional(f, 6, increment > 0 ? typeMax : -1);
    if (min < typeMin || max > typeMax) {
      throw failure("22023", (min < typeMin ? "MINVALUE (" + min : "MAXVALUE (" + max)
          + ") is out of range for sequence data type " + type);
    }
    if (min >= max) {
      throw failure("22023", "MINVALUE (" + min + ") must be less than MAXVALUE (" + max + ")");
    }
    long start = optional(f, 3, increment > 0 ? min : max);
    if (start < min) {
      throw failure("22023", "START value (" + start + ") cannot be less than MINVALUE (" + min + ")");
    }
    if (start > max) {
      throw failure("22023", "START value (" + start + ") cannot be greater than MAXVALUE (" + max + ")");
    }
    long cache = optional(f, 7, 1);
    if (cache < 1) {
      throw failure("22023", "CACHE (" + cache + ") must be greater than zero");
    }
    if (exists(connection, name)) {
      if (ifNotExists) {
        return;
      }
      throw failure("42P07", "relation \"" + name + "\" already exists");
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
      insert.setString(1, name);
      insert.setString(2, type);
      insert.setLong(3, start);
      insert.setLong(4, min);
      insert.setLong(5, max);
      insert.setLong(6, increment);
      insert.setLong(7, cache);
      insert.setInt(8, cycle ? 1 : 0);
      insert.setLong(9, start);
      insert.executeUpdate();
    }
  }

  private static void drop(Connection connection, String name, boolean ifExists) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ?")) {
      delete.setString(1, name);
      if (delete.executeUpdate() == 0 && !ifExists) {
        throw failure("42P01", "sequence \"" + name + "\" does not exist");
      }
    }
  }

  /** True if a sequence, table, view or index already has this name (one namespace in PostgreSQL). */
  private static boolean exists(Connection connection, String name) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE name = ?1"
        + " UNION ALL SELECT 1 FROM main.sqlite_schema WHERE name = ?1")) {
      select.setString(1, name);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static long optional(Long[] options, int arg, long otherwise) {
    return options[arg] == null ? otherwise : options[arg];
  }

  /** PostgreSQL's reading of a regclass text: {@code s}, {@code public.s}, {@code "S"}. */
  static String name(String text) throws SQLException {
    if (text == null) {
      throw failure("22004", "null value not allowed");
    }
    String name = text.trim();
    if (name.toLowerCase(Locale.ROOT).startsWith("public.")) {
      name = name.substring("public.".length());
    }
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return name.toLowerCase(Locale.ROOT);
  }

  private static SQLException failure(String sqlState, String message) {
    return new SQLException("SQLSTATE " + sqlState + ": " + message);
  }
}
