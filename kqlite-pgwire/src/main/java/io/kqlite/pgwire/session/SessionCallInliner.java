package io.kqlite.pgwire.session;

import io.kqlite.pgwire.sql.SqlLexer;
import io.kqlite.pgwire.sql.SqlLiterals;
import io.kqlite.pgwire.sql.Token;
import io.kqlite.statemachine.LocalFunction;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts the values of session functions into a write as literals before it enters the log. The
 * replicas that apply a write have no session to ask for {@code current_user},
 * {@code pg_backend_pid()} or {@code inet_client_addr()}, and must all store the same value, so
 * this session decides it once: {@code INSERT INTO audit VALUES (current_user)} is logged as
 * {@code INSERT INTO audit VALUES ('alice')}.
 *
 * <p>A call is replaced only when all its arguments are literals. Table definitions are left
 * alone: a column {@code DEFAULT current_user} means the inserting session's user, not the
 * creator's, and cannot be frozen here. Runs on the session's thread, where the function bodies
 * find their session.
 */
final class SessionCallInliner {

  private final Map<String, LocalFunction> functions;
  private final int longestName;

  SessionCallInliner(List<LocalFunction> functions) {
    this.functions = functions.stream().filter(f -> !f.aggregate())
        .collect(Collectors.toUnmodifiableMap(f -> f.name().toLowerCase(Locale.ROOT), Function.identity()));
    this.longestName = this.functions.keySet().stream().mapToInt(String::length).max().orElse(0);
  }

  /** {@code sql} with the calls of session functions replaced by their values now. */
  String inline(String sql) {
    if (!mayCall(sql)) {
      return sql;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    List<Token> significant = tokens.stream().filter(t -> !t.isTrivia()).toList();
    if (!significant.isEmpty() && (significant.get(0).isWord("create") || significant.get(0).isWord("alter"))) {
      return sql;
    }
    StringBuilder out = new StringBuilder(sql.length());
    int copiedTo = 0;
    for (int k = 0; k + 2 < significant.size(); k++) {
      Token name = significant.get(k);
      LocalFunction function = name.type() == Token.Type.KEYWORD_OR_IDENT
          ? functions.get(name.text().toLowerCase(Locale.ROOT)) : null;
      boolean qualified = k > 0 && significant.get(k - 1).isSymbol(".");
      if (function == null || qualified || !significant.get(k + 1).isSymbol("(")) {
        continue;
      }
      List<Object> arguments = new ArrayList<>();
      int close = literalArguments(significant, k + 2, arguments);
      if (close < 0 || (function.argumentCount() >= 0 && arguments.size() != function.argumentCount())) {
        continue;
      }
      out.append(sql, copiedTo, name.start()).append(literal(function.body().apply(arguments.toArray())));
      copiedTo = significant.get(close).end();
      k = close;
    }
    return copiedTo == 0 ? sql : out.append(sql, copiedTo, sql.length()).toString();
  }

  /**
   * A cheap first look, so that most writes are not tokenized: does a word naming one of the
   * functions stand before some {@code (}? It runs on every write; a case-insensitive regex
   * alternation of the names took a third of a session thread's time under kine's inserts.
   */
  private boolean mayCall(String sql) {
    for (int paren = sql.indexOf('('); paren >= 0; paren = sql.indexOf('(', paren + 1)) {
      int end = paren;
      while (end > 0 && Character.isWhitespace(sql.charAt(end - 1))) {
        end--;
      }
      int start = end;
      while (start > 0 && end - start <= longestName && isWordPart(sql.charAt(start - 1))) {
        start--;
      }
      if (start < end && end - start <= longestName
          && (start == 0 || !isWordPart(sql.charAt(start - 1)))
          && functions.containsKey(sql.substring(start, end).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /**
   * Reads {@code literal, literal, ... )} from {@code from}; returns the index of the closing
   * parenthesis, or -1 when an argument is not a literal.
   */
  private static int literalArguments(List<Token> tokens, int from, List<Object> values) {
    int k = from;
    if (tokens.get(k).isSymbol(")")) {
      return k;
    }
    while (k + 1 < tokens.size()) {
      Token token = tokens.get(k);
      if (token.type() == Token.Type.STRING && !token.text().regionMatches(true, 0, "x'", 0, 2)) {
        values.add(SqlLiterals.stringValue(token));
      } else if (token.type() == Token.Type.NUMBER && token.text().chars().allMatch(Character::isDigit)) {
        values.add(Long.parseLong(token.text()));
      } else {
        return -1;
      }
      Token next = tokens.get(k + 1);
      if (next.isSymbol(")")) {
        return k + 1;
      }
      if (!next.isSymbol(",")) {
        return -1;
      }
      k += 2;
    }
    return -1;
  }

  private static String literal(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Number number) {
      return "(" + number + ")";
    }
    if (value instanceof byte[] bytes) {
      return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }
    return SqlLiterals.quoteString(value.toString());
  }
}
