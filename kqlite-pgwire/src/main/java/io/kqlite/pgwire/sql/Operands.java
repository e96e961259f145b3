package io.kqlite.pgwire.sql;

/**
 * Where the operand on either side of a binary operator starts and ends, for rewriters that turn
 * an operator into a call ({@code ILIKE}, jsonb's {@code @>}): a literal, a parameter, a
 * possibly qualified name ({@code t.col}), a call ({@code f(x)}, {@code CAST(… AS …)}) or a
 * bracketed group. Anything else is -1: the rewriter then leaves or refuses the operator.
 */
final class Operands {

  private Operands() {
  }

  /** The first word of the operand whose last word is {@code end}, or -1. */
  static int start(Words w, int end) {
    if (end < 0) {
      return -1;
    }
    Token t = w.get(end);
    int start = end;
    if (t.isSymbol(")")) {
      start = w.opening(end);
      if (start > 0 && w.get(start - 1).type() == Token.Type.KEYWORD_OR_IDENT
          && !w.isWordIn(start - 1, CastRewriter.NOT_FUNCTIONS)) {
        start--; // a function call, not WHERE (…)
      }
    } else if (!t.isName() && !isValue(t)) {
      return -1;
    }
    while (start >= 2 && w.isSymbol(start - 1, ".") && w.isName(start - 2)) {
      start -= 2;
    }
    return start;
  }

  /** The last word of the operand whose first word is {@code start}, or -1. */
  static int end(Words w, int start) {
    if (start >= w.size()) {
      return -1;
    }
    Token t = w.get(start);
    if (t.isSymbol("(")) {
      return w.closing(start) < w.size() ? w.closing(start) : -1;
    }
    if (isValue(t)) {
      return start;
    }
    if (!t.isName()) {
      return -1;
    }
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

  private static boolean isValue(Token t) {
    return switch (t.type()) {
      case STRING, DOLLAR_STRING, NUMBER, PARAM -> true;
      default -> false;
    };
  }
}
