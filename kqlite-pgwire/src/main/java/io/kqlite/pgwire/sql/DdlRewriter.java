package io.kqlite.pgwire.sql;

import java.util.List;
import java.util.Set;

/**
 * Rewrites PostgreSQL table definitions into ones SQLite accepts with the same meaning:
 *
 * <ul>
 *   <li>{@code serial}/{@code bigserial}/... and {@code GENERATED ... AS IDENTITY} primary keys
 *       become {@code INTEGER PRIMARY KEY AUTOINCREMENT}: the rowid alias, and ids are never
 *       reused (kine relies on that). A serial or identity column that is not the primary key
 *       has no SQLite equivalent and is rejected with 0A000.</li>
 *   <li>Storage parameters ({@code WITH (fillfactor=100)}, {@code WITHOUT OIDS}) of CREATE TABLE
 *       and CREATE INDEX are dropped: they tune PostgreSQL's heap and mean nothing to SQLite.</li>
 * </ul>
 * Other type names are left alone: SQLite accepts {@code varchar(20)} or {@code double precision}
 * and derives column affinity from the name, and keeping the declared text keeps it visible.
 */
final class DdlRewriter implements TokenRewriter {

  private static final Set<String> SERIAL_TYPES =
      Set.of("serial", "serial4", "bigserial", "serial8", "smallserial", "serial2");
  private static final Set<String> INTEGER_TYPES =
      Set.of("int", "integer", "int4", "bigint", "int8", "smallint", "int2");
  private static final Set<String> TABLE_CONSTRAINT_WORDS =
      Set.of("constraint", "primary", "unique", "check", "foreign", "exclude", "like");
  private static final Set<String> CREATE_MODIFIERS =
      Set.of("global", "local", "temp", "temporary", "unlogged", "unique");

  @Override
  public String rewrite(List<Token> tokens) {
    Words w = Words.of(tokens);
    TokenEdits edits = new TokenEdits(tokens);
    if (w.isWord(0, "create")) {
      int j = 1;
      while (w.isWordIn(j, CREATE_MODIFIERS)) {
        j++;
      }
      if (w.isWord(j, "table")) {
        createTable(w, j + 1, edits);
      } else if (w.isWord(j, "index")) {
        removeStorageParameters(w, j + 1, edits);
      }
    } else if (w.isWord(0, "alter") && w.isWord(1, "table")) {
      alterTable(w, edits);
    }
    return edits.render();
  }

  private static void createTable(Words w, int from, TokenEdits edits) {
    for (int k = from; k < w.size() && !w.isWord(k, "as"); k++) {
      if (w.isSymbol(k, "(")) {
        int close = w.closing(k);
        int start = k + 1;
        for (int c = start; c <= close; c++) {
          if (c == close || w.isSymbol(c, ",")) {
            column(w, start, c - 1, edits);
            start = c + 1;
          } else if (w.isSymbol(c, "(")) {
            c = w.closing(c);
          }
        }
        removeStorageParameters(w, close + 1, edits);
        return;
      }
    }
  }

  /** ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, action ...]: rewrites each ADD [COLUMN]. */
  private static void alterTable(Words w, TokenEdits edits) {
    int j = 2;
    if (w.isWord(j, "if") && w.isWord(j + 1, "exists")) {
      j += 2;
    }
    if (w.isWord(j, "only")) {
      j++;
    }
    j++;
    while (w.isSymbol(j, ".") && w.isName(j + 1)) {
      j += 2;
    }
    if (w.isSymbol(j, "*")) {
      j++;
    }
    int start = j;
    for (int c = j; c <= w.size(); c++) {
      if (c == w.size() || w.isSymbol(c, ",")) {
        if (w.isWord(start, "add")) {
          int col = w.isWord(start + 1, "column") ? start + 2 : start + 1;
          if (w.isWord(col, "if") && w.isWord(col + 1, "not") && w.isWord(col + 2, "exists")) {
            col += 3;
          }
          column(w, col, c - 1, edits);
        }
        start = c + 1;
      } else if (w.isSymbol(c, "(")) {
        c = w.closing(c);
      }
    }
  }

  /** Rewrites one column definition spanning significant tokens {@code first..last}. */
  private static void column(Words w, int first, int last, TokenEdits edits) {
    String type = w.word(first + 1);
    if (last <= first || type == null || w.isWordIn(first, TABLE_CONSTRAINT_WORDS)) {
      return;
    }
    int primaryKey = -1;
    int identityStart = -1;
    int identityEnd = -1;
    for (int k = first + 2; k <= last; k++) {
      if (w.isSymbol(k, "(")) {
        k = w.closing(k);
      } else if (w.isWord(k, "primary") && w.isWord(k + 1, "key")) {
        primaryKey = k + 1;
      } else if (w.isWord(k, "generated")) {
        int as = w.isWord(k + 1, "always") ? k + 2
            : w.isWord(k + 1, "by") && w.isWord(k + 2, "default") ? k + 3 : -1;
        if (as > 0 && w.isWord(as, "as") && w.isWord(as + 1, "identity")) {
          identityStart = k;
          identityEnd = w.isSymbol(as + 2, "(") ? w.closing(as + 2) : as + 1;
          k = identityEnd;
        }
      }
    }
    boolean serial = SERIAL_TYPES.contains(type);
    if (!serial && identityStart < 0) {
      return;
    }
    if (serial && primaryKey < 0) {
      throw SqlTranslationException.featureNotSupported(
          "SERIAL columns are only supported as the PRIMARY KEY");
    }
    if (!serial) {
      if (!INTEGER_TYPES.contains(type)) {
        throw SqlTranslationException.featureNotSupported(
            "IDENTITY columns are only supported on integer types");
      }
      if (primaryKey < 0) {
        throw SqlTranslationException.featureNotSupported(
            "IDENTITY columns are only supported as the PRIMARY KEY");
      }
      edits.removeWithLeadingSpace(w, identityStart, identityEnd);
    }
    edits.replace(w.tokenIndex(first + 1), "INTEGER");
    if (!w.isWord(primaryKey + 1, "autoincrement")) {
      edits.insertAfter(w.tokenIndex(primaryKey), " AUTOINCREMENT");
    }
  }

  /** Drops {@code WITH (...)} and {@code WITHOUT OIDS} at depth 0 from {@code from} until AS. */
  private static void removeStorageParameters(Words w, int from, TokenEdits edits) {
    for (int k = from; k < w.size() && !w.isWord(k, "as"); k++) {
      if (w.isSymbol(k, "(")) {
        k = w.closing(k);
      } else if (w.isWord(k, "with") && w.isSymbol(k + 1, "(")) {
        int close = w.closing(k + 1);
        edits.removeWithLeadingSpace(w, k, close);
        k = close;
      } else if (w.isWord(k, "without") && w.isWord(k + 1, "oids")) {
        edits.removeWithLeadingSpace(w, k, k + 1);
        k++;
      }
    }
  }
}
