package io.kqlite.pgwire.sql;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a statement is from its leading keywords: its {@link StatementKind}, its
 * PostgreSQL 15 command tag and whether it returns rows. It looks only at tokens, never at
 * string contents, and parses no more than it must; the real parsing is SQLite's job.
 */
public final class StatementClassifier {

  /** What {@link #classify(Words)} found; {@code rejection} is set when translation must fail. */
  record Classification(StatementKind kind, CommandTag tag, boolean returnsRows, Rejection rejection) {
  }

  /** Why a statement cannot be translated, raised by the translator, not by the classifier. */
  record Rejection(String sqlState, String message) {
    SqlTranslationException toException() {
      return new SqlTranslationException(sqlState, message);
    }
  }

  private static final Classification EMPTY =
      new Classification(StatementKind.EMPTY, CommandTag.NONE, false, null);

  /** Words between CREATE and the object type that do not change the command tag. */
  private static final Set<String> CREATE_MODIFIERS =
      Set.of("global", "local", "temp", "temporary", "unlogged", "unique", "recursive");
  /** Object types spelled with two words, so "CREATE FOREIGN TABLE" is reported whole. */
  private static final Set<String> TWO_WORD_OBJECTS =
      Set.of("foreign", "materialized", "event", "access", "text", "constraint", "operator");
  /** Objects kqlite creates, drops and alters in SQLite. */
  private static final Set<String> SQLITE_OBJECTS = Set.of("table", "index", "view", "trigger");
  private static final Set<String> DISCARD_TARGETS =
      Set.of("all", "plans", "sequences", "temp", "temporary");
  /** Words that can start the main statement after a WITH list. */
  private static final Set<String> MAIN_STATEMENT_WORDS =
      Set.of("select", "values", "table", "insert", "update", "delete", "merge");
  /** Real PostgreSQL commands kqlite does not implement, with the name used in the error. */
  private static final Map<String, String> KNOWN_UNSUPPORTED = Map.ofEntries(
      Map.entry("call", "CALL"), Map.entry("cluster", "CLUSTER"), Map.entry("comment", "COMMENT"),
      Map.entry("declare", "DECLARE"), Map.entry("do", "DO"),
      Map.entry("execute", "EXECUTE"), Map.entry("explain", "EXPLAIN"), Map.entry("fetch", "FETCH"),
      Map.entry("import", "IMPORT FOREIGN SCHEMA"),
      Map.entry("load", "LOAD"), Map.entry("lock", "LOCK"), Map.entry("merge", "MERGE"),
      Map.entry("move", "MOVE"), Map.entry("notify", "NOTIFY"), Map.entry("reassign", "REASSIGN OWNED"),
      Map.entry("refresh", "REFRESH MATERIALIZED VIEW"), Map.entry("reindex", "REINDEX"),
      Map.entry("security", "SECURITY LABEL"));

  private StatementClassifier() {
  }

  /**
   * The kind of the single statement in {@code sql}.
   *
   * @throws SqlTranslationException 42601 for an unterminated string, identifier or comment,
   *                                 or for more than one statement
   */
  public static StatementKind classify(String sql) {
    return classify(Words.of(PgToSqlite.singleStatement(SqlLexer.tokenize(sql)))).kind();
  }

