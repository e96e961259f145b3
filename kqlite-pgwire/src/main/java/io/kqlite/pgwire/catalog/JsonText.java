package io.kqlite.pgwire.catalog;

import java.util.List;

/** JSON text for values handed to SQLite's json functions (and the CLI's {@code --json}). */
public final class JsonText {

  private JsonText() {
  }

  /** {@code text} as a JSON string: quotes, backslashes and control characters escaped. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** A JSON array of strings. */
  public static String array(List<String> strings) {
    StringBuilder out = new StringBuilder("[");
    for (String s : strings) {
      out.append(out.length() > 1 ? "," : "").append(quote(s));
    }
    return out.append(']').toString();
  }
}
