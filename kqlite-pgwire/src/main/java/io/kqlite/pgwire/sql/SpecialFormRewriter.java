package io.kqlite.pgwire.sql;

import java.util.List;

/**
 * PostgreSQL's function calls with keywords between their arguments, which SQLite would read as
 * something else entirely ({@code position('a' IN s)} as an IN list over a table named by the
 * string):
 *
 * <ul>
 *   <li>{@code position(a IN b)} → {@code strpos(b, a)};</li>
 *   <li>{@code extract(field FROM x)} → {@code date_part('field', x)}.</li>
 * </ul>
 */
final class SpecialFormRewriter implements TokenRewriter {

  @Override
  public String rewrite(List<Token> tokens) {
    Words w = Words.of(tokens);
    TokenEdits edits = new TokenEdits(tokens);
    for (int k = 0; k + 1 < w.size(); k++) {
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
        replacement = "strpos(" + second + ", " + first + ")";
      } else {
        Token field = w.get(k + 2);
        String unit = field.type() == Token.Type.STRING ? SqlLiterals.stringValue(field) : SqlLiterals.foldIdentifier(first);
        replacement = "date_part(" + SqlLiterals.quoteString(unit) + ", " + second + ")";
      }
      edits.replace(w.tokenIndex(k), replacement);
      edits.remove(w.tokenIndex(k) + 1, w.tokenIndex(close));
      k = close;
    }
    return edits.render();
  }
}
