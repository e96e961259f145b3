package io.kqlite.pgwire.catalog;

import io.kqlite.pgwire.types.ArrayValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Arrays in the catalog are kept as PostgreSQL writes them in text ({@code {a,b,"c d"}}, and
 * vectors like {@code int2vector} as {@code 1 2}), so a client reading them sees PostgreSQL's
 * text form. These helpers read and write that form for the array functions.
 */
final class PgArrays {

  private PgArrays() {
  }

  /**
   * The elements of {@code text}: a {@code {...}} array (null elements as Java null) or a
   * space-separated vector; null for null.
   */
  static List<String> elements(Object text) {
    if (text == null) {
      return null;
    }
    String s = text.toString().trim();
    List<String> out = new ArrayList<>();
    if (!s.startsWith("{")) {
      for (String part : s.split("\\s+")) {
        if (!part.isEmpty()) {
          out.add(part);
        }
      }
      return out;
    }
    int i = 1;
    int end = s.lastIndexOf('}');
    while (i < end) {
      StringBuilder element = new StringBuilder();
      boolean quoted = false;
      if (s.charAt(i) == '"') {
        quoted = true;
        i++;
        while (i < end && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\' && i + 1 < end) {
            i++;
          }
          element.append(s.charAt(i++));
        }
        i++;
      } else {
        while (i < end && s.charAt(i) != ',') {
          element.append(s.charAt(i++));
        }
      }
      String value = element.toString();
      out.add(!quoted && value.trim().equalsIgnoreCase("NULL") ? null : value.trim());
      i++; // the comma
    }
    return out;
  }

  /**
   * PostgreSQL's {@code string_to_array(text, delimiter, null_string)} as array text: a null
   * delimiter splits into characters, an empty one keeps the text whole; fields equal to
   * {@code nullString} become NULL. An empty text is the empty array.
   */
  static String split(Object text, Object delimiter, Object nullString) {
    if (text == null) {
      return null;
    }
    String s = text.toString();
    List<String> fields = new ArrayList<>();
    if (s.isEmpty()) {
      return format(fields);
    }
    if (delimiter == null) {
      s.codePoints().forEach(c -> fields.add(new String(Character.toChars(c))));
    } else if (delimiter.toString().isEmpty()) {
      fields.add(s);
    } else {
      String d = delimiter.toString();
      int from = 0;
      for (int at; (at = s.indexOf(d, from)) >= 0; from = at + d.length()) {
        fields.add(s.substring(from, at));
      }
      fields.add(s.substring(from));
    }
    if (nullString != null) {
      fields.replaceAll(f -> f.equals(nullString.toString()) ? null : f);
    }
    return format(fields);
  }

  /**
   * The elements of {@code first} then those of {@code second}, as array text: {@code array_cat},
   * and {@code array_append} / {@code array_prepend} with the lone element as a one-element array.
   * A null array counts as empty; null when both are null.
   */
  static String concat(Object first, Object second) {
    if (first == null && second == null) {
      return null;
    }
    List<String> all = new ArrayList<>();
    for (Object array : new Object[] {first, second}) {
      if (array != null) {
        all.addAll(elements(array));
      }
    }
    return format(all);
  }

  /** {@code array_position(array, value)}: where the value first is (from 1), or null. */
  static Long position(Object array, Object value) {
    List<String> elements = elements(array);
    if (elements == null) {
      return null;
    }
    String wanted = value == null ? null : TextFunctions.text(value);
    for (int i = 0; i < elements.size(); i++) {
      if (Objects.equals(elements.get(i), wanted)) {
        return i + 1L;
      }
    }
    return null;
  }

  /** True for text written as a space-separated vector, whose subscripts start at 0. */
  static boolean isVector(Object text) {
    return text != null && !text.toString().trim().startsWith("{");
  }

  /** The text form {@code {a,b}} of {@code elements}, quoting where PostgreSQL would. */
  static String format(List<?> elements) {
    return ArrayValues.format(elements);
  }

  /** A JSON array of the elements (strings), for SQLite's json_each. */
  static String json(List<String> elements) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String e = elements.get(i);
      if (e == null) {
        out.append("null");
      } else if (e.matches("-?\\d{1,18}")) {
        out.append(e);
      } else {
        out.append(JsonText.quote(e));
      }
    }
    return out.append(']').toString();
  }
}
