package io.kqlite.pgwire.copy;

import io.kqlite.pgwire.sql.CopyOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's csv format: fields split by the delimiter (comma), optionally quoted; a quoted field
 * may hold delimiters, quotes (escaped) and line breaks. An unquoted field equal to the null
 * string (empty by default) is NULL, a quoted one never is.
 */
final class CsvCopyFormat implements CopyFormat {

  private final CopyOptions options;
  private final char delimiter;
  private final char quote;
  private final char escape;
  /** Output columns always quoted (FORCE_QUOTE), by position. */
  private final boolean[] forced;

  CsvCopyFormat(CopyOptions options, List<String> columns) {
    this.options = options;
    this.forced = new boolean[columns.size()];
    for (int i = 0; i < forced.length; i++) {
      forced[i] = options.forcesQuote(columns.get(i));
    }
    this.delimiter = options.delimiter();
    this.quote = options.quote();
    this.escape = options.escape();
  }

  @Override
  public List<String[]> parse(String data) {
    List<String[]> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int rowLine = 1;
    int i = 0;
    int n = data.length();
    boolean skipHeader = options.header();
    while (i < n) {
      // at the start of a row
      rowLine = line;
      if (data.startsWith("\\.", i) && (i + 2 == n || data.charAt(i + 2) == '\n' || data.charAt(i + 2) == '\r')) {
        break;
      }
      fields.clear();
      boolean rowEnded = false;
      while (!rowEnded) {
        field.setLength(0);
        boolean quoted = false;
        while (i < n) {
          char c = data.charAt(i);
          if (c == quote) {
            quoted = true;
            int start = i;
            i = readQuoted(data, i + 1, field, rowLine);
            line += (int) data.substring(start, i).chars().filter(ch -> ch == '\n').count();
            continue;
          }
          if (c == delimiter || c == '\n' || c == '\r') {
            break;
          }
          field.append(c);
          i++;
        }
        String value = field.toString();
        fields.add(!quoted && value.equals(options.nullString()) ? null : value);
        if (i < n && data.charAt(i) == delimiter) {
          i++;
          continue;
        }
        if (i < n && data.charAt(i) == '\r') {
          i++;
        }
        if (i < n && data.charAt(i) == '\n') {
          i++;
        }
        line++;
        rowEnded = true;
      }
      if (skipHeader) {
        skipHeader = false;
        continue;
      }
      rows.add(fields.toArray(new String[0]));
    }
    return rows;
  }

  /** Reads a quoted section after its opening quote; returns the index after the closing quote. */
  private int readQuoted(String data, int i, StringBuilder field, int line) {
    int n = data.length();
    while (i < n) {
      char c = data.charAt(i);
      if (c == escape && i + 1 < n && (data.charAt(i + 1) == quote || data.charAt(i + 1) == escape)
          && (escape != quote || data.charAt(i + 1) == quote)) {
        field.append(data.charAt(i + 1));
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        field.append(c);
        i++;
      }
    }
    throw new CopyDataException("unterminated CSV quoted field", line);
  }

  @Override
  public String formatRow(String[] values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(delimiter);
      }
      format(values[i], i < forced.length && forced[i], out);
    }
    return out.append('\n').toString();
  }

  @Override
  public String formatHeader(List<String> columns) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        out.append(delimiter);
      }
      format(columns.get(i), false, out);
    }
    return out.append('\n').toString();
  }

  private void format(String value, boolean forceQuote, StringBuilder out) {
    if (value == null) {
      out.append(options.nullString());
      return;
    }
    if (!forceQuote && !needsQuotes(value)) {
      out.append(value);
      return;
    }
    out.append(quote);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == quote || c == escape) {
        out.append(escape);
      }
      out.append(c);
    }
    out.append(quote);
  }

  /** As PostgreSQL: delimiter, quote, line breaks, the null string itself, or a lone {@code \.}. */
  private boolean needsQuotes(String value) {
    if (value.equals(options.nullString()) || value.equals("\\.")) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == delimiter || c == quote || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