  static Classification classify(Words w) {
    if (w.size() == 0) {
      return EMPTY;
    }
    int i = 0;
    while (w.isSymbol(i, "(")) {
      i++;
    }
    String first = w.word(i);
    if (first == null) {
      return syntaxError(w.get(i));
    }
    switch (first) {
      case "select": return select(w, i);
      case "values": case "table": return query();
      case "with": return with(w, i);
      case "insert": case "replace": return dml(w, i, "INSERT");
      case "update": return dml(w, i, "UPDATE");
      case "delete": return dml(w, i, "DELETE");
      case "create": return create(w, i);
      case "grant": return access("GRANT");
      case "revoke": return access("REVOKE");
      case "copy":
        return new Classification(StatementKind.COPY, CommandTag.counting("COPY"), false, null);
      case "truncate": return write("TRUNCATE TABLE");
      case "drop": return drop(w, i);
      case "alter": return alter(w, i);
      case "begin": return transaction("BEGIN");
      case "start":
        return w.isWord(i + 1, "transaction")
            ? transaction("START TRANSACTION") : syntaxError(w.get(i + 1));
      case "commit": case "end":
        return w.isWord(i + 1, "prepared") ? unsupported("COMMIT PREPARED") : transaction("COMMIT");
      case "rollback":
        return w.isWord(i + 1, "prepared") ? unsupported("ROLLBACK PREPARED") : transaction("ROLLBACK");
      case "abort": return transaction("ROLLBACK");
      case "savepoint": return transaction("SAVEPOINT");
      case "release": return transaction("RELEASE");
      case "prepare":
        return unsupported(w.isWord(i + 1, "transaction") ? "PREPARE TRANSACTION" : "PREPARE");
      case "set":
        return w.isWord(i + 1, "constraints") ? unsupported("SET CONSTRAINTS") : setting("SET");
      case "reset": return setting("RESET");
      case "show": return new Classification(StatementKind.SHOW, CommandTag.of("SHOW"), true, null);
      case "discard": return discard(w, i + 1);
      case "deallocate":
        int target = w.isWord(i + 1, "prepare") ? i + 2 : i + 1;
        return noop(w.isWord(target, "all") ? "DEALLOCATE ALL" : "DEALLOCATE");
      case "listen": return noop("LISTEN");
      case "unlisten": return noop("UNLISTEN");
      case "vacuum": return noop("VACUUM");
      case "analyze": case "analyse": return noop("ANALYZE");
      case "checkpoint": return noop("CHECKPOINT");
      case "close": return w.isWord(i + 1, "all") ? noop("CLOSE CURSOR ALL") : unsupported("CLOSE");
      default:
        String known = KNOWN_UNSUPPORTED.get(first);
        return known != null ? unsupported(known) : syntaxError(w.get(i));
    }
  }

  private static Classification select(Words w, int i) {
    // PostgreSQL's SELECT ... INTO creates a table; SQLite has no such statement.
    if (w.findAtDepth(i + 1, "into") >= 0) {
      return unsupported("SELECT INTO");
    }
    // nextval() and setval() change a sequence: the SELECT goes through the log like a write.
    return changesSequence(w, i + 1)
        ? new Classification(StatementKind.WRITE, CommandTag.counting("SELECT"), true, null) : query();
  }

  private static boolean changesSequence(Words w, int from) {
    for (int k = from; k < w.size(); k++) {
      if ((w.isWord(k, "nextval") || w.isWord(k, "setval")) && w.isSymbol(k + 1, "(")) {
        return true;
      }
    }
    return false;
  }

  private static Classification query() {
    return new Classification(StatementKind.QUERY, CommandTag.counting("SELECT"), true, null);
  }

  private static Classification dml(Words w, int i, String tag) {
    boolean returning = w.findAtDepth(i + 1, "returning") >= 0;
    return new Classification(StatementKind.WRITE, CommandTag.counting(tag), returning, null);
  }

