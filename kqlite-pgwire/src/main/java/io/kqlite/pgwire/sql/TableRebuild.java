package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQLite statements that add a primary key to an existing table, which SQLite's ALTER TABLE
 * cannot do: create the table anew with the key, copy the rows, drop the old one, rename the new
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
    int open = -1;
    for (int i = 0; i < w.size(); i++) {
      if (w.isSymbol(i, "(")) {
        open = i;
        break;
      }
      if (w.isWord(i, "as")) {
        break;
      }
    }
    if (open < 0) {
      throw SqlTranslationException.featureNotSupported(
          "cannot add a primary key to table \"" + table + "\" created with AS");
    }
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
    String quoted = SqlLiterals.quoteIdentifier(table);
    List<String> statements = new ArrayList<>();
    statements.add(create.toString());
    statements.add("INSERT INTO " + SqlLiterals.quoteIdentifier(temporary) + " SELECT * FROM " + quoted);
    statements.add("DROP TABLE " + quoted);
    statements.add("ALTER TABLE " + SqlLiterals.quoteIdentifier(temporary) + " RENAME TO " + quoted);
    statements.addAll(dependents);
    return statements;
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
    int start = open + 1;
    int depth = 0;
    for (int i = open + 1; i <= close; i++) {
      if (w.isSymbol(i, "(") && i < close) {
        depth++;
      } else if (w.isSymbol(i, ")") && i < close) {
        depth--;
      } else if (i == close || depth == 0 && w.isSymbol(i, ",")) {
        boolean isColumn = w.isName(start) && !w.isWordIn(start, CONSTRAINT_WORDS);
        if (isColumn && i > start && isKey(SqlLiterals.identifierValue(w.get(start)), columns)
            && !hasNotNull(w, start, i)) {
          ends.add(w.tokenIndex(i - 1));
        }
        start = i + 1;
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
