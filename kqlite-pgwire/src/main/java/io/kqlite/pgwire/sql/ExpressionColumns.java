package io.kqlite.pgwire.sql;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The PostgreSQL types of select-list (or RETURNING) items that SQLite leaves untyped but whose
 * type the translated SQL shows: number literals, casts, arithmetic over them
 * ({@code CAST(?1 AS INTEGER) + 1} is int8, {@code 2.5 * 2} numeric), functions of known result
 * ({@code length(x)}, {@code now()}, {@code kq_cast(x, 'date')}). A statement's Describe comes
 * before any row exists, and clients that decode by it (asyncpg, pgx) would otherwise get text.
 * Items whose type depends on a column or a parameter's value are left out.
 */
public final class ExpressionColumns {

  private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%");
  /** Functions whose result type does not depend on their arguments. */
  private static final Map<String, String> FUNCTION_TYPES = Map.ofEntries(
      Map.entry("count", "int8"), Map.entry("length", "int8"), Map.entry("char_length", "int8"),
      Map.entry("character_length", "int8"), Map.entry("octet_length", "int8"),
      Map.entry("strpos", "int8"), Map.entry("position", "int8"), Map.entry("ascii", "int8"),
      Map.entry("random", "float8"), Map.entry("pi", "float8"),
      Map.entry("now", "timestamptz"), Map.entry("transaction_timestamp", "timestamptz"),
      Map.entry("statement_timestamp", "timestamptz"), Map.entry("clock_timestamp", "timestamptz"),
      Map.entry("to_timestamp", "timestamptz"), Map.entry("make_timestamptz", "timestamptz"),
      Map.entry("make_timestamp", "timestamp"), Map.entry("to_date", "date"),
      Map.entry("make_date", "date"), Map.entry("kq_current_date", "date"),
      Map.entry("kq_localtimestamp", "timestamp"));
  private static final Map<String, String> CAST_TYPES = Map.of(
      "integer", "int8", "real", "float8", "numeric", "numeric", "boolean", "bool");
  private static final Set<String> NUMBERS = Set.of("int8", "float8", "numeric");

  private ExpressionColumns() {
  }

  /** PostgreSQL type names ({@code int8}, {@code numeric}, {@code date}, …) by item position. */
  public static Map<Integer, String> of(String sql) {
    return of(Words.of(SqlLexer.tokenize(sql)));
  }

  static Map<Integer, String> of(Words w) {
    Map<Integer, String> types = new HashMap<>();
    int k = BooleanColumns.listStart(w);
    if (k < 0) {
      return types;
    }
    for (int item = 0; k < w.size(); item++) {
      if (w.isSymbol(k, "*")) {
        return types; // the items after it are not known by position
      }
      int end = CountColumns.endOfItem(w, k);
      String type = itemType(w, k, end);
      if (type != null) {
        types.put(item, type);
      }
      if (!w.isSymbol(end, ",")) {
        return types;
      }
      k = end + 1;
    }
    return types;
  }

  /** The type of the item from {@code from} to {@code end} (exclusive), alias allowed; or null. */
  private static String itemType(Words w, int from, int end) {
    int last = end;
    if (w.isWord(end - 2, "as") && w.isName(end - 1)) {
      last = end - 2;
    } else if (end - 1 > from && w.isName(end - 1) && w.word(end - 1) != null
        && !w.isSymbol(end - 2, ".") && isOperandEnd(w, end - 2)) {
      last = end - 1; // expr alias
    }
    return type(w, from, last);
  }

  /** True where an operand can end before an alias: a closing bracket or a number. */
  private static boolean isOperandEnd(Words w, int k) {
    Token token = w.get(k);
    return token != null && (token.isSymbol(")") || token.type() == Token.Type.NUMBER);
  }

  /** The type of the expression from {@code from} to {@code to} (exclusive), or null. */
  private static String type(Words w, int from, int to) {
    String result = null;
    boolean operandNext = true;
    int k = from;
    while (k < to) {
      if (!operandNext) {
        if (!isArithmetic(w, k)) {
          return null;
        }
        operandNext = true;
        k++;
        continue;
      }
      if (w.isSymbol(k, "-") || w.isSymbol(k, "+")) {
        k++; // a sign
        continue;
      }
      Token token = w.get(k);
      String operand;
      int next;
      if (token.type() == Token.Type.NUMBER) {
        operand = token.text().matches("\\d+") ? "int8" : "numeric";
        next = k + 1;
      } else if (w.isSymbol(k, "(")) {
        next = w.closing(k) + 1;
        operand = type(w, k + 1, next - 1);
      } else if (w.isWord(k, "cast") && w.isSymbol(k + 1, "(")) {
        next = w.closing(k + 1) + 1;
        operand = w.isWord(next - 3, "as") ? CAST_TYPES.get(w.word(next - 2)) : null;
      } else if (w.isWord(k, "kq_cast") && w.isSymbol(k + 1, "(")) {
        next = w.closing(k + 1) + 1;
        Token target = w.get(next - 2);
        operand = target != null && target.type() == Token.Type.STRING
            ? SqlLiterals.stringValue(target) : null;
      } else if (w.word(k) != null && w.isSymbol(k + 1, "(") && !w.isSymbol(k - 1, ".")) {
        next = w.closing(k + 1) + 1;
        operand = FUNCTION_TYPES.get(w.word(k));
      } else {
        return null;
      }
      if (operand == null || next > to || (result != null && !NUMBERS.contains(operand))) {
        return null;
      }
      result = result == null ? operand : widest(result, operand);
      if (result == null) {
        return null;
      }
      operandNext = false;
      k = next;
    }
    return operandNext ? null : result;
  }

  private static boolean isArithmetic(Words w, int k) {
    Token token = w.get(k);
    return token != null && token.type() != Token.Type.STRING && ARITHMETIC.contains(token.text());
  }

  /** int8 with int8 stays int8; numeric wins over float8 wins over int8; date/time arithmetic: null. */
  private static String widest(String a, String b) {
    if (!NUMBERS.contains(a) || !NUMBERS.contains(b)) {
      return null;
    }
    return a.equals("numeric") || b.equals("numeric") ? "numeric"
        : a.equals("float8") || b.equals("float8") ? "float8" : "int8";
  }
}
