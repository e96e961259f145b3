package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code CREATE SEQUENCE} and {@code DROP SEQUENCE} become calls of the store's sequence functions
 * ({@code kq_create_sequence}, {@code kq_drop_sequence}), which keep sequences in a table of the
 * same SQLite file and apply PostgreSQL's defaults and checks there, on every replica:
 *
 * <pre>
 * CREATE SEQUENCE [IF NOT EXISTS] s [AS smallint|integer|bigint] [INCREMENT [BY] n]
 *     [MINVALUE n | NO MINVALUE] [MAXVALUE n | NO MAXVALUE] [START [WITH] n] [CACHE n]
 *     [[NO] CYCLE] [OWNED BY t.c | NONE]
 * DROP SEQUENCE [IF EXISTS] s [, …] [CASCADE | RESTRICT]
 * </pre>
 *
 * OWNED BY is accepted and not recorded (dropping the table leaves the sequence).
 */
final class SequenceStatements {

  private static final Map<String, String> DATA_TYPES = Map.of(
      "smallint", "smallint", "int2", "smallint", "integer", "integer", "int", "integer",
      "int4", "integer", "bigint", "bigint", "int8", "bigint");

  private SequenceStatements() {
  }

  /** True for CREATE [TEMP] SEQUENCE, ALTER SEQUENCE and DROP SEQUENCE. */
  static boolean isSequenceStatement(Words w) {
    return w.isWord(0, "create") && (w.isWord(1, "sequence")
            || w.isWordIn(1, java.util.Set.of("temp", "temporary", "unlogged")) && w.isWord(2, "sequence"))
        || w.isWord(0, "drop") && w.isWord(1, "sequence")
        || w.isWord(0, "alter") && w.isWord(1, "sequence");
  }

  /** The SQLite statement for a sequence statement. */
  static String sqlite(Words w) {
    return w.isWord(0, "create") ? create(w) : w.isWord(0, "alter") ? alter(w) : drop(w);
  }

  /**
   * ALTER SEQUENCE [IF EXISTS] name AS bigint: sequences count in 64 bits already, so only the
   * sequence's existence is checked (kine's schema migration sends it). Other changes: 0A000.
   */
  private static String alter(Words w) {
    boolean ifExists = w.isIfExists(2);
    int i = ifExists ? 4 : 2;
    int nameEnd = w.skipQualifiedName(i);
    String name = name(w, i, nameEnd);
    if (!w.isWord(nameEnd, "as") || !"bigint".equals(DATA_TYPES.get(w.word(nameEnd + 1)))
        || nameEnd + 2 != w.size()) {
      throw SqlTranslationException.notSupported("ALTER SEQUENCE other than AS bigint");
    }
    return ifExists ? "SELECT 1" : "SELECT kq_sequence_exists(" + SqlLiterals.quoteString(name) + ")";
  }

  /**
   * The statements to run: the store call, then a schema change with no lasting effect, because
   * the catalog (pg_class, pg_sequence) is rebuilt when SQLite's schema version moves and a
   * sequence is a row, not a schema object.
   */
  static StatementDetail.Script script(Words w) {
    if (w.isWord(0, "alter")) {
      return new StatementDetail.Script(List.of(alter(w)));
    }
    return new StatementDetail.Script(List.of(sqlite(w),
        "CREATE TABLE kqlite_schema_bump (x)", "DROP TABLE kqlite_schema_bump"));
  }

