package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites PostgreSQL table definitions into ones SQLite accepts with the same meaning:
 *
 * <ul>
 *   <li>{@code serial}/{@code bigserial}/... and {@code GENERATED ... AS IDENTITY} primary keys
 *       become {@code INTEGER PRIMARY KEY AUTOINCREMENT}: the rowid alias, and ids are never
 *       reused (kine relies on that). A bigint or smallint key keeps its type through a marker
 *       constraint (read back by the store's {@code RowidAliasTypes}). A serial or identity
 *       column that is not the primary key has no SQLite equivalent and is rejected with
 *       0A000.</li>
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
  /** Key types that are not INTEGER's int4, to be remembered by a marker. */
  private static final Map<String, String> KEY_TYPES = Map.of("bigserial", "int8",
      "serial8", "int8", "bigint", "int8", "int8", "int8", "smallserial", "int2",
      "serial2", "int2", "smallint", "int2", "int2", "int2");
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
        CreateIndex.rewrite(w, j, edits);
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
        List<int[]> elements = new ArrayList<>();
        int start = k + 1;
        for (int c = start; c <= close; c++) {
          if (c == close || w.isSymbol(c, ",")) {
            elements.add(new int[] {start, c - 1});
            start = c + 1;
          } else if (w.isSymbol(c, "(")) {
            c = w.closing(c);
          }
        }
        TableKey tableKey = TableKey.find(w, elements);
        List<int[]> plain = new ArrayList<>();
        boolean marked = false;
        boolean keyMoved = false;
        for (int[] element : elements) {
          boolean tableKeyColumn = tableKey != null && w.isName(element[0])
              && !w.isWordIn(element[0], TABLE_CONSTRAINT_WORDS)
              && w.identifier(element[0]).equals(tableKey.column());
          Boolean alias = column(w, element[0], element[1], edits, tableKeyColumn);
          if (alias == null) {
            plain.add(element);
          } else {
            marked |= alias;
            keyMoved |= tableKeyColumn;
          }
        }
        if (keyMoved) {
          // "id serial, …, PRIMARY KEY (id)" (SQLAlchemy's form): the key is now the column's own.
          boolean firstElement = w.isSymbol(tableKey.first() - 1, "(");
          edits.removeWithLeadingSpace(w, tableKey.first() - (firstElement ? 0 : 1),
              tableKey.last() + (firstElement ? 1 : 0));
        }
        if (marked) {
          for (int[] span : plain) {
            keepIntegerUnique(w, span[0], span[1], edits);
          }
        }
        removeStorageParameters(w, close + 1, edits);
        return;
      }
    }
  }

  /** ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, action ...]: rewrites each ADD [COLUMN]. */
  private static void alterTable(Words w, TokenEdits edits) {
    int j = w.isIfExists(2) ? 4 : 2;
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
          column(w, col, c - 1, edits, false);
          keepIntegerUnique(w, col, c - 1, edits);
        }
        start = c + 1;
      } else if (w.isSymbol(c, "(")) {
        c = w.closing(c);
      }
    }
  }

  /**
   * A column declared {@code integer} (not a key) reads {@code INT4}: same affinity, but then a
   * marked rowid alias is the only {@code INTEGER} of its table (the store's {@code
   * RowidAliasTypes} relies on it).
   */
  private static void keepIntegerUnique(Words w, int first, int last, TokenEdits edits) {
    if (last > first && w.isWord(first + 1, "integer")
        && !w.isWordIn(first, TABLE_CONSTRAINT_WORDS) && !w.isSymbol(first + 2, "(")) {
      for (int k = first + 2; k <= last; k++) {
        if (w.isWord(k, "primary")) {
          return;
        }
      }
      edits.replace(w.tokenIndex(first + 1), "INT4");
    }
  }

  /**
   * A table constraint {@code [CONSTRAINT name] PRIMARY KEY (column)} on one column, spanning
   * significant tokens {@code first..last}.
   */
  private record TableKey(String column, int first, int last) {

    static TableKey find(Words w, List<int[]> elements) {
      for (int[] element : elements) {
        int k = element[0];
        if (w.isWord(k, "constraint") && w.isName(k + 1)) {
          k += 2;
        }
        if (w.isWord(k, "primary") && w.isWord(k + 1, "key") && w.isSymbol(k + 2, "(")
            && w.isName(k + 3) && w.isSymbol(k + 4, ")") && k + 4 == element[1]) {
          return new TableKey(w.identifier(k + 3), element[0], element[1]);
        }
      }
      return null;
    }
  }

  /**
   * Rewrites one column definition spanning significant tokens {@code first..last}: null when it
   * is an ordinary column, else whether it became a rowid alias marked with a type other than
   * INTEGER's int4. {@code tableKey}: the table's PRIMARY KEY constraint names this column alone,
   * so a serial or identity column becomes the key itself (the caller drops that constraint).
   */
  private static Boolean column(Words w, int first, int last, TokenEdits edits, boolean tableKey) {
    String type = w.word(first + 1);
    if (last <= first || type == null || w.isWordIn(first, TABLE_CONSTRAINT_WORDS)) {
      return null;
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
      return null;
    }
    boolean keyOfTable = primaryKey < 0 && tableKey;
    if (keyOfTable) {
      primaryKey = last;
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
    String pgType = KEY_TYPES.get(type);
    edits.replace(w.tokenIndex(first + 1), pgType == null ? "INTEGER"
        : "INTEGER " + marker(pgType));
    if (keyOfTable) {
      edits.insertAfter(w.tokenIndex(last), " PRIMARY KEY AUTOINCREMENT");
    } else if (!w.isWord(primaryKey + 1, "autoincrement")) {
      edits.insertAfter(w.tokenIndex(primaryKey), " AUTOINCREMENT");
    }
    return pgType != null;
  }

  /**
   * The no-op named constraint that keeps a rowid alias's PostgreSQL type in the CREATE TABLE
   * text; the store's {@code RowidAliasTypes} reads it back (DdlRewriterTest checks they agree).
   */
  private static String marker(String pgType) {
    return "CONSTRAINT kqlite_type_" + pgType + " CHECK (1)";
  }

  /** Drops {@code WITH (...)} and {@code WITHOUT OIDS} at depth 0 from {@code from} until AS. */
  static void removeStorageParameters(Words w, int from, TokenEdits edits) {
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
