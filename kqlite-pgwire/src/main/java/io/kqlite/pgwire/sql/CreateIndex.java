package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites PostgreSQL's {@code CREATE INDEX} into SQLite's, which has one access method and a
 * smaller grammar: {@code CONCURRENTLY}, {@code ON ONLY}, {@code USING btree|hash},
 * operator classes ({@code text_pattern_ops}), {@code NULLS FIRST|LAST}, {@code INCLUDE (…)} and
 * {@code TABLESPACE} go (none changes which rows an index finds); a missing index name becomes
 * PostgreSQL's {@code table_col1_col2_idx}. Other access methods (gin, gist, brin, …) and
 * {@code NULLS NOT DISTINCT} have no SQLite equivalent: 0A000.
 *
 * <p>PostgreSQL numbers a generated name that is taken ({@code g_name_idx1}); kqlite, which
 * translates without the schema, reports the clash as SQLite's "already exists" instead.
 */
final class CreateIndex {

  private static final Set<String> METHODS = Set.of("btree", "hash");
  /** PostgreSQL's identifier limit (NAMEDATALEN - 1 bytes). */
  private static final int MAX_NAME = 63;

  private CreateIndex() {}

  /** @param indexWord the position of {@code INDEX} in {@code CREATE [UNIQUE] INDEX} */
  static void rewrite(Words w, int indexWord, TokenEdits edits) {
    int k = indexWord + 1;
    if (w.isWord(k, "concurrently")) {
      edits.removeWithLeadingSpace(w, k, k);
      k++;
    }
    if (w.isWord(k, "if") && w.isWord(k + 1, "not") && w.isWord(k + 2, "exists")) {
      k += 3;
    }
    int on = w.isWord(k, "on") ? k : k + 1;
    boolean unnamed = on == k;
    if (!w.isWord(on, "on")) {
      return; // not a shape we know: SQLite reports it
    }
    k = on + 1;
    if (w.isWord(k, "only")) {
      edits.removeWithLeadingSpace(w, k, k);
      k++;
    }
    int tableEnd = w.skipQualifiedName(k);
    if (tableEnd - 1 > k) {
      edits.remove(w.tokenIndex(k), w.tokenIndex(tableEnd - 2)); // public.g: SQLite's ON takes no schema
    }
    String table = w.identifier(tableEnd - 1);
    k = tableEnd;
    if (w.isWord(k, "using")) {
      String method = w.identifier(k + 1);
      if (!METHODS.contains(method)) {
        throw SqlTranslationException.notSupported("index access method \"" + method + "\"");
      }
      edits.removeWithLeadingSpace(w, k, k + 1);
      k += 2;
    }
    if (!w.isSymbol(k, "(")) {
      return;
    }
    int close = w.closing(k);
    List<String> nameParts = new ArrayList<>();
    int start = k + 1;
    for (int c = start; c <= close; c++) {
      if (c == close || w.isSymbol(c, ",")) {
        nameParts.add(indexedItem(w, start, c, edits));
        start = c + 1;
      } else if (w.isSymbol(c, "(")) {
        c = w.closing(c);
      }
    }
    if (unnamed) {
      edits.insertBefore(w.tokenIndex(on), SqlLiterals.quoteIdentifier(generatedName(table, nameParts)) + " ");
    }
    trailingClauses(w, close + 1, edits);
    DdlRewriter.removeStorageParameters(w, close + 1, edits); // WITH (fillfactor = …)
  }

  /** One indexed column or expression from {@code from} up to (not including) {@code end}; its name part. */
  private static String indexedItem(Words w, int from, int end, TokenEdits edits) {
    int k;
    String namePart;
    if (w.isSymbol(from, "(")) {
      k = w.closing(from) + 1;
      namePart = "expr";
    } else if (w.isName(from) && w.isSymbol(from + 1, "(")) {
      k = w.closing(from + 1) + 1;
      namePart = w.identifier(from);
    } else {
      k = w.skipQualifiedName(from);
      namePart = w.identifier(k - 1);
    }
    while (k < end) {
      if (w.isWord(k, "collate")) {
        k = w.skipQualifiedName(k + 1);
      } else if (w.isWord(k, "asc") || w.isWord(k, "desc")) {
        k++;
      } else if (w.isWord(k, "nulls") && (w.isWord(k + 1, "first") || w.isWord(k + 1, "last"))) {
        edits.removeWithLeadingSpace(w, k, k + 1); // SQLite's index columns take no NULLS order
        k += 2;
      } else if (w.isName(k)) {
        int last = w.skipQualifiedName(k) - 1; // an operator class, maybe with parameters
        if (w.isSymbol(last + 1, "(")) {
          last = w.closing(last + 1);
        }
        edits.removeWithLeadingSpace(w, k, last);
        k = last + 1;
      } else {
        throw SqlTranslationException.syntaxErrorAt(w.get(k));
      }
    }
    return namePart;
  }

  private static void trailingClauses(Words w, int k, TokenEdits edits) {
    while (k < w.size() && !w.isWord(k, "where")) {
      if (w.isWord(k, "include") && w.isSymbol(k + 1, "(")) {
        int close = w.closing(k + 1);
        edits.removeWithLeadingSpace(w, k, close);
        k = close + 1;
      } else if (w.isWord(k, "nulls") && w.isWord(k + 1, "not") && w.isWord(k + 2, "distinct")) {
        throw SqlTranslationException.notSupported("NULLS NOT DISTINCT");
      } else if (w.isWord(k, "nulls") && w.isWord(k + 1, "distinct")) {
        edits.removeWithLeadingSpace(w, k, k + 1); // what SQLite's unique indexes do anyway
        k += 2;
      } else if (w.isWord(k, "tablespace")) {
        edits.removeWithLeadingSpace(w, k, k + 1);
        k += 2;
      } else {
        k++;
      }
    }
  }

  /** PostgreSQL's name for an unnamed index: {@code table_col1_col2_idx}, cut to 63 characters. */
  static String generatedName(String table, List<String> nameParts) {
    String name = table + "_" + String.join("_", nameParts);
    return name.substring(0, Math.min(name.length(), MAX_NAME - 4)) + "_idx";
  }
}
