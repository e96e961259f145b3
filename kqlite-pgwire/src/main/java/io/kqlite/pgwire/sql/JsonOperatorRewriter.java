package io.kqlite.pgwire.sql;

import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's jsonb operators SQLite has no syntax for, as calls of kqlite's functions:
 * {@code a @> b} → {@code kq_jsonb_contains(a, b)}, {@code a <@ b} → {@code kq_jsonb_contains(b,
 * a)}, {@code a ? k} → {@code kq_jsonb_exists(a, k)}, {@code a ?| keys} and {@code a ?& keys} →
 * {@code kq_jsonb_exists_any} and {@code _all}. SQLite's own {@code ->} and {@code ->>} stay.
 *
 * <p>Each side is one operand: a literal, a parameter, a possibly qualified name, a call (a cast
 * is one by now, {@code CAST(… AS TEXT)}) or a parenthesised group; anything else is left for
 * SQLite to refuse.
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
      int leftStart = operandStart(w, k - 1);
      while (leftStart > 1 && isArrow(w.get(leftStart - 1))) {
        leftStart = operandStart(w, leftStart - 2); // meta -> 'k' @> x: the arrows bind first
      }
      int rightEnd = operandEnd(w, k + 1);
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

  /** The first word of the operand ending at {@code end}, or -1. */
  private static int operandStart(Words w, int end) {
    Token last = w.get(end);
    if (last == null) {
      return -1;
    }
    if (last.isSymbol(")")) {
      int open = w.opening(end);
      return open > 0 && w.isName(open - 1) ? qualifiedStart(w, open - 1) : open;
    }
    if (last.isName()) {
      return qualifiedStart(w, end);
    }
    return isValue(last) ? end : -1;
  }

  /** The last word of the operand starting at {@code start}, or -1. */
  private static int operandEnd(Words w, int start) {
    Token first = w.get(start);
    if (first == null) {
      return -1;
    }
    if (first.isSymbol("(")) {
      int close = w.closing(start);
      return close < w.size() ? close : -1;
    }
    if (first.isName()) {
      int end = start;
      while (w.isSymbol(end + 1, ".") && w.isName(end + 2)) {
        end += 2;
      }
      if (w.isSymbol(end + 1, "(")) {
        int close = w.closing(end + 1);
        return close < w.size() ? close : -1;
      }
      return end;
    }
    return isValue(first) ? start : -1;
  }

  private static boolean isArrow(Token token) {
    return token != null && token.type() == Token.Type.OPERATOR
        && (token.text().equals("->") || token.text().equals("->>"));
  }

  private static int qualifiedStart(Words w, int k) {
    while (w.isSymbol(k - 1, ".") && w.isName(k - 2)) {
      k -= 2;
    }
    return k;
  }

  private static boolean isValue(Token token) {
    return switch (token.type()) {
      case STRING, DOLLAR_STRING, NUMBER, PARAM -> true;
      default -> false;
    };
  }
}
