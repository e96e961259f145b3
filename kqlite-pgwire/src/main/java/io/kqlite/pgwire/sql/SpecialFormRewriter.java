package io.kqlite.pgwire.sql;

import java.util.ArrayList;
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
    List<Integer> significant = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isTrivia()) {
        significant.add(i);
      }
    }
    TokenEdits edits = new TokenEdits(tokens);
    for (int k = 0; k + 1 < significant.size(); k++) {
      Token name = tokens.get(significant.get(k));
      boolean position = name.isWord("position");
      boolean extract = name.isWord("extract");
      boolean qualified = k > 0 && tokens.get(significant.get(k - 1)).isSymbol(".");
      if (!(position || extract) || qualified || !tokens.get(significant.get(k + 1)).isSymbol("(")) {
        continue;
      }
      int close = matchingParenthesis(tokens, significant, k + 1);
      int keyword = topLevelWord(tokens, significant, k + 2, close, position ? "in" : "from");
      if (close < 0 || keyword < 0 || keyword == k + 2 || keyword + 1 == close) {
        continue;
      }
      String first = text(tokens, significant.get(k + 2), significant.get(keyword - 1));
      String second = text(tokens, significant.get(keyword + 1), significant.get(close - 1));
      String replacement;
      if (position) {
        replacement = "strpos(" + second + ", " + first + ")";
      } else {
        Token field = tokens.get(significant.get(k + 2));
        String unit = field.type() == Token.Type.STRING ? SqlLiterals.stringValue(field) : SqlLiterals.foldIdentifier(first);
        replacement = "date_part(" + SqlLiterals.quoteString(unit) + ", " + second + ")";
      }
      edits.replace(significant.get(k), replacement);
      edits.remove(significant.get(k) + 1, significant.get(close));
      k = close;
    }
    return edits.render();
  }

  /** Index (into significant) of the parenthesis closing the one at {@code open}; -1 if none. */
  private static int matchingParenthesis(List<Token> tokens, List<Integer> significant, int open) {
    int depth = 0;
    for (int k = open; k < significant.size(); k++) {
      Token t = tokens.get(significant.get(k));
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")") && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  /** Index of {@code word} between {@code from} and {@code to} outside nested parentheses; -1 if none. */
  private static int topLevelWord(List<Token> tokens, List<Integer> significant, int from, int to, String word) {
    int depth = 0;
    for (int k = from; k < to; k++) {
      Token t = tokens.get(significant.get(k));
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && t.isWord(word)) {
        return k;
      }
    }
    return -1;
  }

  private static String text(List<Token> tokens, int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i <= to; i++) {
      out.append(tokens.get(i).text());
    }
    return out.toString();
  }
}
