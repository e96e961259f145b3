package io.kqlite.pgwire.sql;

import io.kqlite.pgwire.sql.StatementDetail.Copy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses COPY into a {@link Copy}: the target (table and columns, or a query), the direction and
 * the data options, in both PostgreSQL's option-list syntax ({@code WITH (FORMAT csv, HEADER)})
 * and the pre-9.0 one psql still sends for {@code \copy … csv header}. Only STDIN and STDOUT are
 * accepted: the server's files are no business of a client.
 */
final class CopyStatements {

  private static final String INVALID = "22023";

  private CopyStatements() {
  }

  /** @param w the statement's words, starting with COPY; @param tokens all its tokens */
  static Copy parse(Words w, List<Token> tokens) {
    int i = 1;
    String table = null;
    String query = null;
    List<String> columns = new ArrayList<>();
    if (w.isSymbol(i, "(")) {
      int close = w.closing(i);
      if (close >= w.size()) {
        throw SqlTranslationException.syntaxErrorAt(null);
      }
      query = text(tokens, w.tokenIndex(i) + 1, w.tokenIndex(close)).strip();
      i = close + 1;
    } else {
      int start = i;
      i = w.skipQualifiedName(i);
      table = rawText(w, start, i);
      if (w.isSymbol(i, "(")) {
        int close = w.closing(i);
        for (int k = i + 1; k < close; k++) {
          if (!w.isSymbol(k, ",")) {
            columns.add(w.identifier(k));
          }
        }
        i = close + 1;
      }
    }
    boolean from;
    if (w.isWord(i, "from") && query == null) {
      from = true;
    } else if (w.isWord(i, "to")) {
      from = false;
    } else {
      throw SqlTranslationException.syntaxErrorAt(w.get(i));
    }
    i++;
    if (!w.isWord(i, from ? "stdin" : "stdout")) {
      if (w.isName(i) && !w.isWord(i, "program") || w.get(i) == null) {
        throw SqlTranslationException.syntaxErrorAt(w.get(i));
      }
      throw SqlTranslationException.featureNotSupported("COPY " + (from ? "FROM" : "TO")
          + " a file or program is not supported; use COPY " + (from ? "FROM STDIN" : "TO STDOUT")
          + " (psql: \\copy)");
    }
    i++;
    Builder options = new Builder();
    if (w.isWord(i, "with")) {
      i++;
    }
    if (w.isSymbol(i, "(")) {
      i = optionList(w, i, options);
    } else {
      i = legacyOptions(w, i, options);
    }
    if (w.isWord(i, "where")) {
      throw SqlTranslationException.featureNotSupported("COPY FROM … WHERE is not supported");
    }
    if (i < w.size()) {
      throw SqlTranslationException.syntaxErrorAt(w.get(i));
    }
    return new Copy(from, table, columns, query, options.build());
  }

  /** {@code ( name [value] [, …] )}. */
  private static int optionList(Words w, int open, Builder options) {
    int close = w.closing(open);
    int i = open + 1;
    while (i < close) {
      String name = w.word(i);
      if (name == null) {
        throw SqlTranslationException.syntaxErrorAt(w.get(i));
      }
      i++;
      List<String> values = new ArrayList<>();
      if (w.isSymbol(i, "(")) {
        int end = w.closing(i);
        for (int k = i + 1; k < end; k++) {
          if (!w.isSymbol(k, ",")) {
            values.add(w.identifier(k));
          }
        }
        i = end + 1;
      } else if (i < close && !w.isSymbol(i, ",")) {
        values.add(value(w.get(i)));
        i++;
      }
      options.set(name, values);
      if (w.isSymbol(i, ",")) {
        i++;
      } else if (i < close) {
        throw SqlTranslationException.syntaxErrorAt(w.get(i));
      }
    }
    return close + 1;
  }

  /** BINARY, DELIMITER [AS] 'c', NULL [AS] 's', CSV, HEADER, QUOTE, ESCAPE, FORCE …, FREEZE. */
  private static int legacyOptions(Words w, int i, Builder options) {
    while (i < w.size() && !w.isWord(i, "where")) {
      String word = w.word(i);
      if (word == null) {
        throw SqlTranslationException.syntaxErrorAt(w.get(i));
      }
      i++;
      switch (word) {
        case "binary" -> options.set("format", List.of("binary"));
        case "csv" -> options.set("format", List.of("csv"));
        case "header" -> options.set("header", List.of());
        case "freeze" -> options.set("freeze", List.of());
        case "delimiter", "null", "quote", "escape" -> {
          if (w.isWord(i, "as")) {
            i++;
          }
          options.set(word, List.of(value(w.get(i))));
          i++;
        }
        case "force" -> {
          boolean quote = w.isWord(i, "quote");
          int at = quote ? i + 1 : i + 2; // FORCE QUOTE … / FORCE NOT NULL …
          List<String> columns = new ArrayList<>();
          if (w.isSymbol(at, "*")) {
            columns.add("*");
            at++;
          } else {
            do {
              if (w.isSymbol(at, ",")) {
                at++;
              }
              columns.add(w.identifier(at++));
            } while (w.isSymbol(at, ","));
          }
          if (quote) {
            options.set("force_quote", columns);
          }
          i = at;
        }
        default -> throw SqlTranslationException.syntaxErrorAt(w.get(i - 1));
      }
    }
    return i;
  }

