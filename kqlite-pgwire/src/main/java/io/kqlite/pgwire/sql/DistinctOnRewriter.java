package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's {@code SELECT DISTINCT ON (e…) items FROM … [ORDER BY o…] [LIMIT …]}, which SQLite
 * lacks, becomes a window query that keeps the first row of each group in ORDER BY order:
 *
 * <pre>
 * SELECT kq_c1_ AS "item1", … FROM (
 *   SELECT item1 AS kq_c1_, …, ROW_NUMBER() OVER (PARTITION BY e… ORDER BY o…) AS kq_rn_,
 *          o1 AS kq_o1_, … FROM … WHERE … GROUP BY … HAVING …)
 * WHERE kq_rn_ = 1 ORDER BY kq_o1_, … [LIMIT …]
 * </pre>
 *
 * Bare names and ordinals in {@code ON (…)} and ORDER BY refer to output columns first, as in
 * PostgreSQL, so they are replaced by the item's expression inside the window. Orderings get
 * PostgreSQL's NULL placement (last when ascending, first when descending) spelled out, since the
 * NULL placement decides which row a group keeps. Older kine versions (v0.13–v0.15) list keys this
 * way. {@code *} items, set operations next to the DISTINCT ON select and {@code ORDER BY … USING}
 * are refused with 0A000; ON expressions that do not lead the ORDER BY give PostgreSQL's 42P10.
 */
final class DistinctOnRewriter implements TokenRewriter {

  /** Words that end an expression but cannot be a bare column alias. */
  private static final Set<String> NOT_ALIASES = Set.of(
      "end", "null", "true", "false", "and", "or", "not", "is", "isnull", "notnull", "collate",
      "as", "else", "then", "when", "case", "in", "like", "ilike", "between", "escape", "distinct",
      "from", "unknown", "asc", "desc", "first", "last", "nulls");
  private static final Set<String> ORDER_END = Set.of("limit", "offset", "fetch", "for");
  private static final int MAX_REWRITES = 64;

  /** One select-list item: its expression's significant-token range and its output name. */
  private record Item(int from, int to, String name) {
  }

  /** One ORDER BY item: its expression range and its direction and NULLS placement text. */
  private record Ordering(int from, int to, String direction) {
  }

  @Override
  public String rewrite(List<Token> tokens) {
    String sql = text(tokens, 0, tokens.size() - 1);
    for (int round = 0; round < MAX_REWRITES; round++) {
      List<Token> current = SqlLexer.tokenize(sql);
      Words w = Words.of(current);
      int select = findDistinctOn(w);
      if (select < 0) {
        return sql;
      }
      sql = rewriteOne(current, w, select);
    }
    throw SqlTranslationException.notSupported("more than " + MAX_REWRITES + " DISTINCT ON clauses");
  }

  private static int findDistinctOn(Words w) {
    for (int k = 0; k < w.size(); k++) {
      if (w.isWord(k, "select") && w.isWord(k + 1, "distinct") && w.isWord(k + 2, "on")
          && w.isSymbol(k + 3, "(")) {
        return k;
      }
    }
    return -1;
  }

  private static String rewriteOne(List<Token> tokens, Words w, int select) {
    int onOpen = select + 3;
    int onClose = w.closing(onOpen);
    int end = scopeEnd(w, onClose + 1);
    int from = w.findAtDepth(onClose + 1, "from");
    if (from >= end) {
      from = -1;
    }
    for (String setOperation : List.of("union", "intersect", "except")) {
      int found = w.findAtDepth(onClose + 1, setOperation);
      if (found >= 0 && found < end) {
        throw SqlTranslationException.notSupported("DISTINCT ON next to " + setOperation.toUpperCase(Locale.ROOT));
      }
    }
    int order = findOrderBy(w, onClose + 1, end);
    int tail = findTail(w, order >= 0 ? order + 2 : onClose + 1, end);
    int listEnd = from >= 0 ? from : order >= 0 ? order : tail;
    List<Item> items = items(w, onClose + 1, listEnd - 1);
    List<int[]> on = ranges(w, onOpen + 1, onClose - 1);
    List<Ordering> orderings = new ArrayList<>();
    if (order >= 0) {
      for (int[] range : ranges(w, order + 2, tail - 1)) {
        orderings.add(ordering(w, range[0], range[1]));
      }
    }
    List<String> onTexts = new ArrayList<>();
    for (int[] range : on) {
      onTexts.add(resolve(tokens, w, items, range[0], range[1]));
    }
    checkOnLeadsOrderBy(tokens, w, items, on, orderings);

    StringBuilder inner = new StringBuilder("SELECT ");
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      inner.append(text(tokens, w.tokenIndex(item.from()), w.tokenIndex(item.to())))
          .append(" AS kq_c").append(i + 1).append("_, ");
    }
    inner.append("ROW_NUMBER() OVER (PARTITION BY ").append(String.join(", ", onTexts));
    StringBuilder outerOrder = new StringBuilder();
    StringBuilder orderColumns = new StringBuilder();
    for (int j = 0; j < orderings.size(); j++) {
      Ordering o = orderings.get(j);
      String expression = resolve(tokens, w, items, o.from(), o.to());
      inner.append(j == 0 ? " ORDER BY " : ", ").append(expression).append(o.direction());
      orderColumns.append(", ").append(expression).append(" AS kq_o").append(j + 1).append('_');
      outerOrder.append(j == 0 ? " ORDER BY " : ", ").append("kq_o").append(j + 1).append('_')
          .append(o.direction());
    }
    inner.append(") AS kq_rn_").append(orderColumns);
    int innerEnd = order >= 0 ? order : tail;
    if (from >= 0) {
      inner.append(' ').append(text(tokens, w.tokenIndex(from), w.tokenIndex(innerEnd - 1)));
    }

