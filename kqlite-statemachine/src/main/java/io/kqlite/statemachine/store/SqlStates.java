package io.kqlite.statemachine.store;

import io.kqlite.statemachine.SqlError;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one place that turns SQLite failures into PostgreSQL SQLSTATEs and PostgreSQL-worded
 * messages, so clients that branch on codes (unique violation, undefined table, …) behave as they
 * do against PostgreSQL.
 */
public final class SqlStates {

  private static final Pattern DETAIL = Pattern.compile("^\\[SQLITE_[A-Z_]+\\][^(]*\\((.*)\\)$", Pattern.DOTALL);
  private static final Pattern NO_TABLE = Pattern.compile("no such table: (?:\\w+\\.)?(.+)");
  private static final Pattern NO_COLUMN = Pattern.compile("no such column: (.+)");
  private static final Pattern EXISTS = Pattern.compile("(?:table|index|view|trigger) (\\S+) already exists");
  private static final Pattern NEAR = Pattern.compile("near \"(.*)\": syntax error");
  private static final Pattern UNIQUE = Pattern.compile("UNIQUE constraint failed: (\\w+)\\.(\\w+)((?:, \\w+\\.\\w+)*)");
  private static final Pattern NOT_NULL = Pattern.compile("NOT NULL constraint failed: (\\w+)\\.(\\w+)");
  /** An error a kqlite SQL function raised with its SQLSTATE (see Sequences). */
  private static final Pattern RAISED = Pattern.compile("SQLSTATE ([0-9A-Z]{5}): (.*)$", Pattern.DOTALL);
  private static final Pattern NO_FUNCTION = Pattern.compile("(?:no such|unknown) function: (\\w+)");

  private SqlStates() {}

  /**
   * Failures of the file or the machine rather than of the statement: the disk is full or failing,
   * the file is corrupt or locked by another process, memory ran out. Another replica runs the same
   * statement without them, so they must never become a statement's result in the log's apply:
   * that replica would go on with different data.
   */
  public static boolean isEnvironmental(SQLException e) {
    if (!(e instanceof SQLiteException s)) {
      return false;
    }
    String name = s.getResultCode().name();
    for (String prefix : ENVIRONMENTAL) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static final List<String> ENVIRONMENTAL = List.of("SQLITE_IOERR", "SQLITE_FULL",
      "SQLITE_CORRUPT", "SQLITE_NOMEM", "SQLITE_CANTOPEN", "SQLITE_NOTADB", "SQLITE_PROTOCOL",
      "SQLITE_BUSY", "SQLITE_NOLFS", "SQLITE_PERM", "SQLITE_READONLY");

  /** Maps any exception from the JDBC driver to an {@link SqlError}. */
  public static SqlError fromException(SQLException e) {
    String text = detail(e.getMessage());
    SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
    String name = code == null ? "" : code.name();
    Matcher m;
    if ((m = RAISED.matcher(text)).find()) {
      return new SqlError(m.group(1), m.group(2));
    }
    if (name.startsWith("SQLITE_CONSTRAINT")) {
      return constraint(name, text);
    }
    if ((m = NO_TABLE.matcher(text)).find()) {
      return new SqlError("42P01", "relation \"" + m.group(1) + "\" does not exist");
    }
    if ((m = NO_COLUMN.matcher(text)).find()) {
      return new SqlError("42703", "column \"" + m.group(1) + "\" does not exist");
    }
    if ((m = EXISTS.matcher(text)).find()) {
      return new SqlError("42P07", "relation \"" + m.group(1) + "\" already exists");
    }
    if ((m = NEAR.matcher(text)).find()) {
      return new SqlError("42601", "syntax error at or near \"" + m.group(1) + "\"");
    }
    if (text.contains("syntax error") || text.contains("incomplete input")) {
      return new SqlError("42601", "syntax error at end of input");
    }
    if ((m = NO_FUNCTION.matcher(text)).find()) {
      return new SqlError("42883", "function " + m.group(1) + " does not exist");
    }
    if (text.contains("ambiguous column name")) {
      return new SqlError("42702", text);
    }
    if (name.startsWith("SQLITE_READONLY") || text.contains("attempt to write a readonly")) {
      return new SqlError("25006", "cannot execute a write statement in a read-only transaction");
    }
    if (name.startsWith("SQLITE_MISMATCH")) {
      return new SqlError("42804", text);
    }
    if (name.startsWith("SQLITE_TOOBIG")) {
      return new SqlError("54000", text);
    }
    if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
      return new SqlError("55P03", text);
    }
    if (name.startsWith("SQLITE_INTERRUPT")) {
      return new SqlError("57014", "canceling statement due to user request");
    }
    if (name.equals("SQLITE_ERROR") || name.equals("SQLITE_RANGE")) {
      return new SqlError("42000", text);
    }
    return new SqlError("XX000", text);
  }

