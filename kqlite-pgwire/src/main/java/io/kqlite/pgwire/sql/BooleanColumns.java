package io.kqlite.pgwire.sql;

import java.util.BitSet;
import java.util.Set;

/**
 * Which result columns of a query are boolean expressions, from the top-level operator of each
 * select-list (or RETURNING) item: a comparison, AND/OR/NOT, IS, LIKE, BETWEEN, IN or EXISTS
 * makes the item a PostgreSQL {@code bool}. SQLite computes such values as integers 1/0 and
 * reports them as plain integers, so without this {@code SELECT a > b} would be described as int8.
 * Operators inside brackets or CASE ... END do not count: {@code (a = b) + 1} is a number. An
 * item that starts with a call of a catalog function PostgreSQL declares boolean
 * ({@code pg_table_is_visible(oid)}, {@code has_table_privilege(…)}) is boolean too.
 */
public final class BooleanColumns {

  private static final Set<String> COMPARISONS = Set.of("=", "==", "<>", "!=", "<", ">", "<=", ">=");
  private static final Set<String> BOOLEAN_WORDS = Set.of("and", "or", "not", "is", "isnull",
      "notnull", "like", "ilike", "glob", "regexp", "match", "between", "in", "exists", "true",
      "false");
  private static final Set<String> LIST_ENDS = Set.of("from", "where", "group", "having",
      "window", "order", "limit", "offset", "union", "intersect", "except", "into", "fetch", "for",
      "returning");
  private static final Set<String> BOOLEAN_FUNCTIONS = Set.of("pg_table_is_visible",
      "pg_type_is_visible", "pg_function_is_visible", "has_table_privilege", "has_schema_privilege",
      "has_database_privilege", "has_column_privilege", "has_function_privilege",
      "has_sequence_privilege", "has_any_column_privilege", "has_type_privilege", "pg_is_in_recovery",
      "bool_and", "bool_or", "every", "kq_jsonb_contains", "kq_jsonb_exists", "kq_jsonb_exists_any",
      "kq_jsonb_exists_all");
  private static final Set<String> DATA_CHANGES = Set.of("insert", "update", "delete", "replace");

  private BooleanColumns() {
  }

  /**
   * Positions (from 0) of the boolean items of {@code sql}'s first select list, or of its
   * RETURNING list; items after a {@code *} are unknown and never set.
   */
  public static BitSet of(String sql) {
    return of(Words.of(SqlLexer.tokenize(sql)));
  }

  static BitSet of(Words w) {
    BitSet booleans = new BitSet();
    int start = listStart(w);
    if (start < 0) {
      return booleans;
    }
    int item = 0;
    int depth = 0;
    boolean isBoolean = false;
    boolean aliased = false;
    int itemStart = start;
    for (int k = start; k <= w.size(); k++) {
      boolean end = k == w.size() || depth == 0 && (w.isSymbol(k, ";") || w.isSymbol(k, ")")
          || w.isWordIn(k, LIST_ENDS) && !w.isWord(k - 1, "distinct"));
      if (end || depth == 0 && w.isSymbol(k, ",")) {
        if (isBoolean) {
          booleans.set(item);
        }
        if (end || w.isSymbol(k - 1, "*")) {
          return booleans;
        }
        item++;
        isBoolean = false;
        aliased = false;
        itemStart = k + 1;
      } else if (k == itemStart && w.isWordIn(k, BOOLEAN_FUNCTIONS) && w.isSymbol(k + 1, "(")) {
        isBoolean = true;
        k = w.closing(k + 1);
      } else if (w.isSymbol(k, "(") || w.isSymbol(k, "[") || w.isWord(k, "case")) {
        depth++;
      } else if (w.isSymbol(k, ")") || w.isSymbol(k, "]") || w.isWord(k, "end")) {
        depth--;
      } else if (depth == 0 && w.isWord(k, "as")) {
        aliased = true;
      } else if (depth == 0 && !aliased
          && (w.isWordIn(k, BOOLEAN_WORDS) || isComparison(w, k))) {
        isBoolean = true;
      }
    }
    return booleans;
  }

  /** Index of the first item of the outermost select list or RETURNING list, or -1. */
  static int listStart(Words w) {
    int depth = 0;
    boolean dataChange = false;
    for (int k = 0; k < w.size(); k++) {
      if (w.isSymbol(k, "(")) {
        depth++;
      } else if (w.isSymbol(k, ")")) {
        depth--;
      } else if (depth == 0 && w.isWordIn(k, DATA_CHANGES)) {
        dataChange = true; // INSERT ... SELECT: the result is the RETURNING list
      } else if (depth == 0 && !dataChange && w.isWord(k, "select")) {
        int j = k + 1;
        if (w.isWord(j, "all")) {
          j++;
        } else if (w.isWord(j, "distinct")) {
          j = w.isWord(j + 1, "on") && w.isSymbol(j + 2, "(") ? w.closing(j + 2) + 1 : j + 1;
        }
        return j;
      } else if (depth == 0 && w.isWord(k, "returning")) {
        return k + 1;
      }
    }
    return -1;
  }

  private static boolean isComparison(Words w, int k) {
    for (String op : COMPARISONS) {
      if (w.isSymbol(k, op)) {
        return true;
      }
    }
    return false;
  }
}
