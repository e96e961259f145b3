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
 *   <li>{@code current_catalog}, {@code current_user}, ... → function calls;
 *       {@code trim(both x FROM s)} → {@code trim(s, x)}.</li>
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
  /** SQL's functions without parentheses, which SQLite would read as column names. */
  private static final Set<String> NILADIC_FUNCTIONS =
      Set.of("current_catalog", "current_user", "session_user", "current_role", "current_schema");
  private static final Set<String> TRIM_SIDES = Set.of("both", "leading", "trailing");
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
      } else if (w.isWordIn(k, NILADIC_FUNCTIONS) && !w.isSymbol(k + 1, "(")
          && !w.isSymbol(k - 1, ".") && !w.isSymbol(k + 1, ".")) {
        edits.insertAfter(w.tokenIndex(k), "()");
      } else if (w.isWord(k, "trim") && w.isSymbol(k + 1, "(") && w.isWordIn(k + 2, TRIM_SIDES)) {
        k = trim(tokens, w, k, edits);
      }
    }
    return edits.render();
  }

  /**
   * {@code trim(both|leading|trailing chars FROM s)} → {@code trim|ltrim|rtrim(s, chars)};
   * returns the index of the closing parenthesis.
   */
  private int trim(List<Token> tokens, Words w, int k, TokenEdits edits) {
    int close = w.closing(k + 1);
    int from = w.findAtDepth(k + 3, "from");
    if (close >= w.size() || from < 0 || from > close) {
      return k;
    }
    String function = switch (w.word(k + 2)) {
      case "leading" -> "ltrim";
      case "trailing" -> "rtrim";
      default -> "trim";
    };
    String chars = rewrite(tokens.subList(w.tokenIndex(k + 3), w.tokenIndex(from)));
    String text = rewrite(tokens.subList(w.tokenIndex(from + 1), w.tokenIndex(close)));
    edits.remove(w.tokenIndex(k), w.tokenIndex(close));
    edits.replace(w.tokenIndex(k), function + "(" + text.strip() + ", " + chars.strip() + ")");
    return close;
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
