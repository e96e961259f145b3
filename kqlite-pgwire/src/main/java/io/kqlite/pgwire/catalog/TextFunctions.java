package io.kqlite.pgwire.catalog;

import io.kqlite.statemachine.LocalFunction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * PostgreSQL's string and small numeric functions that SQLite lacks ({@code left},
 * {@code split_part}, {@code lpad}, {@code greatest}, {@code regexp_replace}, …), with PostgreSQL
 * 15's results. They are pure, so they are registered for writes too: every replica computes the
 * same value. Lengths and positions count characters (code points), as PostgreSQL does in UTF8.
 * NULL in, NULL out, except {@code greatest}/{@code least}, which skip NULLs.
 */
final class TextFunctions {

  /**
   * The longest text {@code repeat}, {@code lpad} and {@code rpad} build, in characters. PostgreSQL
   * allows 1 GB; a write runs these on every replica's apply thread, where a string of that size
   * would exhaust the heap of every data node at once, so kqlite refuses sooner (54000).
   */
  static final int MAX_BUILT_CHARS = 64 * 1024 * 1024;

  private TextFunctions() {}

  static List<LocalFunction> all() {
    List<LocalFunction> f = new ArrayList<>();
    f.add(new LocalFunction("left", 2, a -> anyNull(a) ? null : left(text(a[0]), integer(a[1]))));
    f.add(new LocalFunction("right", 2, a -> anyNull(a) ? null : right(text(a[0]), integer(a[1]))));
    f.add(new LocalFunction("split_part", 3,
        a -> anyNull(a) ? null : splitPart(text(a[0]), text(a[1]), integer(a[2]))));
    f.add(new LocalFunction("initcap", 1, a -> anyNull(a) ? null : initcap(text(a[0]))));
    for (int arity = 2; arity <= 3; arity++) {
      f.add(new LocalFunction("lpad", arity, a -> anyNull(a) ? null : pad(a, true)));
      f.add(new LocalFunction("rpad", arity, a -> anyNull(a) ? null : pad(a, false)));
    }
    f.add(new LocalFunction("repeat", 2, a -> anyNull(a) ? null : repeat(text(a[0]), integer(a[1]))));
    f.add(new LocalFunction("strpos", 2, a -> anyNull(a) ? null : strpos(text(a[0]), text(a[1]))));
    // position(s IN sub) as the translator writes it; same order as strpos
    f.add(new LocalFunction("position", 2, a -> anyNull(a) ? null : strpos(text(a[0]), text(a[1]))));
    for (String name : List.of("char_length", "character_length")) {
      f.add(new LocalFunction(name, 1, a -> anyNull(a) ? null : (long) text(a[0]).codePointCount(0, text(a[0]).length())));
    }
    f.add(new LocalFunction("translate", 3,
        a -> anyNull(a) ? null : translate(text(a[0]), text(a[1]), text(a[2]))));
    f.add(new LocalFunction("chr", 1, a -> anyNull(a) ? null : chr(integer(a[0]))));
    f.add(new LocalFunction("ascii", 1, a -> anyNull(a) ? null : ascii(text(a[0]))));
    f.add(new LocalFunction("btrim", 1, a -> anyNull(a) ? null : trim(text(a[0]), " ")));
    f.add(new LocalFunction("btrim", 2, a -> anyNull(a) ? null : trim(text(a[0]), text(a[1]))));
    f.add(new LocalFunction("greatest", -1, a -> extreme(a, 1)));
    f.add(new LocalFunction("least", -1, a -> extreme(a, -1)));
    f.add(new LocalFunction("div", 2, a -> anyNull(a) ? null : div(a[0], a[1])));
    f.add(new LocalFunction("trunc", 2, a -> anyNull(a) ? null : trunc(a[0], integer(a[1]))));
    f.add(new LocalFunction("regexp_replace", 3,
        a -> anyNull(a) ? null : regexpReplace(text(a[0]), text(a[1]), text(a[2]), "")));
    f.add(new LocalFunction("regexp_replace", 4,
        a -> anyNull(a) ? null : regexpReplace(text(a[0]), text(a[1]), text(a[2]), text(a[3]))));
    return f;
  }

  static String left(String s, int n) {
    int length = s.codePointCount(0, s.length());
    int keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
    return s.substring(0, s.offsetByCodePoints(0, keep));
  }

