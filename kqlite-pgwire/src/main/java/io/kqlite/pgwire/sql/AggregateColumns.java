package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Select-list items that are {@code min}, {@code max}, {@code sum}, {@code avg} or
 * {@code coalesce} of one column ({@code max(created_at)}, {@code sum(o.amount) AS total}):
 * PostgreSQL types them from the column (a date, a numeric), while SQLite reports only the
 * storage class of the value (text, real). Finding the column's type is left to SQLite: the
 * {@link #probe} selects the arguments from the same FROM clause.
 */
public record AggregateColumns(List<Item> items, String probe) {

  /** Item {@code position} (from 0) is {@code function(argument)}. */
  public record Item(int position, String function, String argument) {}

  private static final Set<String> FUNCTIONS = Set.of("min", "max", "sum", "avg", "coalesce");
  private static final Set<String> FROM_ENDS = Set.of("where", "group", "having", "window",
      "order", "limit", "offset", "union", "intersect", "except", "fetch", "for", "returning");

  static final AggregateColumns NONE = new AggregateColumns(List.of(), null);

  static AggregateColumns of(Words w) {
    int start = BooleanColumns.listStart(w);
    if (start < 0 || start > 0 && !w.isWord(start - 1, "select") && !w.isWord(start - 1, "all")) {
      return NONE; // RETURNING, DISTINCT ON: not worth the probe
    }
    List<Item> items = new ArrayList<>();
    int k = start;
    for (int item = 0; k < w.size(); item++) {
      int end = itemEnd(w, k);
      if (end == k || w.isSymbol(k, "*")) {
        return NONE; // the items after a * are not known by position
      }
      Item aggregate = aggregate(w, k, end, item);
      if (aggregate != null) {
        items.add(aggregate);
      }
      k = end;
      if (!w.isSymbol(k, ",")) {
        break;
      }
      k++;
    }
    if (items.isEmpty() || !w.isWord(k, "from")) {
      return NONE;
    }
    int fromEnd = k + 1;
    while (fromEnd < w.size() && !w.isSymbol(fromEnd, ")") && !w.isSymbol(fromEnd, ";")
        && !w.isWordIn(fromEnd, FROM_ENDS)) {
      fromEnd = w.isSymbol(fromEnd, "(") ? w.closing(fromEnd) + 1 : fromEnd + 1;
    }
    StringBuilder probe = new StringBuilder("SELECT ");
    for (int i = 0; i < items.size(); i++) {
      probe.append(i == 0 ? "" : ", ").append(items.get(i).argument());
    }
    probe.append(' ').append(text(w, k, fromEnd)).append(" LIMIT 0");
    return new AggregateColumns(List.copyOf(items), probe.toString());
  }

  /** {@code f(column)} or {@code f(t.column)}, optionally aliased, spanning {@code [k, end)}. */
  private static Item aggregate(Words w, int k, int end, int item) {
    if (!w.isWordIn(k, FUNCTIONS) || !w.isSymbol(k + 1, "(") || !w.isName(k + 2)) {
      return null;
    }
    int argumentEnd = k + 3;
    if (w.isSymbol(argumentEnd, ".") && w.isName(argumentEnd + 1)) {
      argumentEnd += 2;
    }
    boolean coalesce = w.isWord(k, "coalesce");
    if (!w.isSymbol(argumentEnd, ")") && !(coalesce && w.isSymbol(argumentEnd, ","))) {
      return null;
    }
    int close = w.closing(k + 1);
    int after = close + 1;
    if (w.isWord(after, "as")) {
      after += 2;
    } else if (after < end && w.isName(after)) {
      after += 1;
    }
    if (after != end) {
      return null; // max(x) + 1, max(x) FILTER (...), max(x) OVER (...): something else
    }
    return new Item(item, w.word(k), text(w, k + 2, argumentEnd));
  }

  /** The index of the comma or list end after the item starting at {@code k}. */
  private static int itemEnd(Words w, int k) {
    int i = k;
    while (i < w.size() && !w.isSymbol(i, ",") && !w.isSymbol(i, ")") && !w.isSymbol(i, ";")
        && !w.isWord(i, "from") && !w.isWordIn(i, FROM_ENDS)) {
      i = w.isSymbol(i, "(") ? w.closing(i) + 1 : i + 1;
    }
    return i;
  }

  private static String text(Words w, int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < to; i++) {
      text.append(i == from ? "" : " ").append(w.get(i).text());
    }
    return text.toString();
  }
}
