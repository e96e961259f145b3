package io.kqlite.pgwire.sql;

import java.util.BitSet;
import java.util.Set;

/**
 * Which select-list (or RETURNING) items are a bare {@code count(…)}, optionally aliased: PostgreSQL
 * types them bigint, while SQLite reports no declared type for an expression, which would make
 * them text (asyncpg then hands the application a string).
 */
public final class CountColumns {

  /** Words that end a select list. */
  private static final Set<String> LIST_ENDS = Set.of("from", "where", "group", "having",
      "window", "order", "limit", "offset", "union", "intersect", "except", "into", "fetch", "for",
      "returning");

  private CountColumns() {
  }

  /** Positions (from 0) of the {@code count(…)} items of {@code sql}'s first select list. */
  public static BitSet of(String sql) {
    return of(Words.of(SqlLexer.tokenize(sql)));
  }

  static BitSet of(Words w) {
    BitSet counts = new BitSet();
    int k = BooleanColumns.listStart(w);
    if (k < 0) {
      return counts;
    }
    for (int item = 0; k < w.size(); item++) {
      if (w.isSymbol(k, "*")) {
        return counts; // the items after it are not known by position
      }
      int next = k;
      if (w.isWord(k, "count") && w.isSymbol(k + 1, "(")) {
        next = w.closing(k + 1) + 1;
        if (w.isWord(next, "as")) {
          next += 2;
        } else if (w.isName(next) && !w.isWord(next, "from")) {
          next += 1;
        }
        if (next >= w.size() || w.isSymbol(next, ",") || w.isWord(next, "from")
            || w.isSymbol(next, ";")) {
          counts.set(item);
        }
      }
      next = endOfItem(w, next);
      if (next >= w.size() || !w.isSymbol(next, ",")) {
        return counts;
      }
      k = next + 1;
    }
    return counts;
  }

  /** The index of the comma (or list end) that ends the select-list item containing {@code k}. */
  static int endOfItem(Words w, int k) {
    int depth = 0;
    for (; k < w.size(); k++) {
      if (w.isSymbol(k, "(") || w.isWord(k, "case")) {
        depth++;
      } else if (w.isSymbol(k, ")") || w.isWord(k, "end")) {
        if (depth == 0) {
          return k;
        }
        depth--;
      } else if (depth == 0 && (w.isSymbol(k, ",") || w.isSymbol(k, ";") || w.isWordIn(k, LIST_ENDS))) {
        return k;
      }
    }
    return k;
  }
}