  static String right(String s, int n) {
    int length = s.codePointCount(0, s.length());
    int keep = n >= 0 ? Math.min(n, length) : Math.max(0, length + n);
    return s.substring(s.offsetByCodePoints(0, length - keep));
  }

  /** The n-th field (from 1; negative counts from the end); '' past the last. */
  static String splitPart(String s, String delimiter, int n) {
    if (n == 0) {
      throw raise("22023", "field position must not be zero");
    }
    List<String> fields = new ArrayList<>();
    if (delimiter.isEmpty()) {
      fields.add(s);
    } else {
      int from = 0;
      for (int at; (at = s.indexOf(delimiter, from)) >= 0; from = at + delimiter.length()) {
        fields.add(s.substring(from, at));
      }
      fields.add(s.substring(from));
    }
    int index = n > 0 ? n - 1 : fields.size() + n;
    return index >= 0 && index < fields.size() ? fields.get(index) : "";
  }

  /** First letter of each run of letters and digits upper case, the rest lower case. */
  static String initcap(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean inWord = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      out.appendCodePoint(inWord ? Character.toLowerCase(c) : Character.toUpperCase(c));
      inWord = Character.isLetterOrDigit(c);
      i += Character.charCount(c);
    }
    return out.toString();
  }

  static String repeat(String s, int times) {
    if (times <= 0 || s.isEmpty()) {
      return "";
    }
    requireBuildable((long) s.length() * times);
    return s.repeat(times);
  }

  private static void requireBuildable(long characters) {
    if (characters > MAX_BUILT_CHARS) {
      throw raise("54000", "requested length too large");
    }
  }

  /** lpad/rpad: to exactly {@code length} characters, cutting on the right if longer. */
  private static String pad(Object[] a, boolean onLeft) {
    String s = text(a[0]);
    int length = Math.max(0, integer(a[1]));
    requireBuildable(length);
    String fill = a.length > 2 ? text(a[2]) : " ";
    int have = s.codePointCount(0, s.length());
    if (have >= length) {
      return s.substring(0, s.offsetByCodePoints(0, length));
    }
    if (fill.isEmpty()) {
      return s;
    }
    int[] fillPoints = fill.codePoints().toArray();
    StringBuilder padding = new StringBuilder();
    for (int i = 0; i < length - have; i++) {
      padding.appendCodePoint(fillPoints[i % fillPoints.length]);
    }
    return onLeft ? padding + s : s + padding;
  }

  static long strpos(String s, String sub) {
    int at = s.indexOf(sub);
    return at < 0 ? 0 : s.codePointCount(0, at) + 1;
  }

  static String translate(String s, String from, String to) {
    int[] fromPoints = from.codePoints().toArray();
    int[] toPoints = to.codePoints().toArray();
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      int i = indexOf(fromPoints, c);
      if (i < 0) {
        out.appendCodePoint(c);
      } else if (i < toPoints.length) {
        out.appendCodePoint(toPoints[i]);
      }
    });
    return out.toString();
  }

  private static int indexOf(int[] points, int c) {
    for (int i = 0; i < points.length; i++) {
      if (points[i] == c) {
        return i;
      }
    }
    return -1;
  }

  static String chr(int code) {
    if (code == 0) {
      throw raise("54000", "null character not permitted");
    }
    if (code < 0 || code > Character.MAX_CODE_POINT || (code >= 0xD800 && code <= 0xDFFF)) {
      throw raise("54000", "requested character too large for encoding: " + code);
    }
    return new String(Character.toChars(code));
  }

  static long ascii(String s) {
    return s.isEmpty() ? 0 : s.codePointAt(0);
  }

  static String trim(String s, String characters) {
    int[] set = characters.codePoints().toArray();
    int from = 0;
    int to = s.length();
    while (from < to && indexOf(set, s.codePointAt(from)) >= 0) {
      from += Character.charCount(s.codePointAt(from));
    }
    while (to > from && indexOf(set, s.codePointBefore(to)) >= 0) {
      to -= Character.charCount(s.codePointBefore(to));
    }
    return s.substring(from, to);
  }

  /** greatest (sign 1) or least (-1) of the non-NULL arguments, in SQLite's order of values. */
  private static Object extreme(Object[] a, int sign) {
    Object best = null;
    for (Object value : a) {
      if (value != null && (best == null || sign * compare(value, best) > 0)) {
        best = value;
      }
    }
    return best;
  }

  /** SQLite's order between values: numbers (by value) before text before blobs. */
  private static int compare(Object x, Object y) {
    int rank = Integer.compare(rank(x), rank(y));
    if (rank != 0) {
      return rank;
    }
    if (x instanceof Number a && y instanceof Number b) {
      return a instanceof Long l && b instanceof Long m ? Long.compare(l, m)
          : Double.compare(a.doubleValue(), b.doubleValue());
    }
    if (x instanceof byte[] a && y instanceof byte[] b) {
      return Arrays.compareUnsigned(a, b);
    }
    return x.toString().compareTo(y.toString());
  }

  private static int rank(Object value) {
    return value instanceof Number ? 0 : value instanceof byte[] ? 2 : 1;
  }

  /** Integer quotient, rounded toward zero. */
  private static Object div(Object x, Object y) {
    if (x instanceof Long a && y instanceof Long b) {
      if (b == 0) {
        throw raise("22012", "division by zero");
      }
      return a / b;
    }
    double divisor = decimal(y);
    if (divisor == 0) {
      throw raise("22012", "division by zero");
    }
    double quotient = decimal(x) / divisor;
    return (long) quotient;
  }

  /** trunc(x, n): x cut (toward zero) to n decimal places; n may be negative. */
  private static Object trunc(Object x, int places) {
    if (x instanceof Long l && places >= 0) {
      return l;
    }
    return new BigDecimal(decimal(x).toString())
        .setScale(places, RoundingMode.DOWN).doubleValue();
  }

  /**
   * regexp_replace with PostgreSQL's replacement syntax ({@code \1} … {@code \9} a group,
   * {@code \&} the match) and flags {@code g} (every match), {@code i} (ignore case), {@code c},
   * {@code n}, {@code s}, {@code x} and {@code q} (the pattern is literal text).
   */
  static String regexpReplace(String source, String pattern, String replacement, String flags) {
    int options = 0;
    boolean global = false;
    for (char flag : flags.toCharArray()) {
      switch (flag) {
        case 'g' -> global = true;
        case 'i' -> options |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        case 'c' -> options &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        case 'n' -> options &= ~Pattern.DOTALL;
        case 's' -> options |= Pattern.DOTALL;
        case 'x' -> options |= Pattern.COMMENTS;
        case 'q' -> options |= Pattern.LITERAL;
        default -> throw raise("22023", "invalid regular expression option: \"" + flag + "\"");
      }
    }
    Matcher matcher;
    try {
      matcher = Pattern.compile(pattern, options).matcher(source);
    } catch (PatternSyntaxException e) {
      throw raise("2201B", "invalid regular expression: " + e.getDescription());
    }
    String javaReplacement = javaReplacement(replacement);
    return global ? matcher.replaceAll(javaReplacement) : matcher.replaceFirst(javaReplacement);
  }

  private static String javaReplacement(String replacement) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < replacement.length(); i++) {
      char c = replacement.charAt(i);
      char next = i + 1 < replacement.length() ? replacement.charAt(i + 1) : 0;
      if (c == '\\' && next >= '1' && next <= '9') {
        out.append('$').append(next);
        i++;
      } else if (c == '\\' && next == '&') {
        out.append("$0");
        i++;
      } else if (c == '\\' && next == '\\') {
        out.append("\\\\");
        i++;
      } else if (c == '\\' || c == '$') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean anyNull(Object[] a) {
    for (Object value : a) {
      if (value == null) {
        return true;
      }
    }
    return false;
  }

  /** A text argument; a bytea one read as UTF-8. */
  static String text(Object value) {
    return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
  }

  private static Double decimal(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.valueOf(value.toString().trim());
    } catch (NumberFormatException e) {
      throw raise("22P02", "invalid input syntax for type numeric: \"" + value + "\"");
    }
  }

  private static int integer(Object value) {
    if (value instanceof Long l) {
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
    }
    if (value instanceof Double d) {
      return (int) Math.round(d);
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw raise("22P02", "invalid input syntax for type integer: \"" + value + "\"");
    }
  }

  /** An error SQLite reports with the function's failure, mapped back to this SQLSTATE. */
  private static IllegalArgumentException raise(String sqlState, String message) {
    return new IllegalArgumentException("SQLSTATE " + sqlState + ": " + message);
  }
}