  /** WITH [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (...) [, ...] main-statement. */
  private static Classification with(Words w, int i) {
    int j = w.isWord(i + 1, "recursive") ? i + 2 : i + 1;
    boolean modifying = false;
    while (true) {
      if (!w.isName(j)) {
        return syntaxError(w.get(j));
      }
      j++;
      if (w.isSymbol(j, "(")) {
        j = w.closing(j) + 1;
      }
      if (!w.isWord(j, "as")) {
        return syntaxError(w.get(j));
      }
      j++;
      if (w.isWord(j, "not")) {
        j++;
      }
      if (w.isWord(j, "materialized")) {
        j++;
      }
      if (!w.isSymbol(j, "(")) {
        return syntaxError(w.get(j));
      }
      int close = w.closing(j);
      modifying |= containsDataModification(w, j + 1, close);
      j = close + 1;
      while (j < w.size() && !w.isSymbol(j, ",") && !w.isWordIn(j, MAIN_STATEMENT_WORDS)) {
        j = w.isSymbol(j, "(") ? w.closing(j) + 1 : j + 1; // SEARCH / CYCLE clauses
      }
      if (!w.isSymbol(j, ",")) {
        break;
      }
      j++;
    }
    Classification main = mainOfWith(w, j);
    if (!modifying || main.rejection() != null) {
      return main;
    }
    return new Classification(StatementKind.WRITE, main.tag(), main.returnsRows(), new Rejection(
        SqlTranslationException.FEATURE_NOT_SUPPORTED,
        "data-modifying statements in WITH are not supported"));
  }

  private static Classification mainOfWith(Words w, int j) {
    String word = w.word(j);
    if (word == null) {
      return syntaxError(w.get(j));
    }
    switch (word) {
      case "select": return select(w, j);
      case "values": case "table": return query();
      case "insert": return dml(w, j, "INSERT");
      case "update": return dml(w, j, "UPDATE");
      case "delete": return dml(w, j, "DELETE");
      case "merge": return unsupported("MERGE");
      default: return syntaxError(w.get(j));
    }
  }

