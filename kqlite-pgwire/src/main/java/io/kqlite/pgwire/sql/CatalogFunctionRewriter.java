package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the PostgreSQL constructs of catalog queries that SQLite has no syntax for into
 * calls of kqlite's catalog functions and tables (arrays are PostgreSQL array text there):
 *
 * <ul>
 *   <li>{@code pg_get_indexdef(oid, ...)}, {@code pg_get_constraintdef(oid, ...)},
 *       {@code pg_get_viewdef(oid, ...)} → a lookup in the catalog's definition tables;
 *       {@code pg_relation_size(oid)} and kin → the object's pages in SQLite's dbstat.</li>
 *   <li>{@code ARRAY(SELECT x ...)} → the text array {@code {a,b}} of the subquery's values;
 *       {@code ARRAY[a, b]} → {@code kq_array(a, b)}, the same text.</li>
 *   <li>{@code v = ANY(array)} → {@code kq_array_contains(array, v)};
 *       {@code v = ANY(SELECT ...)} → {@code v IN (SELECT ...)}; {@code v <> ALL(…)} → the
 *       negation of either.</li>
 *   <li>{@code a[i]} → {@code kq_array_get(a, i)}.</li>
 *   <li>{@code unnest(a) x} and {@code generate_series(m, n) x} in FROM → a subquery over
 *       {@code json_each}; {@code pg_partition_ancestors(r) WITH ORDINALITY AS a(relid, depth)}
 *       → the one row {@code (r, 1)} (kqlite has no partitions).</li>
 *   <li>{@code string_agg} → {@code group_concat}; {@code json_build_object} and the other JSON
 *       builders and aggregates → SQLite's ({@code json_object}, {@code json_group_array}, …).</li>
 *   <li>pgjdbc's {@code information_schema._pg_expandarray(a)} → a join over the array.</li>
 * </ul>
 */
final class CatalogFunctionRewriter implements TokenRewriter {

  /** Sizes come from SQLite's dbstat: the pages the object's b-trees use in the file. */
  private static final Set<String> SIZE_FUNCTIONS = Set.of(
      "pg_relation_size", "pg_table_size", "pg_total_relation_size");
  private static final Set<String> FROM_STARTS = Set.of("from", "join");
  private static final Set<String> NOT_ALIASES = Set.of("where", "on", "join", "left", "right",
      "inner", "cross", "full", "natural", "order", "group", "limit", "union", "having", "window",
      "using", "offset", "except", "intersect", "with");

  /** PostgreSQL's JSON builders and SQLite's (JSON text either way). */
  private static final Map<String, String> JSON_RENAMES = Map.of(
      "json_build_object", "json_object", "jsonb_build_object", "json_object",
      "json_build_array", "json_array", "jsonb_build_array", "json_array",
      "json_agg", "json_group_array", "jsonb_agg", "json_group_array",
      "json_object_agg", "json_group_object", "jsonb_object_agg", "json_group_object");

  /** What {@code information_schema._pg_expandarray} is called after the name rewrite. */
  private static final String EXPAND_ARRAY = "\"information_schema._pg_expandarray\"";

