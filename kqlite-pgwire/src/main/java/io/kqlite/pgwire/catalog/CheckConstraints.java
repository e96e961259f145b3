package io.kqlite.pgwire.catalog;

import static io.kqlite.pgwire.catalog.TokenLists.closing;
import static io.kqlite.pgwire.catalog.TokenLists.elements;
import static io.kqlite.pgwire.catalog.TokenLists.indexOf;
import static io.kqlite.pgwire.catalog.TokenLists.significant;
import static io.kqlite.pgwire.catalog.TokenLists.text;

import io.kqlite.pgwire.sql.SqlLexer;
import io.kqlite.pgwire.sql.SqlLiterals;
import io.kqlite.pgwire.sql.Token;
import io.kqlite.statemachine.store.RowidAliasTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CHECK constraints of a table, read from its CREATE TABLE text (SQLite keeps no other
 * record of them), named as PostgreSQL names them: {@code t_col_check} when the expression uses
 * exactly one column, else {@code t_check}, numbered on collision; explicit names kept.
 */
final class CheckConstraints {

  /** One constraint: its name, its expression text, the attnum of its one column or 0. */
  record Check(String name, String expression, int attnum) {
  }

  private CheckConstraints() {
  }

  /** The checks of {@code createTable} for table {@code table} with columns {@code columns}. */
  static List<Check> of(String table, String createTable) {
    List<Token> tokens = significant(SqlLexer.tokenize(createTable));
    int open = indexOf(tokens, 0, "(");
    if (open < 0) {
      return List.of();
    }
    List<List<Token>> elements = elements(tokens, open);
    List<String> columns = new ArrayList<>();
    for (List<Token> element : elements) {
      if (!element.isEmpty() && !isTableConstraint(element)) {
        columns.add(SqlLiterals.identifierValue(element.get(0)));
      }
    }
    List<Check> checks = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (List<Token> element : elements) {
      for (int i = 0; i < element.size(); i++) {
        if (!element.get(i).isWord("check") || i + 1 >= element.size()
            || !element.get(i + 1).isSymbol("(")) {
          continue;
        }
        int close = closing(element, i + 1);
        List<Token> expression = element.subList(i + 2, close);
        String explicit = i >= 2 && element.get(i - 2).isWord("constraint")
            ? SqlLiterals.identifierValue(element.get(i - 1)) : null;
        if (RowidAliasTypes.isMarker(explicit)) {
          i = close;
          continue;
        }
        Set<Integer> referenced = new LinkedHashSet<>();
        for (Token t : expression) {
          if (t.isName()) {
            int at = columns.indexOf(SqlLiterals.identifierValue(t));
            if (at >= 0) {
              referenced.add(at + 1);
            }
          }
        }
        int attnum = referenced.size() == 1 ? referenced.iterator().next() : 0;
        String name = explicit != null ? explicit
            : unique(table + (attnum > 0 ? "_" + columns.get(attnum - 1) : "") + "_check", used);
        used.add(name);
        checks.add(new Check(name, text(expression), attnum));
        i = close;
      }
    }
    return checks;
  }

  /** The checks as a JSON array of [name, expression, attnum], for json_each. */
  static String json(String table, String createTable) {
    if (table == null || createTable == null) {
      return "[]";
    }
    StringBuilder out = new StringBuilder("[");
    for (Check check : of(table, createTable)) {
      if (out.length() > 1) {
        out.append(',');
      }
      String pair = PgArrays.json(List.of(check.name(), check.expression()));
      out.append(pair, 0, pair.length() - 1).append(',').append(check.attnum()).append(']');
    }
    return out.append(']').toString();
  }

  private static String unique(String name, Set<String> used) {
    if (!used.contains(name)) {
      return name;
    }
    for (int n = 1; ; n++) {
      if (!used.contains(name + n)) {
        return name + n;
      }
    }
  }

  private static boolean isTableConstraint(List<Token> element) {
    Token first = element.get(0);
    for (String word : List.of("constraint", "primary", "unique", "check", "foreign")) {
      if (first.isWord(word)) {
        return true;
      }
    }
    return false;
  }

  /** The comma-separated elements inside the parentheses opened at {@code open}. */
}