  /**
   * True if tokens {@code from..to-1} contain a data-modifying statement. In a WITH query one
   * can only be the whole body of a CTE or the main statement of a nested WITH, so it follows
   * a bracket; that keeps FOR UPDATE, DO UPDATE and columns named "delete" out.
   */
  private static boolean containsDataModification(Words w, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!w.isSymbol(k - 1, "(") && !w.isSymbol(k - 1, ")")) {
        continue;
      }
      if ((w.isWord(k, "insert") || w.isWord(k, "merge")) && w.isWord(k + 1, "into")
          || w.isWord(k, "delete") && w.isWord(k + 1, "from")
          || w.isWord(k, "update") && w.isName(k + 1)) {
        return true;
      }
    }
    return false;
  }

  private static Classification create(Words w, int i) {
    int j = i + 1;
    if (w.isWord(j, "or") && w.isWord(j + 1, "replace")) {
      j += 2;
    }
    while (w.isWordIn(j, CREATE_MODIFIERS)) {
      j++;
    }
    String object = w.word(j);
    if (object == null) {
      return syntaxError(w.get(j));
    }
    if (object.equals("database")) {
      return new Classification(
          StatementKind.CREATE_DATABASE, CommandTag.of("CREATE DATABASE"), false, null);
    }
    if (object.equals("table")) {
      return createTable(w, j);
    }
    if (object.equals("schema") && j == i + 1) {
      return createSchema(w, j + 1);
    }
    if (j == i + 1 && (object.equals("role") || object.equals("user"))) {
      return access("CREATE ROLE");
    }
    if (SQLITE_OBJECTS.contains(object) || object.equals("sequence")) {
      return write("CREATE " + object.toUpperCase(Locale.ROOT));
    }
    return unsupported("CREATE " + objectName(w, j));
  }

  /**
   * kqlite has the one schema {@code public}: {@code CREATE SCHEMA IF NOT EXISTS public} (what
   * migration tools send) succeeds with nothing to do, {@code CREATE SCHEMA public} is
   * PostgreSQL's 42P06, any other schema 0A000.
   */
  private static Classification createSchema(Words w, int k) {
    boolean ifNotExists = w.isWord(k, "if") && w.isWord(k + 1, "not") && w.isWord(k + 2, "exists");
    int name = ifNotExists ? k + 3 : k;
    if (name + 1 == w.size() && w.isName(name) && w.identifier(name).equals("public")) {
      return ifNotExists ? noop("CREATE SCHEMA") : new Classification(StatementKind.UNSUPPORTED,
          CommandTag.of("CREATE SCHEMA"), false, new Rejection("42P06", "schema \"public\" already exists"));
    }
    return unsupported("CREATE SCHEMA");
  }

  /** CREATE TABLE ... AS reports {@code SELECT n} (PostgreSQL 15), or {@code CREATE TABLE AS} WITH NO DATA. */
  private static Classification createTable(Words w, int j) {
    if (w.findAtDepth(j + 1, "as") < 0) {
      return write("CREATE TABLE");
    }
    int n = w.size();
    boolean noData = w.isWord(n - 3, "with") && w.isWord(n - 2, "no") && w.isWord(n - 1, "data");
    CommandTag tag = noData ? CommandTag.of("CREATE TABLE AS") : CommandTag.counting("SELECT");
    return new Classification(StatementKind.WRITE, tag, false, null);
  }

  private static Classification drop(Words w, int i) {
    String object = w.word(i + 1);
    if (object == null) {
      return syntaxError(w.get(i + 1));
    }
    if (object.equals("database")) {
      return new Classification(
          StatementKind.DROP_DATABASE, CommandTag.of("DROP DATABASE"), false, null);
    }
    if (object.equals("role") || object.equals("user")) {
      return access("DROP ROLE");
    }
    if (!SQLITE_OBJECTS.contains(object) && !object.equals("sequence")) {
      return unsupported("DROP " + objectName(w, i + 1));
    }
    // DROP TABLE a, b: SQLite drops one object per statement, see TableStatements.
    return write("DROP " + object.toUpperCase(Locale.ROOT));
  }

  private static Classification alter(Words w, int i) {
    String object = w.word(i + 1);
    if (object == null) {
      return syntaxError(w.get(i + 1));
    }
    if (SQLITE_OBJECTS.contains(object) || object.equals("sequence")) {
      return write("ALTER " + object.toUpperCase(Locale.ROOT));
    }
    if (object.equals("role") || object.equals("user")) {
      return access("ALTER ROLE");
    }
    return unsupported("ALTER " + objectName(w, i + 1));
  }

  private static String objectName(Words w, int j) {
    boolean twoWords = w.isWordIn(j, TWO_WORD_OBJECTS) && w.word(j + 1) != null;
    return w.upperText(j, twoWords ? j + 1 : j);
  }

  private static Classification discard(Words w, int j) {
    String what = w.word(j);
    if (!w.isWordIn(j, DISCARD_TARGETS)) {
      return syntaxError(w.get(j));
    }
    return noop("DISCARD " + (what.equals("temporary") ? "TEMP" : what.toUpperCase(Locale.ROOT)));
  }

  private static Classification write(String tag) {
    return new Classification(StatementKind.WRITE, CommandTag.of(tag), false, null);
  }

  private static Classification access(String tag) {
    return new Classification(StatementKind.ACCESS, CommandTag.of(tag), false, null);
  }

  private static Classification transaction(String tag) {
    return new Classification(StatementKind.TRANSACTION, CommandTag.of(tag), false, null);
  }

  private static Classification setting(String tag) {
    return new Classification(StatementKind.SET, CommandTag.of(tag), false, null);
  }

  private static Classification noop(String tag) {
    return new Classification(StatementKind.UTILITY_NOOP, CommandTag.of(tag), false, null);
  }

  private static Classification unsupported(String command) {
    return new Classification(StatementKind.UNSUPPORTED, CommandTag.of(command), false, new Rejection(
        SqlTranslationException.FEATURE_NOT_SUPPORTED, command + " is not supported"));
  }

  /** Not a statement PostgreSQL knows: PostgreSQL reports a syntax error, so do we. */
  private static Classification syntaxError(Token at) {
    SqlTranslationException e = SqlTranslationException.syntaxErrorAt(at);
    return new Classification(StatementKind.UNSUPPORTED, CommandTag.NONE, false,
        new Rejection(e.sqlState(), e.getMessage()));
  }
}
