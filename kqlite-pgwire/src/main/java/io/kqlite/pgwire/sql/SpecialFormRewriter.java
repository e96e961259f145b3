package io.kqlite.pgwire.sql;

import java.util.List;

/**
 * PostgreSQL's function calls with keywords between their arguments, which SQLite would read as
 * something else entirely ({@code position('a' IN s)} as an IN list over a table named by the
 * string):
 *
 * <ul>
 *   <li>{@code position(a IN b)} → {@code position(b, a)};</li>
 *   <li>{@code extract(field FROM x)} → {@code extract('field', x)};</li>
 *   <li>{@code substring(s FROM a FOR b)} → {@code substring(s, a, b)}, also with either part
 *       alone.</li>
 * </ul>
 *
 * <p>The calls keep PostgreSQL's function names, which name the result column as PostgreSQL does;
 * kqlite registers {@code position} and {@code extract} with these argument orders.
 */
final class SpecialFormRewriter implements TokenRewriter {

  @Override
  public String rewrite(List<Token> tokens) {
    Words w = Words.of(tokens);
    TokenEdits edits = new TokenEdits(tokens);
    for (int k = 0; k + 1 < w.size(); k++) {
      if (w.isWord(k, "substring") && !w.isSymbol(k - 1, ".") && w.isSymbol(k + 1, "(")) {
        k = substring(w, k, edits);
        continue;
      }
      boolean position = w.isWord(k, "position");
      if (!(position || w.isWord(k, "extract")) || w.isSymbol(k - 1, ".") || !w.isSymbol(k + 1, "(")) {
        continue;
      }
      int close = w.closing(k + 1);
      int keyword = w.findAtDepth(k + 2, position ? "in" : "from");
      if (close >= w.size() || keyword <= k + 2 || keyword + 1 >= close) {
        continue;
      }
      String first = w.text(k + 2, keyword - 1);
      String second = w.text(keyword + 1, close - 1);
      String replacement;
      if (position) {
        replacement = "position(" + second + ", " + first + ")";
      } else {
        Token field = w.get(k + 2);
        String unit = field.type() == Token.Type.STRING ? SqlLiterals.stringValue(field) : SqlLiterals.foldIdentifier(first);
        replacement = "extract(" + SqlLiterals.quoteString(unit) + ", " + second + ")";
      }
      edits.replace(w.tokenIndex(k), replacement);
      edits.remove(w.tokenIndex(k) + 1, w.tokenIndex(close));
      k = close;
    }
    return edits.render();
  }

  /**
   * {@code substring(s FROM a FOR b)}, {@code substring(s FROM a)}, {@code substring(s FOR b)}:
   * SQLite's {@code substring(s, a, b)} counts the same way. Returns the last word handled.
   */
  private static int substring(Words w, int k, TokenEdits edits) {
    int close = w.closing(k + 1);
    int from = w.findAtDepth(k + 2, "from");
    int forAt = w.findAtDepth(k + 2, "for");
    from = from > k + 2 && from < close ? from : -1;
    forAt = forAt > k + 2 && forAt < close ? forAt : -1;
    if (close >= w.size() || (from < 0 && forAt < 0) || (from > 0 && forAt > 0 && forAt < from)) {
      return k;
    }
    String text = w.text(k + 2, (from > 0 ? from : forAt) - 1);
    String start = from > 0 ? w.text(from + 1, (forAt > 0 ? forAt : close) - 1) : "1";
    String length = forAt > 0 ? ", " + w.text(forAt + 1, close - 1) : "";
    edits.replace(w.tokenIndex(k), "substring(" + text + ", " + start + length + ")");
    edits.remove(w.tokenIndex(k) + 1, w.tokenIndex(close));
    return close;
  }
}
