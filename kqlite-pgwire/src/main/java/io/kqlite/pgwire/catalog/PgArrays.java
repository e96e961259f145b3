package io.kqlite.pgwire.catalog;

import io.kqlite.pgwire.types.ArrayValues;
import java.util.ArrayList;
import java.util.List;

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