    StringBuilder outer = new StringBuilder("SELECT ");
    for (int i = 0; i < items.size(); i++) {
      outer.append(i == 0 ? "" : ", ").append("kq_c").append(i + 1).append("_ AS ")
          .append(SqlLiterals.quoteIdentifier(items.get(i).name()));
    }
    outer.append(" FROM (").append(inner).append(") WHERE kq_rn_ = 1").append(outerOrder);
    if (tail < end) {
      outer.append(' ').append(text(tokens, w.tokenIndex(tail), w.tokenIndex(end - 1)));
    }
    return text(tokens, 0, w.tokenIndex(select) - 1) + outer
        + (end < w.size() ? text(tokens, w.tokenIndex(end - 1) + 1, tokens.size() - 1)
            : trailingTrivia(tokens, w));
  }

  /** Index just past the select starting before {@code from}: an unmatched ')' or the end. */
  private static int scopeEnd(Words w, int from) {
    int depth = 0;
    for (int i = from; i < w.size(); i++) {
      if (w.isSymbol(i, "(") || w.isSymbol(i, "[")) {
        depth++;
      } else if ((w.isSymbol(i, ")") || w.isSymbol(i, "]")) && --depth < 0) {
        return i;
      } else if (depth == 0 && w.isSymbol(i, ";")) {
        return i;
      }
    }
    return w.size();
  }

  private static int findOrderBy(Words w, int from, int end) {
    int at = from;
    while (true) {
      int order = w.findAtDepth(at, "order");
      if (order < 0 || order >= end) {
        return -1;
      }
      if (w.isWord(order + 1, "by")) {
        return order;
      }
      at = order + 1;
    }
  }

  /** First LIMIT/OFFSET/FETCH/FOR at depth 0 in [from, end), or {@code end}. */
  private static int findTail(Words w, int from, int end) {
    int depth = 0;
    for (int i = from; i < end; i++) {
      if (w.isSymbol(i, "(") || w.isSymbol(i, "[")) {
        depth++;
      } else if (w.isSymbol(i, ")") || w.isSymbol(i, "]")) {
        depth--;
      } else if (depth == 0 && w.isWordIn(i, ORDER_END)) {
        return i;
      }
    }
    return end;
  }

  /** Comma-separated ranges at depth 0 within [from, to]. */
  private static List<int[]> ranges(Words w, int from, int to) {
    List<int[]> ranges = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (w.isSymbol(i, "(") || w.isSymbol(i, "[")) {
        depth++;
      } else if (w.isSymbol(i, ")") || w.isSymbol(i, "]")) {
        depth--;
      } else if (depth == 0 && w.isSymbol(i, ",")) {
        ranges.add(new int[] {start, i - 1});
        start = i + 1;
      }
    }
    ranges.add(new int[] {start, to});
    for (int[] range : ranges) {
      if (range[1] < range[0]) {
        throw SqlTranslationException.syntaxErrorAt(w.get(range[0]));
      }
    }
    return ranges;
  }

  private static List<Item> items(Words w, int from, int to) {
    List<Item> items = new ArrayList<>();
    for (int[] range : ranges(w, from, to)) {
      int a = range[0];
      int b = range[1];
      if (w.isSymbol(b, "*")) {
        throw SqlTranslationException.notSupported("DISTINCT ON with * in the select list");
      }
      if (b - a >= 2 && w.isWord(b - 1, "as") && w.isName(b)) {
        items.add(new Item(a, b - 2, SqlLiterals.identifierValue(w.get(b))));
      } else if (b > a && isBareAlias(w, b)) {
        items.add(new Item(a, b - 1, SqlLiterals.identifierValue(w.get(b))));
      } else {
        items.add(new Item(a, b, derivedName(w, a, b)));
      }
    }
    return items;
  }

  private static boolean isBareAlias(Words w, int i) {
    Token alias = w.get(i);
    Token before = w.get(i - 1);
    if (!alias.isName() || w.isWordIn(i, NOT_ALIASES)) {
      return false;
    }
    return before.isSymbol(")") || before.type() == Token.Type.STRING
        || before.type() == Token.Type.NUMBER || before.type() == Token.Type.PARAM
        || (before.isName() && !w.isWordIn(i - 1, NOT_ALIASES) && !w.isSymbol(i - 2, "::"));
  }

  /** PostgreSQL's name for an unaliased item: the column name, the function name, or ?column?. */
  private static String derivedName(Words w, int from, int to) {
    if (w.isName(to)) {
      boolean chain = true;
      for (int i = to; i > from; i -= 2) {
        chain &= w.isSymbol(i - 1, ".") && w.isName(i - 2);
      }
      if (chain) {
        return SqlLiterals.identifierValue(w.get(to));
      }
    }
    int name = from;
    while (w.isSymbol(name + 1, ".") && w.isName(name + 2)) {
      name += 2;
    }
    if (w.isName(name) && w.isSymbol(name + 1, "(") && w.closing(name + 1) == to) {
      int as = w.findAtDepth(name + 2, "as");
      if (name == from && w.isWord(name, "cast") && as > name + 2 && as < to) {
        String inner = derivedName(w, name + 2, as - 1);
        return inner.equals("?column?") ? SqlLiterals.identifierValue(w.get(as + 1)) : inner;
      }
      return SqlLiterals.identifierValue(w.get(name));
    }
    return "?column?";
  }

  private static Ordering ordering(Words w, int from, int to) {
    int end = to;
    String nulls = null;
    if (w.isWord(end - 1, "nulls") && (w.isWord(end, "first") || w.isWord(end, "last"))) {
      nulls = " NULLS " + w.word(end).toUpperCase(Locale.ROOT);
      end -= 2;
    }
    boolean descending = false;
    if (w.isWord(end, "desc") || w.isWord(end, "asc")) {
      descending = w.isWord(end, "desc");
      end--;
    }
    for (int i = from; i <= end; i++) {
      if (w.isWord(i, "using")) {
        throw SqlTranslationException.notSupported("ORDER BY … USING with DISTINCT ON");
      }
    }
    if (end < from) {
      throw SqlTranslationException.syntaxErrorAt(w.get(from));
    }
    if (nulls == null) {
      nulls = descending ? " NULLS FIRST" : " NULLS LAST";
    }
    return new Ordering(from, end, (descending ? " DESC" : " ASC") + nulls);
  }

  /** The expression text for a DISTINCT ON or ORDER BY entry: output names and ordinals resolved. */
  private static String resolve(List<Token> tokens, Words w, List<Item> items, int from, int to) {
    if (from == to && w.get(from).type() == Token.Type.NUMBER && w.get(from).text().matches("\\d+")) {
      int ordinal = Integer.parseInt(w.get(from).text());
      if (ordinal < 1 || ordinal > items.size()) {
        throw new SqlTranslationException("42P10",
            "ORDER BY position " + ordinal + " is not in select list");
      }
      Item item = items.get(ordinal - 1);
      return text(tokens, w.tokenIndex(item.from()), w.tokenIndex(item.to()));
    }
    if (from == to && w.isName(from)) {
      String name = SqlLiterals.identifierValue(w.get(from));
      for (Item item : items) {
        if (item.name().equals(name)) {
          return "(" + text(tokens, w.tokenIndex(item.from()), w.tokenIndex(item.to())) + ")";
        }
      }
    }
    return text(tokens, w.tokenIndex(from), w.tokenIndex(to));
  }

  /** PostgreSQL: the DISTINCT ON expressions must match the leftmost ORDER BY expressions. */
  private static void checkOnLeadsOrderBy(List<Token> tokens, Words w, List<Item> items,
      List<int[]> on, List<Ordering> orderings) {
    if (orderings.isEmpty()) {
      return;
    }
    List<String> onKeys = new ArrayList<>();
    for (int[] range : on) {
      onKeys.add(key(resolve(tokens, w, items, range[0], range[1])));
    }
    List<String> remaining = new ArrayList<>(onKeys);
    for (Ordering o : orderings) {
      if (remaining.isEmpty()) {
        return;
      }
      String key = key(resolve(tokens, w, items, o.from(), o.to()));
      if (!remaining.remove(key) && !onKeys.contains(key)) {
        throw new SqlTranslationException("42P10",
            "SELECT DISTINCT ON expressions must match initial ORDER BY expressions");
      }
    }
  }

  /** Comparison key of an expression: significant tokens, names folded, outer parentheses off. */
  private static String key(String expression) {
    StringBuilder out = new StringBuilder();
    for (Token t : SqlLexer.tokenize(expression)) {
      if (!t.isTrivia()) {
        out.append(t.isName() ? SqlLiterals.identifierValue(t) : t.text()).append(' ');
      }
    }
    String key = out.toString().trim();
    while (key.startsWith("( ") && key.endsWith(" )")) {
      key = key.substring(2, key.length() - 2).trim();
    }
    // A qualified column matches its bare name (kine: ON (name) … ORDER BY kv.name).
    return key.matches("[^ ]+( \\. [^ ]+)+") ? key.substring(key.lastIndexOf(' ') + 1) : key;
  }

  private static String trailingTrivia(List<Token> tokens, Words w) {
    int last = w.size() == 0 ? -1 : w.tokenIndex(w.size() - 1);
    return text(tokens, last + 1, tokens.size() - 1);
  }

  private static String text(List<Token> tokens, int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int i = Math.max(0, from); i <= to && i < tokens.size(); i++) {
      out.append(tokens.get(i).text());
    }
    return out.toString();
  }
}
