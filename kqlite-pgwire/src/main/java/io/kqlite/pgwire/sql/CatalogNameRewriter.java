package io.kqlite.pgwire.sql;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites how catalog queries name things into what kqlite's catalog (TEMP tables and
 * functions on each read connection, see {@code io.kqlite.pgwire.catalog}) answers to:
 *
 * <ul>
 *   <li>{@code pg_catalog.x} → {@code x}: the catalog tables and functions have no schema.</li>
 *   <li>{@code information_schema.x} → {@code "information_schema.x"}, one TEMP view.</li>
 *   <li>{@code OPERATOR(pg_catalog.~)} → {@code ~}.</li>
 *   <li>Regular expression matches {@code ~}, {@code !~}, {@code ~*}, {@code !~*} →
 *       SQLite's {@code REGEXP} operator (kqlite's {@code regexp} function, Java regex, which
 *       agrees with PostgreSQL's for the patterns clients build); case-insensitive ones prefix
 *       the pattern with {@code (?i)}.</li>
 * </ul>
 */
final class CatalogNameRewriter implements TokenRewriter {

  private static final Map<String, String> REGEX_OPERATORS = Map.of(
      "~", " REGEXP ", "!~", " NOT REGEXP ", "~*", " REGEXP '(?i)' || ",
      "!~*", " NOT REGEXP '(?i)' || ");
  private static final Set<String> NOT_OPERANDS = Set.of(
      "and", "or", "not", "where", "select", "on", "when", "then", "else", "by", "having");

  @Override
  public String rewrite(List<Token> tokens) {
    Words w = Words.of(tokens);
    TokenEdits edits = new TokenEdits(tokens);
    for (int k = 0; k < w.size(); k++) {
      if (w.isWord(k, "pg_catalog") && w.isSymbol(k + 1, ".") && !w.isSymbol(k - 1, ".")) {
        edits.remove(w.tokenIndex(k), w.tokenIndex(k + 1));
        k++;
      } else if (w.isWord(k, "information_schema") && w.isSymbol(k + 1, ".") && w.isName(k + 2)) {
        String name = "information_schema." + SqlLiterals.identifierValue(w.get(k + 2));
        edits.remove(w.tokenIndex(k), w.tokenIndex(k + 2));
        edits.replace(w.tokenIndex(k), SqlLiterals.quoteIdentifier(name));
        k += 2;
      } else if (w.isWord(k, "operator") && w.isSymbol(k + 1, "(")) {
        int close = w.closing(k + 1);
        Token op = w.get(close - 1);
        if (op != null && REGEX_OPERATORS.containsKey(op.text()) && binary(w, k)) {
          edits.remove(w.tokenIndex(k), w.tokenIndex(close));
          edits.replace(w.tokenIndex(k), REGEX_OPERATORS.get(op.text()));
        } else if (op != null && op.type() == Token.Type.OPERATOR) {
          edits.remove(w.tokenIndex(k), w.tokenIndex(close));
          edits.replace(w.tokenIndex(k), " " + op.text() + " ");
        }
        k = close;
      } else if (w.get(k).type() == Token.Type.OPERATOR
          && REGEX_OPERATORS.containsKey(w.get(k).text()) && binary(w, k)) {
        edits.replace(w.tokenIndex(k), REGEX_OPERATORS.get(w.get(k).text()));
      }
    }
    return edits.render();
  }

  /** True if the operator at {@code k} has a left operand (else {@code ~} is bitwise NOT). */
  private static boolean binary(Words w, int k) {
    Token before = w.get(k - 1);
    if (before == null) {
      return false;
    }
    return switch (before.type()) {
      case STRING, DOLLAR_STRING, NUMBER, PARAM, QUOTED_IDENT -> true;
      case KEYWORD_OR_IDENT -> !w.isWordIn(k - 1, NOT_OPERANDS);
      default -> before.isSymbol(")") || before.isSymbol("]");
    };
  }
}
