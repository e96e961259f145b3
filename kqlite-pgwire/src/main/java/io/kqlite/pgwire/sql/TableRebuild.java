package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQLite statements that add a primary key to an existing table, or change its columns'
 * defaults and NOT NULL constraints, which SQLite's ALTER TABLE cannot do: create the table anew with the key, copy the rows, drop the old one, rename the new
 * one, and recreate the indexes and triggers the drop took along (SQLite's documented recipe).
 * The statements must run in one write, so the table is never seen half rebuilt.
 */
public final class TableRebuild {

  private TableRebuild() {
  }

  /**
   * @param table      the table name as stored in {@code sqlite_master}
   * @param createSql  its {@code CREATE TABLE} text from {@code sqlite_master}
   * @param dependents the {@code sql} of its indexes and triggers (auto-indexes have none)
   * @param constraint the key's name, as PostgreSQL names it ({@code table_pkey})
   * @param columns    the key columns
   * @throws SqlTranslationException 42P16 when the table already has a primary key
   */
  public static List<String> addPrimaryKey(String table, String createSql, List<String> dependents,
      String constraint, List<String> columns) {
    List<Token> tokens = SqlLexer.tokenize(createSql);
    Words w = Words.of(tokens);
    int open = columnsBracket(w, "cannot add a primary key to table \"" + table + "\"");
    int close = w.closing(open);
    for (int i = open + 1; i < close; i++) {
      if (w.isWord(i, "primary") && w.isWord(i + 1, "key")) {
        throw new SqlTranslationException("42P16",
            "multiple primary keys for table \"" + table + "\" are not allowed");
      }
    }
    String temporary = "kqlite_rebuild_" + table;
    StringBuilder create = new StringBuilder("CREATE TABLE ")
        .append(SqlLiterals.quoteIdentifier(temporary));
    int closeToken = w.tokenIndex(close);
    Set<Integer> notNullAfter = keyColumnEnds(w, open, close, columns);
    for (int k = w.tokenIndex(open); k < closeToken; k++) {
      create.append(tokens.get(k).text());
      if (notNullAfter.contains(k)) {
        create.append(" NOT NULL");
      }
    }
    create.append(", CONSTRAINT ").append(SqlLiterals.quoteIdentifier(constraint)).append(" PRIMARY KEY (");
    for (int c = 0; c < columns.size(); c++) {
      create.append(c == 0 ? "" : ", ").append(SqlLiterals.quoteIdentifier(columns.get(c)));
    }
    create.append(')');
    for (int k = closeToken; k < tokens.size(); k++) {
      create.append(tokens.get(k).text());
    }
    return rebuild(table, create.toString(), dependents);
  }

  /**
   * The recipe: the new table under a temporary name, its rows copied, the old one replaced. An
   * AUTOINCREMENT table keeps its counter, so ids deleted at the end are not handed out again.
   */
  private static List<String> rebuild(String table, String createTemporary, List<String> dependents) {
    String quoted = SqlLiterals.quoteIdentifier(table);
    List<String> statements = new ArrayList<>();
    statements.add(createTemporary);
    statements.add("INSERT INTO " + SqlLiterals.quoteIdentifier("kqlite_rebuild_" + table)
        + " SELECT * FROM " + quoted);
    if (SqlLexer.tokenize(createTemporary).stream().anyMatch(t -> t.isWord("autoincrement"))) {
      String old = SqlLiterals.quoteString(table);
      String copy = SqlLiterals.quoteString("kqlite_rebuild_" + table);
      statements.add("INSERT INTO sqlite_sequence (name, seq) SELECT " + copy + ", seq FROM"
          + " sqlite_sequence WHERE name = " + old + " AND NOT EXISTS (SELECT 1 FROM sqlite_sequence"
          + " WHERE name = " + copy + ")");
      statements.add("UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT s.seq FROM"
          + " sqlite_sequence s WHERE s.name = " + old + "), 0)) WHERE name = " + copy);
    }
    statements.add("DROP TABLE " + quoted);
    statements.add("ALTER TABLE " + SqlLiterals.quoteIdentifier("kqlite_rebuild_" + table)
        + " RENAME TO " + quoted);
    statements.addAll(dependents);
    return statements;
  }

  /**
   * The statements that change columns' defaults and NOT NULL constraints: the table rebuilt with
   * each column's definition edited ({@code DEFAULT …} replaced or removed, {@code NOT NULL}
   * added or removed).
   *
   * @throws SqlTranslationException 42703 for a column the table does not have
   */
  public static List<String> alterColumns(String table, String createSql, List<String> dependents,
      List<StatementDetail.ColumnChange> changes) {
    List<Token> tokens = SqlLexer.tokenize(createSql);
    Words w = Words.of(tokens);
    int open = columnsBracket(w, "cannot alter the columns of table \"" + table + "\"");
    int close = w.closing(open);
    TokenEdits edits = new TokenEdits(tokens);
    // CREATE TABLE name ( … : the word before the bracket names the table
    edits.replace(w.tokenIndex(open - 1), SqlLiterals.quoteIdentifier("kqlite_rebuild_" + table));
    for (StatementDetail.ColumnChange change : changes) {
      int[] span = columnSpan(w, open, close, change.column());
      if (span == null) {
        throw new SqlTranslationException("42703", "column \"" + change.column()
            + "\" of relation \"" + table + "\" does not exist");
      }
      int last = span[1] - 1; // the definition's last word
      switch (change.action()) {
        case SET_DEFAULT -> {
          removeDefault(w, span, edits);
          edits.insertAfter(w.tokenIndex(last), " DEFAULT (" + change.defaultSql() + ")");
        }
        case DROP_DEFAULT -> removeDefault(w, span, edits);
        case SET_NOT_NULL -> {
          if (!hasNotNull(w, span[0], span[1])) {
            edits.insertAfter(w.tokenIndex(last), " NOT NULL");
          }
        }
        case DROP_NOT_NULL -> {
          for (int i = span[0]; i < span[1] - 1; i++) {
            if (w.isWord(i, "not") && w.isWord(i + 1, "null")) {
              edits.removeWithLeadingSpace(w, i, i + 1);
            }
          }
        }
      }
    }
    return rebuild(table, edits.render(), dependents);
  }

  /** The bracket that opens the column list; 0A000 ({@code what}) for CREATE TABLE … AS. */
  private static int columnsBracket(Words w, String what) {
    for (int i = 0; i < w.size() && !w.isWord(i, "as"); i++) {
      if (w.isSymbol(i, "(")) {
        return i;
      }
    }
    throw SqlTranslationException.featureNotSupported(what + " created with AS");
  }

  /** Words {@code [start, end)} of each column definition (not table constraints), in order. */
  private static List<int[]> columnDefinitions(Words w, int open, int close) {
    List<int[]> columns = new ArrayList<>();
    int start = open + 1;
    int depth = 0;
    for (int i = open + 1; i <= close; i++) {
      if (w.isSymbol(i, "(") && i < close) {
        depth++;
      } else if (w.isSymbol(i, ")") && i < close) {
        depth--;
      } else if (i == close || depth == 0 && w.isSymbol(i, ",")) {
        if (w.isName(start) && !w.isWordIn(start, CONSTRAINT_WORDS) && i > start) {
          columns.add(new int[] {start, i});
        }
        start = i + 1;
      }
    }
    return columns;
  }

  /** Words {@code [start, end)} of the named column's definition, or null. */
  private static int[] columnSpan(Words w, int open, int close, String column) {
    for (int[] span : columnDefinitions(w, open, close)) {
      if (SqlLiterals.identifierValue(w.get(span[0])).equalsIgnoreCase(column)) {
        return span;
      }
    }
    return null;
  }

  /** Removes {@code DEFAULT value} from a column definition: a literal, a signed number, a name or (…). */
  private static void removeDefault(Words w, int[] span, TokenEdits edits) {
    for (int i = span[0] + 1; i < span[1]; i++) {
      if (w.isSymbol(i, "(")) {
        i = w.closing(i);
      } else if (w.isWord(i, "default")) {
        int end = i + 1;
        if (w.isSymbol(end, "+") || w.isSymbol(end, "-")) {
          end++;
        }
        if (w.isSymbol(end, "(")) {
          end = w.closing(end);
        }
        edits.removeWithLeadingSpace(w, i, end);
        return;
      }
    }
  }

  /** Words that start a table constraint rather than a column definition. */
  private static final Set<String> CONSTRAINT_WORDS =
      Set.of("constraint", "primary", "unique", "check", "foreign", "exclude");

  /**
   * The token index ending each key column's definition that lacks NOT NULL: PostgreSQL's primary
   * key implies NOT NULL, SQLite's (on anything but an INTEGER PRIMARY KEY) does not.
   */
  private static Set<Integer> keyColumnEnds(Words w, int open, int close, List<String> columns) {
    Set<Integer> ends = new HashSet<>();
    for (int[] span : columnDefinitions(w, open, close)) {
      if (isKey(SqlLiterals.identifierValue(w.get(span[0])), columns) && !hasNotNull(w, span[0], span[1])) {
        ends.add(w.tokenIndex(span[1] - 1));
      }
    }
    return ends;
  }

  private static boolean isKey(String column, List<String> columns) {
    return columns.stream().anyMatch(column::equalsIgnoreCase);
  }

  private static boolean hasNotNull(Words w, int from, int to) {
    for (int i = from; i < to - 1; i++) {
      if (w.isWord(i, "not") && w.isWord(i + 1, "null")) {
        return true;
      }
    }
    return false;
  }
}