  @Override
  public String rewrite(List<Token> tokens) {
    Words w = Words.of(tokens);
    TokenEdits edits = new TokenEdits(tokens);
    boolean expandsArrays = false;
    BitSet replaced = null; // words of select-list series calls, rewritten already
    for (int k = 0; k < w.size(); k++) {
      if (replaced != null && replaced.get(k)) {
        continue;
      }
      if (w.get(k).text().equals(EXPAND_ARRAY) && w.isSymbol(k + 1, "(")) {
        k = expandArray(w, k, edits, !expandsArrays);
        expandsArrays = true;
        continue;
      }
      if (expandsArrays && w.isSymbol(k, ")") && w.isSymbol(k + 1, ".") && w.isWord(k + 2, "x")
          && w.isName(k - 1) && w.isSymbol(w.opening(k) + 2, ".")) {
        // (result.keys).x: the expanded element is already a plain value.
        edits.remove(w.tokenIndex(k + 1), w.tokenIndex(k + 2));
        k += 2;
        continue;
      }
      boolean call = w.isSymbol(k + 1, "(") && !w.isSymbol(k - 1, ".");
      if (call && w.isWord(k, "pg_get_indexdef")) {
        lookup(w, k, edits, "(SELECT kq_d.indexdef FROM kq_indexdef kq_d WHERE kq_d.kq_key = ",
            "(SELECT kq_c.name FROM kq_index_column kq_c WHERE kq_c.indexoid = ");
      } else if (call && w.isWord(k, "pg_get_constraintdef")) {
        lookup(w, k, edits, "(SELECT kq_d.condef FROM kq_constraintdef kq_d WHERE kq_d.kq_key = ",
            null);
      } else if (call && w.isWord(k, "pg_get_viewdef")) {
        lookup(w, k, edits, "(SELECT kq_d.definition FROM kq_viewdef kq_d WHERE kq_d.kq_key = ",
            null);
      } else if (call && w.isWordIn(k, SIZE_FUNCTIONS)) {
        boolean withIndexes = w.isWord(k, "pg_total_relation_size");
        if (w.get(k + 2).type() == Token.Type.STRING && w.isSymbol(k + 3, ")")) {
          // pg_total_relation_size('kine'): PostgreSQL casts the name to regclass implicitly
          edits.replace(w.tokenIndex(k + 2), "(SELECT kq_r.oid FROM pg_class kq_r WHERE kq_r.relname = "
              + w.get(k + 2).text() + ")");
        }
        lookup(w, k, edits, "(SELECT coalesce(sum(kq_s.pgsize), 0) FROM kq_storage kq_o"
            + " JOIN dbstat kq_s ON kq_s.name = kq_o.sqlite_name WHERE "
            + (withIndexes ? "kq_o.tbloid = " : "kq_o.kq_key = "), null);
      } else if (call && w.isWord(k, "string_agg")) {
        edits.replace(w.tokenIndex(k), "group_concat");
      } else if (call && w.isWordIn(k, JSON_RENAMES.keySet())) {
        edits.replace(w.tokenIndex(k), JSON_RENAMES.get(w.word(k)));
      } else if (call && w.isWord(k, "array") && w.isWord(k + 2, "select")) {
        int close = w.closing(k + 1);
        edits.replace(w.tokenIndex(k), "(WITH kq_a(kq_v) AS ");
        edits.insertAfter(w.tokenIndex(close),
            " SELECT '{' || coalesce(group_concat(kq_v, ','), '') || '}' FROM kq_a)");
      } else if (w.isWord(k, "array") && w.isSymbol(k + 1, "[")) {
        int close = w.closing(k + 1);
        if (close < w.size()) {
          edits.replace(w.tokenIndex(k), "kq_array");
          edits.replace(w.tokenIndex(k + 1), "(");
          edits.replace(w.tokenIndex(close), ")");
        }
        k++;
      } else if (w.isSymbol(k, "=") && w.isWord(k + 1, "any") && w.isSymbol(k + 2, "(")) {
        anyArray(w, k, edits, false);
      } else if ((w.isSymbol(k, "<>") || w.isSymbol(k, "!=")) && w.isWord(k + 1, "all")
          && w.isSymbol(k + 2, "(")) {
        anyArray(w, k, edits, true);
      } else if (w.isSymbol(k, "[") && !w.isSymbol(k + 1, "]") && w.isName(k - 1)
          && !w.isWord(k - 1, "array") && !w.isSymbol(k - 2, "::")) {
        subscript(w, k, edits);
      } else if (call && w.isWordIn(k - 1, FROM_STARTS) || call && w.isSymbol(k - 1, ",")
          && inFromList(w, k)) {
        fromFunction(w, k, edits);
      } else if (call && w.isWordIn(k, SELECT_LIST_SERIES) && replaced == null
          && (w.isWord(k - 1, "select") || w.isSymbol(k - 1, ",") && inSelectList(w, k))) {
        replaced = selectListSeries(w, k, edits);
      }
    }
    return edits.render();
  }

