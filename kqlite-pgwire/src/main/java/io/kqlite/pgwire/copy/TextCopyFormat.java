package io.kqlite.pgwire.copy;

import io.kqlite.pgwire.sql.CopyOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's text format: one line per row, fields split by the delimiter (tab), {@code \N} for
 * NULL, and backslash escapes for the characters that would otherwise end a field or a line.
 */
final class TextCopyFormat implements CopyFormat {

  private final char delimiter;
  private final String nullString;
  private final boolean header;

  TextCopyFormat(CopyOptions options) {
    this.delimiter = options.delimiter();
    this.nullString = options.nullString();
    this.header = options.header();
  }

  @Override
  public List<String[]> parse(String data) {
    List<String[]> rows = new ArrayList<>();
    int at = 0;
    int line = 0;
    List<String> fields = new ArrayList<>();
    while (at < data.length()) {
      int end = lineEnd(data, at);
      int next = Math.min(end + 1, data.length());
      if (end > at && data.charAt(end - 1) == '\r') {
        end--; // \r\n line ends, as psql sends on Windows
      }
      line++;
      String text = data.substring(at, end);
      at = next;
      if (text.equals("\\.")) {
        break;
      }
      if (header && line == 1) {
        continue;
      }
      fields.clear();
      split(text, fields, line);
      rows.add(fields.toArray(new String[0]));
    }
    return rows;
  }

  /** The index of the newline ending the line at {@code from}; a backslash escapes a newline too. */
  private static int lineEnd(String data, int from) {
    int i = from;
    while (i < data.length() && data.charAt(i) != '\n') {
      i += data.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i, data.length());
  }

  /** Splits on unescaped delimiters; a raw field equal to the null string is NULL. */
  private void split(String text, List<String> fields, int line) {
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == delimiter) {
        String raw = text.substring(start, i);
        fields.add(raw.equals(nullString) ? null : unescape(raw, line));
        start = i + 1;
      } else if (text.charAt(i) == '\\') {
        if (i + 1 == text.length()) {
          throw new CopyDataException("end-of-copy marker corrupt", line);
        }
        i++; // the escaped character never splits
      }
    }
  }

  private static String unescape(String raw, int line) {
    if (raw.indexOf('\\') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i == raw.length()) {
        throw new CopyDataException("end-of-copy marker corrupt", line);
      }
      char e = raw.charAt(i);
      switch (e) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case 'x' -> {
          int digits = countDigits(raw, i + 1, 2, 16);
          if (digits == 0) {
            out.append('x');
          } else {
            out.append((char) Integer.parseInt(raw.substring(i + 1, i + 1 + digits), 16));
            i += digits;
          }
        }
        default -> {
          int digits = countDigits(raw, i, 3, 8);
          if (digits > 0) {
            out.append((char) (Integer.parseInt(raw.substring(i, i + digits), 8) & 0xff));
            i += digits - 1;
          } else {
            out.append(e); // \\ and \<delimiter> and any other character stand for themselves
          }
        }
      }
    }
    return out.toString();
  }

  private static int countDigits(String s, int from, int max, int radix) {
    int n = 0;
    while (n < max && from + n < s.length() && Character.digit(s.charAt(from + n), radix) >= 0) {
      n++;
    }
    return n;
  }

  @Override
  public String formatRow(String[] values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(delimiter);
      }
      if (values[i] == null) {
        out.append(nullString);
      } else {
        escape(values[i], out);
      }
    }
    return out.append('\n').toString();
  }

  private void escape(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\u000b' -> out.append("\\v");
        default -> {
          if (c == delimiter) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
  }
}
