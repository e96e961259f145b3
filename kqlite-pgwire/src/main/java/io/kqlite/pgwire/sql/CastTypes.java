package io.kqlite.pgwire.sql;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which SQLite type a PostgreSQL cast target becomes in {@code CAST(x AS type)}. Only types
 * whose values SQLite stores the same way are listed; a cast to anything else (date/time types,
 * regclass, arrays, ...) would silently change meaning, so it is rejected instead. This map is
 * the place to extend when the type registry grows.
 */
final class CastTypes {

  private static final Map<String, String> SQLITE_TYPE = new HashMap<>();

  static {
    for (String t : new String[] {
        "int", "integer", "int2", "int4", "int8", "smallint", "bigint", "oid"}) {
      SQLITE_TYPE.put(t, "INTEGER");
    }
    // Booleans are stored as 1/0. BOOLEAN has SQLite's NUMERIC affinity, which keeps 1 and 0 as
    // they are, and it tells the result's Describe the column is bool (see ExpressionColumns).
    SQLITE_TYPE.put("bool", "BOOLEAN");
    SQLITE_TYPE.put("boolean", "BOOLEAN");
    for (String t : new String[] {"text", "varchar", "char", "character", "bpchar", "name",
        "uuid", "json", "jsonb"}) {
      SQLITE_TYPE.put(t, "TEXT");
    }
    for (String t : new String[] {"real", "float", "float4", "float8", "double precision"}) {
      SQLITE_TYPE.put(t, "REAL");
    }
    SQLITE_TYPE.put("numeric", "NUMERIC");
    SQLITE_TYPE.put("decimal", "NUMERIC");
    SQLITE_TYPE.put("bytea", "BLOB");
  }

  /** PostgreSQL's name in input errors, and the range, of each integer cast target. */
  private record IntegerType(String name, long min, long max) {}

  private static final Map<String, IntegerType> INTEGERS = Map.of(
      "int2", new IntegerType("smallint", Short.MIN_VALUE, Short.MAX_VALUE),
      "smallint", new IntegerType("smallint", Short.MIN_VALUE, Short.MAX_VALUE),
      "int", new IntegerType("integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
      "int4", new IntegerType("integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
      "integer", new IntegerType("integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
      "int8", new IntegerType("bigint", Long.MIN_VALUE, Long.MAX_VALUE),
      "bigint", new IntegerType("bigint", Long.MIN_VALUE, Long.MAX_VALUE));
  private static final Map<String, String> DECIMALS = Map.of("real", "real", "float4", "real",
      "float", "double precision", "float8", "double precision",
      "double precision", "double precision", "numeric", "numeric", "decimal", "numeric");
  private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL_TEXT = Pattern.compile(
      "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|(?i)[+-]?(nan|inf|infinity)");

  private CastTypes() {
  }

  /**
   * Checks a string literal cast to a number type the way PostgreSQL's input function would:
   * SQLite's CAST reads {@code 'y'} as 0 and {@code '1.5'} as 1 where PostgreSQL refuses.
   *
   * @throws SqlTranslationException 22P02 for text that is not a number of that type, 22003 for
   *         an integer out of its type's range
   */
  static void checkNumberLiteral(String pgType, String text) {
    String number = text.strip();
    IntegerType integer = INTEGERS.get(pgType);
    if (integer != null) {
      if (!INTEGER_TEXT.matcher(number).matches()) {
        throw invalidInput(integer.name(), text);
      }
      BigInteger value = new BigInteger(number);
      if (value.compareTo(BigInteger.valueOf(integer.min())) < 0
          || value.compareTo(BigInteger.valueOf(integer.max())) > 0) {
        throw new SqlTranslationException("22003",
            "value \"" + text + "\" is out of range for type " + integer.name());
      }
      return;
    }
    String decimal = DECIMALS.get(pgType);
    if (decimal != null && !DECIMAL_TEXT.matcher(number).matches()) {
      throw invalidInput(decimal, text);
    }
  }

  private static SqlTranslationException invalidInput(String typeName, String text) {
    return new SqlTranslationException(
        "22P02", "invalid input syntax for type " + typeName + ": \"" + text + "\"");
  }

  /** The SQLite type for PostgreSQL type {@code pgType} (lower case, without modifiers). */
  static Optional<String> sqliteType(String pgType) {
    return Optional.ofNullable(SQLITE_TYPE.get(pgType));
  }

  static boolean isBoolean(String pgType) {
    return pgType.equals("bool") || pgType.equals("boolean");
  }

  /**
   * The value of a boolean literal as PostgreSQL reads it ({@code 't'}, {@code 'yes'},
   * {@code 'off'}, unique prefixes of true/false/yes/no, ...): 1 or 0.
   *
   * @throws SqlTranslationException 22P02 if PostgreSQL would reject the text
   */
  static int booleanLiteral(String text) {
    String s = SqlLiterals.foldIdentifier(text.strip());
    if (!s.isEmpty()) {
      if ("true".startsWith(s) || "yes".startsWith(s) || s.equals("on") || s.equals("1")) {
        return 1;
      }
      if ("false".startsWith(s) || "no".startsWith(s) || s.equals("0")
          || (s.length() > 1 && "off".startsWith(s))) {
        return 0;
      }
    }
    throw new SqlTranslationException(
        "22P02", "invalid input syntax for type boolean: \"" + text + "\"");
  }
}