  /**
   * pgjdbc's {@code information_schema._pg_expandarray(a)}, a set-returning function of
   * {@code (x, n)} rows in a select list: the query level gets a join over {@code json_each} of
   * the array (before its WHERE), {@code (...).x} / {@code (...).n} and the bare call become its
   * value and position. Returns the last index consumed.
   */
  private static int expandArray(Words w, int k, TokenEdits edits, boolean addJoin) {
    int close = w.closing(k + 1);
    if (close >= w.size()) {
      return k;
    }
    String array = w.text(k + 2, close - 1);
    boolean field = w.isSymbol(k - 1, "(") && w.isSymbol(close + 1, ")")
        && w.isSymbol(close + 2, ".") && (w.isWord(close + 3, "x") || w.isWord(close + 3, "n"));
    if (addJoin) {
      int where = w.findAtDepth(field ? close + 4 : close + 1, "where");
      if (where < 0) {
        return close;
      }
      edits.insertBefore(w.tokenIndex(where),
          "CROSS JOIN json_each(kq_array_json(" + array + ")) kq_ea ");
    }
    edits.remove(w.tokenIndex(k), w.tokenIndex(close));
    if (field) {
      edits.remove(w.tokenIndex(k - 1), w.tokenIndex(close + 3));
      edits.replace(w.tokenIndex(k - 1),
          w.isWord(close + 3, "x") ? "kq_ea.value" : "(kq_ea.key + 1)");
      return close + 3;
    }
    edits.replace(w.tokenIndex(k), "kq_ea.value");
    return close;
  }

  /** Set-returning functions over one array that PostgreSQL also runs in a select list. */
  private static final Set<String> SELECT_LIST_SERIES = Set.of("unnest", "generate_subscripts");
  /** Ends a FROM list at its query level. */
  private static final Set<String> AFTER_FROM = Set.of("where", "group", "having", "window",
      "order", "limit", "offset", "union", "except", "intersect", "fetch", "for");

  /**
   * {@code SELECT unnest(a) x, generate_subscripts(a, 1) n FROM t} (SQLAlchemy's primary key
   * reflection, {@code SELECT unnest('{1,2}'::int[])}): one row per element, so the query level
   * gets a join over {@code json_each} of the array, and the calls become its value and position.
   * Every such call of the level must name the same array; otherwise nothing changes (SQLite then
   * says the function does not exist). The array expression is rewritten on its own, since it
   * moves. Returns the words of the calls it replaced, or null.
   */
  private static BitSet selectListSeries(Words w, int k, TokenEdits edits) {
    int select = k;
    while (select >= 0 && !(w.isWord(select, "select") && depthBetween(w, select, k) == 0)) {
      select--;
    }
    int listEnd = select;
    String array = null;
    List<int[]> calls = new ArrayList<>();
    for (int i = select + 1; i < w.size(); i++) {
      if (w.isSymbol(i, "(")) {
        int close = w.closing(i);
        if (w.isWordIn(i - 1, SELECT_LIST_SERIES) && close < w.size()) {
          int comma = topLevelComma(w, i + 1, close);
          String argument = w.text(i + 1, (comma < 0 ? close : comma) - 1);
          if (array != null && !array.equals(argument)) {
            return null;
          }
          array = argument;
          calls.add(new int[] {i - 1, close});
        }
        i = close;
        listEnd = close + 1;
        continue;
      }
      if (w.isSymbol(i, ")") || w.isWord(i, "from") || w.isWordIn(i, AFTER_FROM) || w.isSymbol(i, ";")) {
        listEnd = i;
        break;
      }
      listEnd = i + 1;
    }
    if (array == null) {
      return null;
    }
    String join = "json_each(kq_array_json("
        + new CatalogFunctionRewriter().rewrite(SqlLexer.tokenize(array)) + ")) kq_su";
    if (listEnd < w.size() && w.isWord(listEnd, "from")) {
      int end = listEnd + 1;
      while (end < w.size() && !w.isSymbol(end, ")") && !w.isSymbol(end, ";") && !w.isWordIn(end, AFTER_FROM)) {
        end = w.isSymbol(end, "(") ? w.closing(end) + 1 : end + 1;
      }
      if (end < w.size()) {
        edits.insertBefore(w.tokenIndex(end), " CROSS JOIN " + join + " ");
      } else {
        edits.insertAfter(w.tokenIndex(end - 1), " CROSS JOIN " + join);
      }
    } else if (listEnd < w.size()) {
      edits.insertBefore(w.tokenIndex(listEnd), " FROM " + join + " ");
    } else {
      edits.insertAfter(w.tokenIndex(listEnd - 1), " FROM " + join);
    }
    BitSet replaced = new BitSet();
    for (int[] call : calls) {
      edits.remove(w.tokenIndex(call[0]), w.tokenIndex(call[1]));
      int next = call[1] + 1;
      boolean aliased = w.isWord(next, "as")
          || w.isName(next) && !w.isWord(next, "from") && !w.isWordIn(next, NOT_ALIASES);
      edits.replace(w.tokenIndex(call[0]), (w.isWord(call[0], "unnest") ? "kq_su.value" : "(kq_su.key + 1)")
          + (aliased ? "" : " AS " + w.word(call[0]))); // PostgreSQL names the column after the function
      replaced.set(call[0], call[1] + 1);
    }
    return replaced;
  }