  private static String value(Token token) {
    if (token == null) {
      throw SqlTranslationException.syntaxErrorAt(null);
    }
    return switch (token.type()) {
      case STRING, DOLLAR_STRING -> SqlLiterals.stringValue(token);
      case QUOTED_IDENT -> SqlLiterals.identifierValue(token);
      case NUMBER -> token.text();
      case KEYWORD_OR_IDENT -> SqlLiterals.foldIdentifier(token.text());
      default -> {
        if (token.isSymbol("*")) {
          yield "*";
        }
        throw SqlTranslationException.syntaxErrorAt(token);
      }
    };
  }

  private static String rawText(Words w, int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int k = from; k < to; k++) {
      out.append(w.get(k).text());
    }
    return out.toString();
  }

  private static String text(List<Token> tokens, int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int k = from; k < to; k++) {
      out.append(tokens.get(k).text());
    }
    return out.toString();
  }

  /** Collects options, then applies PostgreSQL's defaults and checks. */
  private static final class Builder {
    private String format = "text";
    private String delimiter;
    private String nullString;
    private boolean header;
    private String quote;
    private String escape;
    private List<String> forceQuote = List.of();

    void set(String name, List<String> values) {
      String value = values.isEmpty() ? null : values.get(0);
      switch (name) {
        case "format" -> format = value == null ? "" : value.toLowerCase(Locale.ROOT);
        case "delimiter" -> delimiter = value;
        case "null" -> nullString = value;
        case "header" -> header = value == null || value.equalsIgnoreCase("match") || bool(name, value);
        case "quote" -> quote = value;
        case "escape" -> escape = value;
        case "force_quote" -> forceQuote = values;
        case "freeze", "oids" -> bool(name, value == null ? "true" : value);
        case "force_not_null", "force_null", "encoding" -> {
          // accepted; kqlite's data is UTF-8 and NULL handling follows the null string
        }
        default -> throw new SqlTranslationException("42601", "option \"" + name + "\" not recognized");
      }
    }

    private static boolean bool(String name, String value) {
      switch (value.toLowerCase(Locale.ROOT)) {
        case "true", "on", "1", "yes", "t", "y":
          return true;
        case "false", "off", "0", "no", "f", "n":
          return false;
        default:
          throw new SqlTranslationException(INVALID, name + " requires a Boolean value");
      }
    }

    CopyOptions build() {
      boolean csv;
      switch (format) {
        case "text" -> csv = false;
        case "csv" -> csv = true;
        case "binary" -> {
          return new CopyOptions(false, '\t', "\\N", false, '"', '"', List.of(), true);
        }
        default -> throw new SqlTranslationException(INVALID, "COPY format \"" + format + "\" not recognized");
      }
      if (!csv && (quote != null || escape != null)) {
        throw SqlTranslationException.featureNotSupported(
            "COPY " + (quote != null ? "quote" : "escape") + " available only in CSV mode");
      }
      char delim = single(delimiter, csv ? ',' : '\t', "COPY delimiter must be a single one-byte character");
      char q = single(quote, '"', "COPY quote must be a single one-byte character");
      char e = single(escape, q, "COPY escape must be a single one-byte character");
      if (delim == '\r' || delim == '\n') {
        throw new SqlTranslationException(INVALID, "COPY delimiter cannot be newline or carriage return");
      }
      if (csv && delim == q) {
        throw new SqlTranslationException(INVALID, "COPY delimiter and quote must be different");
      }
      String nul = nullString != null ? nullString : csv ? "" : "\\N";
      return new CopyOptions(csv, delim, nul, header, q, e, forceQuote, false);
    }

    private static char single(String value, char fallback, String error) {
      if (value == null) {
        return fallback;
      }
      if (value.length() != 1 || value.charAt(0) > 127) {
        throw new SqlTranslationException(INVALID, error);
      }
      return value.charAt(0);
    }
  }
}