  private static SqlError constraint(String code, String text) {
    Matcher m;
    if ((m = UNIQUE.matcher(text)).find()) {
      String table = m.group(1);
      boolean primaryKey = code.endsWith("PRIMARYKEY");
      String columns = m.group(2) + m.group(3).replaceAll(", \\w+\\.", "_");
      String constraint = primaryKey ? table + "_pkey" : table + "_" + columns + "_key";
      return new SqlError(
          "23505",
          "duplicate key value violates unique constraint \"" + constraint + "\"",
          constraint, table);
    }
    if ((m = NOT_NULL.matcher(text)).find()) {
      return new SqlError(
          "23502",
          "null value in column \"" + m.group(2) + "\" of relation \"" + m.group(1)
              + "\" violates not-null constraint");
    }
    if (code.endsWith("FOREIGNKEY")) {
      return new SqlError("23503", "insert or update violates foreign key constraint");
    }
    if (code.endsWith("CHECK")) {
      return new SqlError("23514", "new row violates check constraint (" + text + ")");
    }
    return new SqlError("23000", text);
  }

  /**
   * PostgreSQL names a unique violation after the index that caught it; SQLite only names the
   * columns. Looks up a unique index of the table on exactly those columns (kine checks for
   * {@code kine_name_prev_revision_uindex}).
   */
  static SqlError withIndexName(java.sql.Connection connection, SqlError error, SQLException e) {
    if (!"23505".equals(error.sqlState()) || error.constraint() == null
        || error.constraint().endsWith("_pkey")) {
      return error;
    }
    Matcher m = UNIQUE.matcher(detail(e.getMessage()));
    if (!m.find()) {
      return error;
    }
    List<String> columns = new ArrayList<>();
    columns.add(m.group(2));
    for (String more : m.group(3).split(",")) {
      if (!more.isBlank()) {
        columns.add(more.substring(more.indexOf('.') + 1).trim());
      }
    }
    try (var indexes = connection.prepareStatement(
        "SELECT name FROM pragma_index_list(?) WHERE \"unique\" = 1 AND name NOT LIKE 'sqlite_autoindex_%'")) {
      indexes.setString(1, error.table());
      try (var rs = indexes.executeQuery()) {
        while (rs.next()) {
          String index = rs.getString(1);
          if (columns.equals(indexColumns(connection, index))) {
            return new SqlError(error.sqlState(),
                "duplicate key value violates unique constraint \"" + index + "\"", index, error.table());
          }
        }
      }
    } catch (SQLException lookupFailed) {
      // keep the column-derived name
    }
    return error;
  }

  private static List<String> indexColumns(java.sql.Connection connection, String index)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (var info = connection.prepareStatement("SELECT name FROM pragma_index_info(?) ORDER BY seqno")) {
      info.setString(1, index);
      try (var rs = info.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }

  /** SQLite's driver wraps the real text as {@code [SQLITE_X] generic words (detail)}. */
  private static String detail(String message) {
    if (message == null) {
      return "";
    }
    Matcher m = DETAIL.matcher(message.trim());
    return m.matches() ? m.group(1) : message;
  }
}
