package io.kqlite.pgwire.catalog;

import io.kqlite.statemachine.LocalFunction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's jsonb operators that SQLite has no counterpart for, as the functions the
 * translator calls: {@code a @> b} and {@code b <@ a} ({@code kq_jsonb_contains(a, b)}),
 * {@code a ? k}, {@code a ?| keys}, {@code a ?& keys} ({@code kq_jsonb_exists}, {@code _any},
 * {@code _all}). Containment follows PostgreSQL's rules: an object contains an object whose every
 * key it has with a contained value, an array contains an array whose every element is contained
 * in one of its own, an array contains a lone scalar that is one of its elements, and scalars are
 * equal (numbers by value). Pure, so writes may call them too. Invalid JSON is 22P02.
 */
final class JsonbFunctions {

  private JsonbFunctions() {}

  static List<LocalFunction> all() {
    return List.of(
        new LocalFunction("kq_jsonb_contains", 2,
            a -> a[0] == null || a[1] == null ? null : contains(parse(a[0]), parse(a[1]), true) ? 1L : 0L),
        new LocalFunction("kq_jsonb_exists", 2,
            a -> a[0] == null || a[1] == null ? null : exists(parse(a[0]), a[1].toString()) ? 1L : 0L),
        new LocalFunction("kq_jsonb_exists_any", 2, a -> existsOf(a, false)),
        new LocalFunction("kq_jsonb_exists_all", 2, a -> existsOf(a, true)));
  }

  /** Whether {@code a} contains {@code b}; {@code top} allows an array to contain a lone scalar. */
  static boolean contains(Object a, Object b, boolean top) {
    if (b instanceof Map<?, ?> wanted) {
      if (!(a instanceof Map<?, ?> have)) {
        return false;
      }
      for (Map.Entry<?, ?> entry : wanted.entrySet()) {
        if (!have.containsKey(entry.getKey()) || !contains(have.get(entry.getKey()), entry.getValue(), false)) {
          return false;
        }
      }
      return true;
    }
    if (b instanceof List<?> wanted) {
      if (!(a instanceof List<?> have)) {
        return false;
      }
      for (Object element : wanted) {
        if (have.stream().noneMatch(h -> contains(h, element, false))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> have && top) {
      return have.stream().anyMatch(h -> scalarEquals(h, b));
    }
    return scalarEquals(a, b);
  }

  private static boolean scalarEquals(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return a == null ? b == JsonNull.NULL || b == null
        : !(a instanceof Map) && !(a instanceof List) && a.equals(b);
  }

  /** {@code a ? key}: a top-level key of an object, a string element of an array, or the string. */
  static boolean exists(Object a, String key) {
    if (a instanceof Map<?, ?> object) {
      return object.containsKey(key);
    }
    if (a instanceof List<?> array) {
      return array.contains(key);
    }
    return key.equals(a);
  }

  private static Long existsOf(Object[] a, boolean all) {
    if (a[0] == null || a[1] == null) {
      return null;
    }
    Object json = parse(a[0]);
    List<String> keys = PgArrays.elements(a[1]);
    for (String key : keys) {
      boolean found = key != null && exists(json, key);
      if (found != all) {
        return all ? 0L : 1L;
      }
    }
    return all ? 1L : 0L;
  }

  /** JSON null, kept apart from an absent key. */
  enum JsonNull { NULL }

  /** Objects as maps, arrays as lists, numbers as BigDecimal, strings, booleans, {@link JsonNull}. */
  static Object parse(Object value) {
    String text = TextFunctions.text(value);
    Parser parser = new Parser(text);
    Object parsed = parser.value();
    parser.skipSpace();
    if (parser.at != text.length()) {
      throw parser.invalid();
    }
    return parsed;
  }

  /** A small recursive-descent reader of RFC 8259 JSON. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Object value() {
      skipSpace();
      if (at >= text.length()) {
        throw invalid();
      }
      char c = text.charAt(at);
      return switch (c) {
        case '{' -> object();
        case '[' -> array();
        case '"' -> string();
        case 't' -> word("true", Boolean.TRUE);
        case 'f' -> word("false", Boolean.FALSE);
        case 'n' -> word("null", JsonNull.NULL);
        default -> number();
      };
    }

    private Map<String, Object> object() {
      Map<String, Object> object = new LinkedHashMap<>();
      at++;
      skipSpace();
      if (peek('}')) {
        return object;
      }
      do {
        skipSpace();
        if (at >= text.length() || text.charAt(at) != '"') {
          throw invalid();
        }
        String key = string();
        skipSpace();
        expect(':');
        object.put(key, value()); // the last duplicate key wins, as in jsonb
        skipSpace();
      } while (peek(','));
      expect('}');
      return object;
    }

    private List<Object> array() {
      List<Object> array = new ArrayList<>();
      at++;
      skipSpace();
      if (peek(']')) {
        return array;
      }
      do {
        array.add(value());
        skipSpace();
      } while (peek(','));
      expect(']');
      return array;
    }

    private String string() {
      StringBuilder out = new StringBuilder();
      at++;
      while (at < text.length() && text.charAt(at) != '"') {
        char c = text.charAt(at++);
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (at >= text.length()) {
          throw invalid();
        }
        char e = text.charAt(at++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw invalid();
            }
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> out.append(e);
        }
      }
      expect('"');
      return out.toString();
    }

    private Object word(String word, Object value) {
      if (!text.startsWith(word, at)) {
        throw invalid();
      }
      at += word.length();
      return value;
    }

    private BigDecimal number() {
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      try {
        return new BigDecimal(text.substring(start, at));
      } catch (NumberFormatException e) {
        throw invalid();
      }
    }

    private boolean peek(char c) {
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw invalid();
      }
    }

    void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    IllegalArgumentException invalid() {
      return new IllegalArgumentException("SQLSTATE 22P02: invalid input syntax for type json");
    }
  }
}
