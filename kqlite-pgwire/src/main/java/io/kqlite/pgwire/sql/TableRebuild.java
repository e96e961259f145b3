package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.List;

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
    for (int k = w.tokenIndex(open); k < closeToken; k++) {
      create.append(tokens.get(k).text());
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
}
