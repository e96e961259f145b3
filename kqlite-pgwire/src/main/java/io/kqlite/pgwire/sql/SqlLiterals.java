package io.kqlite.pgwire.sql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the value of identifier and string tokens the way PostgreSQL does, and writes values
 * back as literals SQLite understands. Kept apart from the lexer so the lexer stays lossless
 * and never has to decode anything.
 */
public final class SqlLiterals {

  private SqlLiterals() {
  }

  /** PostgreSQL folds unquoted identifiers to lower case, ASCII letters only. */
  public static String foldIdentifier(String word) {
    StringBuilder out = null;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (out == null) {
          out = new StringBuilder(word);
        }
        out.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return out == null ? word : out.toString();
  }

  /**
   * The name a {@link Token.Type#KEYWORD_OR_IDENT} or {@link Token.Type#QUOTED_IDENT} token
   * stands for: unquoted names fold to lower case, quoted names keep their case.
   *
   * @throws IllegalArgumentException for any other token type
   */
  public static String identifierValue(Token token) {
    String text = token.text();
    switch (token.type()) {
      case KEYWORD_OR_IDENT:
        return foldIdentifier(text);
      case QUOTED_IDENT:
        if (startsWithUnicodePrefix(text)) {
          return decodeUnicodeEscapes(unquote(text.substring(2), '"'));
        }
        return unquote(text, '"');
      default:
        throw new IllegalArgumentException("not an identifier: " + token);
    }
  }

  /**
   * The value of a {@link Token.Type#STRING} or {@link Token.Type#DOLLAR_STRING} token.
   * {@code E'...'} and {@code U&'...'} escapes are decoded; bit strings ({@code B'...'},
   * {@code X'...'}) return their digits.
   *
   * @throws IllegalArgumentException for any other token type
   */
  public static String stringValue(Token token) {
    String text = token.text();
    if (token.type() == Token.Type.DOLLAR_STRING) {
      int tagLength = text.indexOf('$', 1) + 1;
      return text.substring(tagLength, text.length() - tagLength);
    }
    if (token.type() != Token.Type.STRING) {
      throw new IllegalArgumentException("not a string: " + token);
    }
    char first = text.charAt(0);
    if (first == '\'') {
      return unquote(text, '\'');
    }
    if (first == 'e' || first == 'E') {
      return decodeBackslashEscapes(unquote(text.substring(1), '\''));
    }
    if (startsWithUnicodePrefix(text)) {
      return decodeUnicodeEscapes(unquote(text.substring(2), '\''));
    }
    return unquote(text.substring(1), '\'');
  }

  /** {@code value} as a standard SQL string literal: {@code 'it''s'}. */
  public static String quoteString(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** {@code name} as a double-quoted identifier: {@code "My ""table"""}. */
  public static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static boolean startsWithUnicodePrefix(String text) {
    return text.length() > 1 && (text.charAt(0) == 'u' || text.charAt(0) == 'U')
        && text.charAt(1) == '&';
  }

  /** Strips the surrounding quotes and undoubles inner ones. Expects a terminated token. */
  private static String unquote(String quoted, char quote) {
    String inner = quoted.substring(1, quoted.length() - 1);
    String doubled = String.valueOf(quote) + quote;
    return inner.replace(doubled, String.valueOf(quote));
  }

  /**
   * Decodes the escapes PostgreSQL allows in {@code E'...'} strings. Octal and hex escapes are
   * bytes, decoded together as UTF-8; unknown escapes stand for the character itself.
   */
  private static String decodeBackslashEscapes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i++);
      int digits = 0;
      int radix = 0;
      if (c == '\\' && i < s.length()) {
        char e = s.charAt(i);
        if (e >= '0' && e <= '7') {
          radix = 8;
          digits = countDigits(s, i, 3, 8);
        } else if (e == 'x') {
          radix = 16;
          digits = countDigits(s, i + 1, 2, 16);
          i += digits > 0 ? 1 : 0;
        }
      }
      if (digits > 0) {
        bytes.write(Integer.parseInt(s.substring(i, i + digits), radix) & 0xFF);
        i += digits;
        continue;
      }
      flushUtf8(bytes, out);
      if (c != '\\' || i >= s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case 'u': i = appendHex(s, i, 4, 4, out, "u"); break;
        case 'U': i = appendHex(s, i, 8, 8, out, "U"); break;
        default: out.append(e);
      }
    }
    flushUtf8(bytes, out);
    return out.toString();
  }

  private static int countDigits(String s, int from, int max, int radix) {
    int n = 0;
    while (from + n < s.length() && n < max && digitValue(s.charAt(from + n)) < radix) {
      n++;
    }
    return n;
  }

  private static void flushUtf8(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      bytes.reset();
    }
  }

  /** Decodes {@code \XXXX}, {@code \+XXXXXX} and {@code \\} with the default escape character. */
  private static String decodeUnicodeEscapes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c != '\\' || i >= s.length()) {
        out.append(c);
      } else if (s.charAt(i) == '\\') {
        out.append('\\');
        i++;
      } else if (s.charAt(i) == '+') {
        i = appendHex(s, i + 1, 6, 6, out, "\\+");
      } else {
        i = appendHex(s, i, 4, 4, out, "\\");
      }
    }
    return out.toString();
  }

  /**
   * Appends the code point spelled by {@code min..max} hex digits at {@code i}; if there are
   * too few digits or the value is no code point, appends {@code fallback} instead and consumes
   * nothing. Returns the index after what was consumed.
   */
  private static int appendHex(String s, int i, int max, int min, StringBuilder out, String fallback) {
    int end = i;
    while (end < s.length() && end < i + max && digitValue(s.charAt(end)) < 16) {
      end++;
    }
    if (end - i >= min) {
      long cp = Long.parseLong(s.substring(i, end), 16);
      if (Character.isValidCodePoint((int) cp) && cp == (int) cp) {
        out.appendCodePoint((int) cp);
        return end;
      }
    }
    out.append(fallback);
    return i;
  }

  /** Value of an ASCII hex digit, or 99 for any other character. */
  private static int digitValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return 99;
  }
}
