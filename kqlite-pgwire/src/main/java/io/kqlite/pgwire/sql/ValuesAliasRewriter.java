package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A VALUES list used as a table whose columns are named, {@code (VALUES (1, 'a'), …) [AS] v (id,
 * name)}, which SQLite cannot name: it becomes {@code (SELECT column1 AS "id", column2 AS "name"
 * FROM (VALUES (1, 'a'), …)) AS v}. SQLite calls VALUES columns {@code column1}, {@code column2}, …
 * as PostgreSQL does, so columns left unnamed keep their names. Bulk updates use this form
 * ({@code UPDATE t SET x = v.x FROM (VALUES …) AS v (id, x) WHERE t.id = v.id}), and so does
 * psql's {@code \gdesc} on such a query.
 */
final class ValuesAliasRewriter implements TokenRewriter {

  /** Words that may follow a parenthesized VALUES but are not a table alias. */
  private static final Set<String> NOT_ALIASES = Set.of(
      "and", "or", "not", "where", "on", "using", "join", "inner", "left", "right", "full", "cross",
      "natural", "union", "except", "intersect", "order", "group", "having", "limit", "offset",
      "window", "returning", "as", "is", "in", "then", "else", "end", "when", "select", "values",
      "set", "from", "into", "do", "for", "fetch");

  @Override
  public String rewrite(List<Token> tokens) {
    Words w = Words.of(tokens);
    TokenEdits edits = new TokenEdits(tokens);
    for (int open = 0; open < w.size(); open++) {
      if (!w.isSymbol(open, "(") || !w.isWord(open + 1, "values") || !w.isSymbol(open + 2, "(")) {
        continue;
      }
      int close = w.closing(open);
      int alias = w.isWord(close + 1, "as") ? close + 2 : close + 1;
      if (!w.isName(alias) || w.isWordIn(alias, NOT_ALIASES) || !w.isSymbol(alias + 1, "(")) {
        continue;
      }
      int listClose = w.closing(alias + 1);
      List<String> names = columnNames(w, alias + 2, listClose);
      if (names == null) {
        continue;
      }
      int width = width(w, open + 2);
      if (names.size() > width) {
        throw new SqlTranslationException("42P10", "table \"" + w.identifier(alias) + "\" has "
            + width + " columns available but " + names.size() + " columns specified");
      }
      StringBuilder select = new StringBuilder("SELECT ");
      for (int c = 0; c < width; c++) {
        select.append(c == 0 ? "" : ", ").append("column").append(c + 1);
        if (c < names.size()) {
          select.append(" AS ").append(SqlLiterals.quoteIdentifier(names.get(c)));
        }
      }
      edits.insertAfter(w.tokenIndex(open), select + " FROM (");
      edits.insertAfter(w.tokenIndex(close), ")");
      edits.removeWithLeadingSpace(w, alias + 1, listClose);
      open = listClose;
    }
    return edits.render();
  }

  /** The names between {@code from} and {@code close}, or null unless they are a name list. */
  private static List<String> columnNames(Words w, int from, int close) {
    List<String> names = new ArrayList<>();
    for (int i = from; i < close; i += 2) {
      if (!w.isName(i) || !(w.isSymbol(i + 1, ",") || i + 1 == close)) {
        return null;
      }
      names.add(w.identifier(i));
    }
    return names.isEmpty() ? null : names;
  }

  /** The number of values in the row whose parenthesis opens at {@code rowOpen}. */
  private static int width(Words w, int rowOpen) {
    int close = w.closing(rowOpen);
    int width = 1;
    for (int i = rowOpen + 1; i < close; i++) {
      if (w.isSymbol(i, "(") || w.isSymbol(i, "[")) {
        i = w.closing(i);
      } else if (w.isSymbol(i, ",")) {
        width++;
      }
    }
    return width;
  }
}