  /** Bracket depth of {@code to} relative to {@code from}. */
  private static int depthBetween(Words w, int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      if (w.isSymbol(i, "(")) {
        depth++;
      } else if (w.isSymbol(i, ")")) {
        depth--;
      }
    }
    return depth;
  }

  /** True if {@code k} is in a select list: a SELECT, not a FROM or WHERE, precedes at depth 0. */
  private static boolean inSelectList(Words w, int k) {
    int depth = 0;
    for (int i = k - 1; i >= 0; i--) {
      if (w.isSymbol(i, ")")) {
        depth++;
      } else if (w.isSymbol(i, "(")) {
        if (--depth < 0) {
          return false;
        }
      } else if (depth == 0 && w.get(i).type() == Token.Type.KEYWORD_OR_IDENT) {
        if (w.isWord(i, "select")) {
          return true;
        }
        if (w.isWord(i, "from") || w.isWordIn(i, AFTER_FROM)) {
          return false;
        }
      }
    }
    return false;
  }

  /** {@code f(oid [, column [, pretty]])} → lookup by oid; column 0 or absent means the whole. */
  private static void lookup(Words w, int k, TokenEdits edits, String whole, String column) {
    int open = k + 1;
    int close = w.closing(open);
    int comma = topLevelComma(w, open + 1, close);
    if (comma < 0) {
      edits.replace(w.tokenIndex(k), whole);
      edits.insertAfter(w.tokenIndex(close), ")");
      return;
    }
    int second = topLevelComma(w, comma + 1, close);
    int secondEnd = second < 0 ? close : second;
    boolean columnZero = secondEnd == comma + 2 && "0".equals(w.get(comma + 1).text());
    if (column == null || columnZero) {
      edits.replace(w.tokenIndex(k), whole);
      edits.remove(w.tokenIndex(comma), w.tokenIndex(close) - 1);
      edits.insertAfter(w.tokenIndex(close), ")");
      return;
    }
    String oid = w.text(open + 1, comma - 1);
    String col = w.text(comma + 1, secondEnd - 1);
    edits.remove(w.tokenIndex(k), w.tokenIndex(close));
    edits.replace(w.tokenIndex(k), "(CASE WHEN (" + col + ") = 0 THEN " + whole + "(" + oid
        + ")) ELSE " + column + "(" + oid + ") AND kq_c.n = (" + col + ")) END)");
  }

  /** {@code v = ANY(…)}, or with {@code none} {@code v <> ALL(…)}: v is (not) among them. */
  private static void anyArray(Words w, int k, TokenEdits edits, boolean none) {
    int open = k + 2;
    int close = w.closing(open);
    if (w.isWord(open + 1, "select")) {
      edits.remove(w.tokenIndex(k), w.tokenIndex(k + 1));
      edits.replace(w.tokenIndex(k), none ? "NOT IN" : "IN");
      return;
    }
    int start = operandStart(w, k - 1);
    if (start < 0) {
      return;
    }
    String left = w.text(start, k - 1);
    edits.remove(w.tokenIndex(start), w.tokenIndex(k + 1));
    edits.replace(w.tokenIndex(start), none ? "NOT kq_array_contains" : "kq_array_contains");
    edits.insertAfter(w.tokenIndex(close), ", " + left + ")");
    edits.insertBefore(w.tokenIndex(open), "(");
  }

  private static void subscript(Words w, int k, TokenEdits edits) {
    int start = operandStart(w, k - 1);
    int close = w.closing(k);
    if (start < 0 || close >= w.size()) {
      return;
    }
    edits.insertBefore(w.tokenIndex(start), "kq_array_get(");
    edits.replace(w.tokenIndex(k), ", ");
    edits.replace(w.tokenIndex(close), ")");
  }

  /** Set-returning functions in FROM, which SQLite only has as json_each. */
  private static void fromFunction(Words w, int k, TokenEdits edits) {
    int close = w.closing(k + 1);
    if (close >= w.size()) {
      return;
    }
    if (w.isWord(k, "pg_partition_ancestors") && w.isWord(close + 1, "with")
        && w.isWord(close + 2, "ordinality") && w.isWord(close + 3, "as")
        && w.isSymbol(close + 5, "(")) {
      int columnsClose = w.closing(close + 5);
      int comma = topLevelComma(w, close + 6, columnsClose);
      if (comma < 0) {
        return;
      }
      String alias = w.get(close + 4).text();
      edits.replace(w.tokenIndex(k), "(SELECT ");
      edits.remove(w.tokenIndex(close + 1), w.tokenIndex(columnsClose));
      edits.replace(w.tokenIndex(close + 1), " AS " + w.text(close + 6, comma - 1) + ", 1 AS "
          + w.text(comma + 1, columnsClose - 1) + ") AS " + alias);
      return;
    }
    String json;
    if (w.isWord(k, "unnest")) {
      json = "kq_array_json";
    } else if (w.isWord(k, "generate_series")) {
      json = "kq_series_json";
    } else {
      return;
    }
    String name = w.word(k);
    int aliasAt = w.isWord(close + 1, "as") ? close + 2 : close + 1;
    boolean hasAlias = w.isName(aliasAt) && !w.isWordIn(aliasAt, NOT_ALIASES);
    String alias = hasAlias ? w.get(aliasAt).text() : name;
    String column = alias;
    if (hasAlias && w.isSymbol(aliasAt + 1, "(") && w.isName(aliasAt + 2)
        && w.isSymbol(aliasAt + 3, ")")) {
      // pos(n): the alias names the table, the list its column.
      column = w.get(aliasAt + 2).text();
      edits.remove(w.tokenIndex(aliasAt + 1), w.tokenIndex(aliasAt + 3));
    }
    edits.replace(w.tokenIndex(k), "(SELECT value AS " + column + " FROM json_each(" + json);
    edits.insertAfter(w.tokenIndex(close), "))" + (hasAlias ? "" : " AS " + name));
  }

  /** True if the {@code ,} before {@code k} separates FROM items (a FROM precedes at depth 0). */
  private static boolean inFromList(Words w, int k) {
    int depth = 0;
    for (int i = k - 1; i >= 0; i--) {
      Token t = w.get(i);
      if (t.isSymbol(")")) {
        depth++;
      } else if (t.isSymbol("(")) {
        if (--depth < 0) {
          return false;
        }
      } else if (depth == 0 && t.type() == Token.Type.KEYWORD_OR_IDENT) {
        String word = w.word(i);
        if (word.equals("from")) {
          return true;
        }
        if (word.equals("select") || word.equals("where")) {
          return false;
        }
      }
    }
    return false;
  }

  /** Start of the operand ending at {@code end}: a literal, or a possibly qualified name. */
  private static int operandStart(Words w, int end) {
    Token t = w.get(end);
    if (t == null) {
      return -1;
    }
    switch (t.type()) {
      case STRING, NUMBER, PARAM:
        return end;
      case KEYWORD_OR_IDENT, QUOTED_IDENT:
        int k = end;
        while (w.isSymbol(k - 1, ".") && w.isName(k - 2)) {
          k -= 2;
        }
        return k;
      default:
        return -1;
    }
  }

  private static int topLevelComma(Words w, int from, int close) {
    for (int i = from; i < close; i++) {
      if (w.isSymbol(i, "(") || w.isSymbol(i, "[")) {
        i = w.closing(i);
      } else if (w.isSymbol(i, ",")) {
        return i;
      }
    }
    return -1;
  }
}
