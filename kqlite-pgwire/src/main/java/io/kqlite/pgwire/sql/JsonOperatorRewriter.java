package io.kqlite.pgwire.sql;

import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's jsonb operators SQLite has no syntax for, as calls of kqlite's functions:
 * {@code a @> b} → {@code kq_jsonb_contains(a, b)}, {@code a <@ b} → {@code kq_jsonb_contains(b,
 * a)}, {@code a ? k} → {@code kq_jsonb_exists(a, k)}, {@code a ?| keys} and {@code a ?& keys} →
 * {@code kq_jsonb_exists_any} and {@code _all}. SQLite's own {@code ->} and {@code ->>} stay.
 *
 * <p>Each side is one operand (see {@link Operands}; a cast is a call by now,
 * {@code CAST(… AS TEXT)}); anything else is left for SQLite to refuse.
 */
final class JsonOperatorRewriter implements TokenRewriter {

  private static final Map<String, String> FUNCTIONS = Map.of("@>", "kq_jsonb_contains",
      "<@", "kq_jsonb_contains", "?", "kq_jsonb_exists", "?|", "kq_jsonb_exists_any",
      "?&", "kq_jsonb_exists_all");

  @Override
  public String rewrite(List<Token> tokens) {
    Words w = Words.of(tokens);
    TokenEdits edits = new TokenEdits(tokens);
    for (int k = 1; k < w.size(); k++) {
      Token operator = w.get(k);
      String function = operator.type() == Token.Type.OPERATOR ? FUNCTIONS.get(operator.text()) : null;
      if (function == null) {
        continue;
      }
      int leftStart = Operands.start(w, k - 1);
      while (leftStart > 1 && isArrow(w.get(leftStart - 1))) {
        leftStart = Operands.start(w, leftStart - 2); // meta -> 'k' @> x: the arrows bind first
      }
      int rightEnd = Operands.end(w, k + 1);
      if (leftStart < 0 || rightEnd < 0) { // an operand this cannot delimit: SQLite refuses it
        continue;
      }
      String left = w.text(leftStart, k - 1);
      String right = w.text(k + 1, rightEnd);
      boolean reversed = operator.text().equals("<@");
      edits.remove(w.tokenIndex(leftStart), w.tokenIndex(rightEnd));
      edits.replace(w.tokenIndex(leftStart), function + "(" + (reversed ? right : left) + ", "
          + (reversed ? left : right) + ")");
      k = rightEnd;
    }
    return edits.render();
  }

  private static boolean isArrow(Token token) {
    return token != null && token.type() == Token.Type.OPERATOR
        && (token.text().equals("->") || token.text().equals("->>"));
  }
}
