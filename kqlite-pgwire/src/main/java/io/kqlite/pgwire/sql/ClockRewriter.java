package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes the current time deterministic. SQLite reads the clock itself for {@code CURRENT_TIMESTAMP}
 * and for the {@code 'now'} argument of its date functions, so every replica (and every replay)
 * would store a different value. These are rewritten into calls of functions that kqlite's store
 * answers from the log entry's timestamp:
 *
 * <ul>
 *   <li>{@code CURRENT_TIMESTAMP} → {@code (now())}, {@code LOCALTIMESTAMP} →
 *       {@code (kq_localtimestamp())}, {@code CURRENT_DATE}, {@code CURRENT_TIME}, {@code
 *       LOCALTIME} likewise (parenthesised so the result is valid in a column DEFAULT too);</li>
 *   <li>{@code date('now')}, {@code datetime('now', …)}, {@code strftime(fmt, 'now')} and the other
 *       SQLite date functions: {@code 'now'} → {@code kq_utc_now()}.</li>
 * </ul>
 */
final class ClockRewriter implements TokenRewriter {

  private static final Map<String, String> KEYWORDS = Map.of(
      "current_timestamp", "(now())",
      "localtimestamp", "(kq_localtimestamp())",
      "current_date", "(kq_current_date())",
      "current_time", "(kq_current_time())",
      "localtime", "(kq_localtime())");
  private static final Set<String> DATE_FUNCTIONS =
      Set.of("date", "time", "datetime", "julianday", "unixepoch", "timediff");

  @Override
  public String rewrite(List<Token> tokens) {
    List<Integer> significant = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isTrivia()) {
        significant.add(i);
      }
    }
    TokenEdits edits = new TokenEdits(tokens);
    for (int k = 0; k < significant.size(); k++) {
      Token token = tokens.get(significant.get(k));
      if (token.type() == Token.Type.KEYWORD_OR_IDENT) {
        String replacement = KEYWORDS.get(token.text().toLowerCase(Locale.ROOT));
        boolean qualified = k > 0 && tokens.get(significant.get(k - 1)).isSymbol(".");
        if (replacement != null && !qualified) {
          edits.replace(significant.get(k), replacement);
        }
      } else if (isNow(token) && isDateFunctionArgument(tokens, significant, k)) {
        edits.replace(significant.get(k), "kq_utc_now()");
      }
    }
    return edits.render();
  }

  private static boolean isNow(Token token) {
    return token.type() == Token.Type.STRING && token.text().equalsIgnoreCase("'now'");
  }

  /** {@code f('now'…)} for SQLite's date functions, or {@code strftime(x, 'now'…)}. */
  private static boolean isDateFunctionArgument(List<Token> tokens, List<Integer> significant, int k) {
    if (k >= 2 && tokens.get(significant.get(k - 1)).isSymbol("(")) {
      String function = tokens.get(significant.get(k - 2)).text().toLowerCase(Locale.ROOT);
      return DATE_FUNCTIONS.contains(function);
    }
    if (k >= 4 && tokens.get(significant.get(k - 1)).isSymbol(",")
        && tokens.get(significant.get(k - 3)).isSymbol("(")) {
      return tokens.get(significant.get(k - 4)).text().equalsIgnoreCase("strftime");
    }
    return false;
  }
}
