package io.kqlite.statemachine.store;

import io.kqlite.statemachine.SqlError;
import java.sql.SQLException;
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
  private static final Pattern UNIQUE = Pattern.compile("UNIQUE constraint failed: (\\w+)\\.(\\w+)(.*)");
  private static final Pattern NOT_NULL = Pattern.compile("NOT NULL constraint failed: (\\w+)\\.(\\w+)");
  private static final Pattern NO_FUNCTION = Pattern.compile("no such function: (\\w+)");

  private SqlStates() {}

  /** Maps any exception from the JDBC driver to an {@link SqlError}. */
  public static SqlError fromException(SQLException e) {
    String text = detail(e.getMessage());
    SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
    String name = code == null ? "" : code.name();
    Matcher m;
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
      String constraint = primaryKey ? table + "_pkey" : table + "_" + m.group(2) + "_key";
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

  /** SQLite's driver wraps the real text as {@code [SQLITE_X] generic words (detail)}. */
  private static String detail(String message) {
    if (message == null) {
      return "";
    }
    Matcher m = DETAIL.matcher(message.trim());
    return m.matches() ? m.group(1) : message;
  }
}
