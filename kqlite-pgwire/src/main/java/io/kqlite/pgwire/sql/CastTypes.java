package io.kqlite.pgwire.sql;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
    // Booleans are stored as 1/0.
    SQLITE_TYPE.put("bool", "INTEGER");
    SQLITE_TYPE.put("boolean", "INTEGER");
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

  private CastTypes() {
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
