package io.kqlite.pgwire.sql;

import io.kqlite.pgwire.sql.Token.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits PostgreSQL SQL text into {@link Token}s, following PostgreSQL's lexical rules closely
 * enough that every later step (splitting, classifying, rewriting) can trust that strings,
 * quoted identifiers, dollar strings and comments are single tokens it never looks inside.
 *
 * <p>The lexer never throws: anything it does not recognise becomes a one-character
 * {@link Type#PUNCT} token, and a string or comment without its closing delimiter becomes one
 * {@link Type#UNTERMINATED} token running to the end of the input. It is lossless: the token
 * texts concatenate to the input. It assumes {@code standard_conforming_strings = on}, so a
 * backslash is an escape only inside {@code E'...'}.
 */
public final class SqlLexer {

  /** Characters PostgreSQL allows in operator names. */
  private static final String OPERATOR_CHARS = "~!@#^&|`?+-*/%<>=";
  /** If a multi-character operator contains one of these it may end in {@code +} or {@code -}. */
  private static final String NON_SQL_OPERATOR_CHARS = "~!@#^&|`?%";

  private final String sql;
  private final int length;
  private int pos;

  private SqlLexer(String sql) {
    this.sql = sql;
    this.length = sql.length();
  }

  /** Tokenizes {@code sql}; returns an unmodifiable list, empty for an empty input. */
  public static List<Token> tokenize(String sql) {
    SqlLexer lexer = new SqlLexer(sql == null ? "" : sql);
    List<Token> tokens = new ArrayList<>();
    while (lexer.pos < lexer.length) {
      int start = lexer.pos;
      Type type = lexer.next();
      tokens.add(new Token(type, lexer.sql.substring(start, lexer.pos), start, lexer.pos));
    }
    return Collections.unmodifiableList(tokens);
  }

  /** Consumes one token starting at {@link #pos} and returns its type. */
  private Type next() {
    char c = sql.charAt(pos);
    if (isWhitespace(c)) {
      while (pos < length && isWhitespace(sql.charAt(pos))) {
        pos++;
      }
      return Type.WHITESPACE;
    }
    if (c == '-' && peek(1) == '-') {
      while (pos < length && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
        pos++;
      }
      return Type.COMMENT;
    }
    if (c == '/' && peek(1) == '*') {
      return blockComment();
    }
    if (c == '\'') {
      return quoted('\'', false, Type.STRING);
    }
    if (c == '"') {
      return quoted('"', false, Type.QUOTED_IDENT);
    }
    if (isIdentStart(c)) {
      return wordOrPrefixedLiteral(c);
    }
    if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
      return number();
    }
    if (c == '$') {
      return dollar();
    }
    if (c == ':') {
      char d = peek(1);
      if (d == ':' || d == '=') {
        pos += 2;
        return Type.OPERATOR;
      }
      pos++;
      return Type.PUNCT;
    }
    if (OPERATOR_CHARS.indexOf(c) >= 0) {
      return operator();
    }
    pos++;
    return Type.PUNCT;
  }

  private Type blockComment() {
    int depth = 0;
    while (pos < length) {
      char c = sql.charAt(pos);
      if (c == '/' && peek(1) == '*') {
        depth++;
        pos += 2;
      } else if (c == '*' && peek(1) == '/') {
        depth--;
        pos += 2;
        if (depth == 0) {
          return Type.COMMENT;
        }
      } else {
        pos++;
      }
    }
    return Type.UNTERMINATED;
  }

  /**
   * Consumes a quoted token whose opening {@code quote} is at {@link #pos}. A doubled quote
   * stands for itself; with {@code backslashEscapes} a backslash escapes the next character.
   */
  private Type quoted(char quote, boolean backslashEscapes, Type type) {
    pos++;
    while (pos < length) {
      char c = sql.charAt(pos);
      if (backslashEscapes && c == '\\') {
        pos = Math.min(pos + 2, length);
      } else if (c == quote) {
        if (peek(1) == quote) {
          pos += 2;
        } else {
          pos++;
          return type;
        }
      } else {
        pos++;
      }
    }
    return Type.UNTERMINATED;
  }

  private Type wordOrPrefixedLiteral(char c) {
    char next = peek(1);
    if (next == '\'' && "eEnNbBxX".indexOf(c) >= 0) {
      pos++;
      return quoted('\'', c == 'e' || c == 'E', Type.STRING);
    }
    if ((c == 'u' || c == 'U') && next == '&' && (peek(2) == '\'' || peek(2) == '"')) {
      pos += 2;
      return sql.charAt(pos) == '\''
          ? quoted('\'', false, Type.STRING)
          : quoted('"', false, Type.QUOTED_IDENT);
    }
    pos++;
    while (pos < length && isIdentPart(sql.charAt(pos))) {
      pos++;
    }
    return Type.KEYWORD_OR_IDENT;
  }

  private Type number() {
    skipDigits();
    if (pos < length && sql.charAt(pos) == '.' && peek(1) != '.') {
      pos++;
      skipDigits();
    }
    if (pos < length && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
      int exponent = pos + 1;
      if (exponent < length && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
        exponent++;
      }
      if (exponent < length && isDigit(sql.charAt(exponent))) {
        pos = exponent;
        skipDigits();
      }
    }
    return Type.NUMBER;
  }

  /**
   * {@code $1} is a parameter; {@code $$} or {@code $tag$} opens a dollar string; a lone
   * {@code $} is punctuation.
   */
  private Type dollar() {
    if (isDigit(peek(1))) {
      pos++;
      skipDigits();
      return Type.PARAM;
    }
    int tagEnd = pos + 1;
    if (tagEnd < length && isIdentStart(sql.charAt(tagEnd))) {
      tagEnd++;
      while (tagEnd < length && isIdentPart(sql.charAt(tagEnd)) && sql.charAt(tagEnd) != '$') {
        tagEnd++;
      }
    }
    if (tagEnd >= length || sql.charAt(tagEnd) != '$') {
      pos++;
      return Type.PUNCT;
    }
    String delimiter = sql.substring(pos, tagEnd + 1);
    int close = sql.indexOf(delimiter, tagEnd + 1);
    if (close < 0) {
      pos = length;
      return Type.UNTERMINATED;
    }
    pos = close + delimiter.length();
    return Type.DOLLAR_STRING;
  }

  /**
   * The longest run of operator characters, cut before an embedded comment start, and, as in
   * PostgreSQL, without trailing {@code +}/{@code -} unless it contains a non-SQL operator
   * character (so {@code =-1} is {@code =} then {@code -}).
   */
  private Type operator() {
    int end = pos;
    while (end < length && OPERATOR_CHARS.indexOf(sql.charAt(end)) >= 0) {
      end++;
    }
    for (int k = pos + 1; k + 1 < end; k++) {
      char a = sql.charAt(k);
      char b = sql.charAt(k + 1);
      if ((a == '-' && b == '-') || (a == '/' && b == '*')) {
        end = k;
        break;
      }
    }
    if (end - pos > 1 && isPlusOrMinus(sql.charAt(end - 1)) && !containsNonSqlOperatorChar(pos, end)) {
      do {
        end--;
      } while (end - pos > 1 && isPlusOrMinus(sql.charAt(end - 1)));
    }
    pos = end;
    return Type.OPERATOR;
  }

  private boolean containsNonSqlOperatorChar(int from, int to) {
    for (int k = from; k < to; k++) {
      if (NON_SQL_OPERATOR_CHARS.indexOf(sql.charAt(k)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private void skipDigits() {
    while (pos < length && isDigit(sql.charAt(pos))) {
      pos++;
    }
  }

  private char peek(int ahead) {
    int k = pos + ahead;
    return k < length ? sql.charAt(k) : '\0';
  }

  private static boolean isPlusOrMinus(char c) {
    return c == '+' || c == '-';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  /** PostgreSQL treats every non-ASCII character as a letter. */
  static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c) || c == '$';
  }
}