  private static String create(Words w) {
    if (!w.isWord(1, "sequence")) {
      throw SqlTranslationException.notSupported("CREATE " + w.word(1).toUpperCase(Locale.ROOT) + " SEQUENCE");
    }
    int i = 2;
    boolean ifNotExists = false;
    if (w.isWord(i, "if") && w.isWord(i + 1, "not") && w.isWord(i + 2, "exists")) {
      ifNotExists = true;
      i += 3;
    }
    int nameEnd = w.skipQualifiedName(i);
    String name = name(w, i, nameEnd);
    String type = null;
    String[] options = new String[5]; // start, increment, min, max, cache
    boolean cycle = false;
    i = nameEnd;
    while (i < w.size()) {
      String word = w.word(i);
      if (word == null) {
        throw SqlTranslationException.syntaxErrorAt(w.get(i));
      }
      switch (word) {
        case "as" -> {
          type = DATA_TYPES.get(w.word(i + 1));
          if (type == null) {
            throw new SqlTranslationException("22023", "sequence type must be smallint, integer, or bigint");
          }
          i += 2;
        }
        case "increment" -> i = number(w, w.isWord(i + 1, "by") ? i + 2 : i + 1, options, 1);
        case "minvalue" -> i = number(w, i + 1, options, 2);
        case "maxvalue" -> i = number(w, i + 1, options, 3);
        case "start" -> i = number(w, w.isWord(i + 1, "with") ? i + 2 : i + 1, options, 0);
        case "cache" -> i = number(w, i + 1, options, 4);
        case "cycle" -> {
          cycle = true;
          i++;
        }
        case "no" -> {
          if (w.isWord(i + 1, "cycle")) {
            cycle = false;
          } else if (!w.isWord(i + 1, "minvalue") && !w.isWord(i + 1, "maxvalue")) {
            throw SqlTranslationException.syntaxErrorAt(w.get(i + 1));
          }
          i += 2;
        }
        case "owned" -> {
          if (!w.isWord(i + 1, "by")) {
            throw SqlTranslationException.syntaxErrorAt(w.get(i + 1));
          }
          i = w.isWord(i + 2, "none") ? i + 3 : w.skipQualifiedName(i + 2);
        }
        default -> throw SqlTranslationException.syntaxErrorAt(w.get(i));
      }
    }
    return "SELECT kq_create_sequence(" + SqlLiterals.quoteString(name) + ", " + (ifNotExists ? 1 : 0) + ", "
        + (type == null ? "NULL" : SqlLiterals.quoteString(type)) + ", " + orNull(options[0]) + ", "
        + orNull(options[1]) + ", " + orNull(options[2]) + ", " + orNull(options[3]) + ", "
        + orNull(options[4]) + ", " + (cycle ? 1 : 0) + ")";
  }

  private static String drop(Words w) {
    boolean ifExists = w.isIfExists(2);
    int i = ifExists ? 4 : 2;
    List<String> calls = new ArrayList<>();
    while (true) {
      int end = w.skipQualifiedName(i);
      calls.add("kq_drop_sequence(" + SqlLiterals.quoteString(name(w, i, end)) + ", " + (ifExists ? 1 : 0) + ")");
      i = end;
      if (!w.isSymbol(i, ",")) {
        break;
      }
      i++;
    }
    if (w.isWord(i, "cascade") || w.isWord(i, "restrict")) {
      i++;
    }
    if (i < w.size()) {
      throw SqlTranslationException.syntaxErrorAt(w.get(i));
    }
    return "SELECT " + String.join(", ", calls);
  }

  /** The sequence's name; only the public schema exists. */
  private static String name(Words w, int from, int end) {
    if (end - from > 1) {
      String schema = w.identifier(end - 3);
      if (!schema.equals("public") || end - from > 3) {
        throw new SqlTranslationException("3F000", "schema \"" + schema + "\" does not exist");
      }
    }
    return w.identifier(end - 1);
  }

  /** Reads an optionally signed integer at {@code i} into {@code options[slot]}; returns the next index. */
  private static int number(Words w, int i, String[] options, int slot) {
    String sign = "";
    if (w.isSymbol(i, "-") || w.isSymbol(i, "+")) {
      sign = w.get(i).text().equals("-") ? "-" : "";
      i++;
    }
    Token t = w.get(i);
    if (t == null || t.type() != Token.Type.NUMBER || !t.text().matches("\\d+")) {
      throw SqlTranslationException.syntaxErrorAt(t);
    }
    try {
      options[slot] = Long.toString(Long.parseLong(sign + t.text()));
    } catch (NumberFormatException e) {
      throw new SqlTranslationException("22003", "value \"" + sign + t.text() + "\" is out of range for type bigint");
    }
    return i + 1;
  }

  private static String orNull(String value) {
    return value == null ? "NULL" : value;
  }
}
