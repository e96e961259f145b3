package io.kqlite.pgwire.catalog;

import io.kqlite.pgwire.types.DateTimeFunctions;
import io.kqlite.pgwire.types.NumberTemplate;
import io.kqlite.pgwire.types.TemporalText;
import java.math.BigDecimal;
import io.kqlite.statemachine.LocalFunction;
import io.kqlite.statemachine.store.RowidAliasTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The PostgreSQL functions catalog queries call, plus the {@code kq_} helpers the catalog
 * tables are built with. All are pure functions of their arguments; the ones that need catalog
 * rows ({@code pg_get_indexdef}, {@code pg_get_constraintdef}, {@code ::regclass}) are rewritten
 * into subqueries by the translator instead.
 */
final class CatalogFunctions {

  /** First OID PostgreSQL gives to user objects; catalog OIDs below it are fixed. */
  static final long FIRST_USER_OID = 16384;
  private static final long OID_SPACE = Integer.MAX_VALUE - FIRST_USER_OID;
  private static final Pattern PARTIAL_INDEX =
      Pattern.compile("(?is)\\bON\\s+.*?\\)\\s*WHERE\\s+(.*?)\\s*;?\\s*$");
  private static final Pattern VIEW_QUERY =
      Pattern.compile("(?is)^\\s*CREATE\\s+(?:TEMP\\s+|TEMPORARY\\s+)?VIEW\\s+.*?\\s+AS\\s+(.*?)\\s*;?\\s*$");
  private static final Pattern QUOTED_DEFAULT = Pattern.compile("(?s)'(?:[^']|'')*'");
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
  private static final int MAX_CACHED_PATTERNS = 1000;
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final java.util.Set<String> TRUE_TEXT = java.util.Set.of("t", "true", "1", "yes", "on", "y");

  private CatalogFunctions() {
  }

  static List<LocalFunction> all() {
    List<LocalFunction> f = new ArrayList<>();
    f.add(new LocalFunction("kq_oid", -1, CatalogFunctions::oid));
    f.add(new LocalFunction("kq_type", 2,
        a -> TypeInfo.property(text(a[0]), String.valueOf(a[1]))));
    f.add(new LocalFunction("kq_declared_type", 3,
        a -> RowidAliasTypes.declaredType(text(a[0]), text(a[1]), text(a[2]))));
    f.add(new LocalFunction("kq_index_predicate", 1, a -> indexPredicate(text(a[0]))));
    f.add(new LocalFunction("kq_index_items", 1, a -> IndexItems.of(text(a[0]))));
    f.add(new LocalFunction("kq_default_expr", 2, a -> defaultExpression(text(a[0]), text(a[1]))));
    f.add(new LocalFunction("kq_checks", 2, a -> CheckConstraints.json(text(a[0]), text(a[1]))));
    f.add(new LocalFunction("kq_view_definition", 1, a -> viewDefinition(text(a[0]))));
    f.add(new LocalFunction("format_type", 2, a -> TypeInfo.formatType(number(a[0]), number(a[1]))));
    f.add(new LocalFunction("kq_regtype", 1, a -> TypeInfo.formatType(number(a[0]), null)));
    for (String name : List.of("pg_table_is_visible", "pg_type_is_visible",
        "pg_function_is_visible")) {
      f.add(new LocalFunction(name, 1, a -> 1L));
    }
    f.add(new LocalFunction("pg_get_expr", -1, a -> a.length == 0 ? null : a[0]));
    for (String name : List.of("obj_description", "col_description", "shobj_description",
        "pg_get_statisticsobjdef_columns", "pg_get_triggerdef", "pg_get_serial_sequence",
        "pg_get_function_result", "pg_get_function_arguments",
        "pg_get_function_identity_arguments", "pg_get_ruledef")) {
      f.add(new LocalFunction(name, -1, a -> null));
    }
    f.add(new LocalFunction("pg_relation_is_publishable", 1, a -> 0L));
    f.add(new LocalFunction("pg_partition_ancestors", 1, a -> a[0]));
    f.add(new LocalFunction("pg_encoding_to_char", 1, a -> encoding(number(a[0]))));
    for (String name : List.of("has_table_privilege", "has_schema_privilege",
        "has_database_privilege", "has_column_privilege", "has_function_privilege",
        "has_sequence_privilege", "has_any_column_privilege", "has_type_privilege")) {
      f.add(new LocalFunction(name, -1, a -> 1L));
    }
    f.add(new LocalFunction("current_schemas", 1,
        a -> Long.valueOf(1).equals(a[0]) ? "{pg_catalog,public}" : "{public}"));
    return f;
  }

  /**
   * The functions user statements call, writes included ({@code id = ANY($1)}, {@code ARRAY[…]},
   * {@code ~}): pure functions of their arguments, so the state machine runs them too, on every
   * replica alike.
   */
  static List<LocalFunction> replicated() {
    List<LocalFunction> f = new ArrayList<>();
    f.add(new LocalFunction("pg_size_pretty", 1, a -> sizePretty(number(a[0]))));
    f.add(new LocalFunction("regexp", 2, a -> regexp(a[0], a[1])));
    f.add(new LocalFunction("array_to_string", -1, CatalogFunctions::arrayToString));
    f.add(new LocalFunction("array_upper", 2, a -> arrayUpper(a[0])));
    f.add(new LocalFunction("array_length", 2, a -> arrayLength(a[0])));
    f.add(new LocalFunction("quote_ident", 1, a -> a[0] == null ? null : quoteIdent(a[0].toString())));
    f.add(new LocalFunction("quote_literal", 1, a -> a[0] == null ? null : quoteLiteral(a[0])));
    f.add(new LocalFunction("quote_nullable", 1, a -> a[0] == null ? "NULL" : quoteLiteral(a[0])));
    f.add(new LocalFunction("array_append", 2, a -> PgArrays.concat(a[0], PgArrays.format(Arrays.asList(a[1])))));
    f.add(new LocalFunction("array_prepend", 2, a -> PgArrays.concat(PgArrays.format(Arrays.asList(a[0])), a[1])));
    f.add(new LocalFunction("array_cat", 2, a -> PgArrays.concat(a[0], a[1])));
    f.add(new LocalFunction("kq_array", -1, a -> PgArrays.format(Arrays.asList(a))));
    f.add(LocalFunction.aggregate("array_agg", a -> a.length == 0 ? null : PgArrays.format(Arrays.asList(a))));
    f.add(LocalFunction.aggregate("bool_and", a -> booleanAggregate(a, true)));
    f.add(LocalFunction.aggregate("every", a -> booleanAggregate(a, true)));
    f.add(LocalFunction.aggregate("bool_or", a -> booleanAggregate(a, false)));
    f.add(new LocalFunction("cardinality", 1, a -> a[0] == null ? null : (long) PgArrays.elements(a[0]).size()));
    f.add(new LocalFunction("string_to_array", 2, a -> PgArrays.split(a[0], a[1], null)));
    f.add(new LocalFunction("string_to_array", 3, a -> PgArrays.split(a[0], a[1], a[2])));
    f.add(new LocalFunction("kq_array_contains", 2, a -> arrayContains(a[0], a[1])));
    f.add(new LocalFunction("kq_array_get", 2, a -> arrayGet(a[0], number(a[1]))));
    f.add(new LocalFunction("kq_array_json", 1, a -> a[0] == null ? null : PgArrays.json(PgArrays.elements(a[0]))));
    f.add(new LocalFunction("kq_series_json", 2, a -> series(number(a[0]), number(a[1]))));
    f.add(new LocalFunction("kq_interval_add", 3,
        a -> TemporalText.addInterval(a[0], a[1], number(a[2]))));
    f.add(new LocalFunction("kq_date_add", 3, a -> TemporalText.addDays(a[0], a[1], number(a[2]))));
    f.add(new LocalFunction("kq_cast", 2, a -> TemporalText.cast(text(a[1]), a[0])));
    f.add(new LocalFunction("to_char", 2, a -> toChar(a[0], a[1])));
    f.add(new LocalFunction("to_timestamp", 1, a -> DateTimeFunctions.toTimestamp(a[0])));
    f.add(new LocalFunction("to_timestamp", 2, a -> DateTimeFunctions.toTimestamp(a[0], a[1])));
    f.add(new LocalFunction("to_date", 2, a -> DateTimeFunctions.toDate(a[0], a[1])));
    f.add(new LocalFunction("make_date", 3, a -> DateTimeFunctions.makeDate(a[0], a[1], a[2])));
    f.add(new LocalFunction("make_timestamp", 6, a -> DateTimeFunctions.makeTimestamp(a, false)));
    f.add(new LocalFunction("make_timestamptz", 6, a -> DateTimeFunctions.makeTimestamp(a, true)));
    f.add(new LocalFunction("age", 2, a -> DateTimeFunctions.age(a[0], a[1])));
    f.add(new LocalFunction("kq_at_time_zone", 2, a -> DateTimeFunctions.atTimeZone(a[0], a[1])));
    f.add(new LocalFunction("array_position", 2, a -> PgArrays.position(a[0], a[1])));
    f.add(new LocalFunction("md5", 1, a -> md5(a[0])));
    f.addAll(TextFunctions.all());
    f.add(new LocalFunction("date_part", 2, a -> TemporalText.part(a[0], a[1])));
    f.add(new LocalFunction("extract", 2, a -> TemporalText.part(a[0], a[1]))); // extract(f FROM x)
    f.addAll(EncodingFunctions.all());
    f.addAll(JsonbFunctions.all());
    f.add(new LocalFunction("date_trunc", 2, a -> TemporalText.truncate(a[0], a[1])));
    return f;
  }

  /**
   * {@code to_char(value, template)} of a number, or of a date/time (kqlite keeps those as text,
   * so text that reads as a number is formatted as one).
   */
  static String toChar(Object value, Object template) {
    if (value == null || template == null) {
      return null;
    }
    if (value instanceof Long n) {
      return NumberTemplate.format(BigDecimal.valueOf(n), template.toString());
    }
    if (value instanceof Double d) {
      return NumberTemplate.format(BigDecimal.valueOf(d), template.toString());
    }
    String text = text(value).strip();
    if (NUMBER.matcher(text).matches()) {
      return NumberTemplate.format(new BigDecimal(text), template.toString());
    }
    return DateTimeFunctions.toChar(text, template);
  }

  /**
   * {@code bool_and} / {@code every} ({@code all} true) and {@code bool_or}: over the group's
   * non-null values (SQLite's 1 and 0); null when there are none, as in PostgreSQL.
   */
  static Long booleanAggregate(Object[] values, boolean all) {
    Long result = null;
    for (Object value : values) {
      if (value != null) {
        long truth = (value instanceof Number n ? n.doubleValue() != 0
            : TRUE_TEXT.contains(value.toString().strip().toLowerCase(java.util.Locale.ROOT))) ? 1L : 0L;
        result = result == null ? truth : all ? result & truth : result | truth;
      }
    }
    return result;
  }

  /** PostgreSQL's {@code md5(text | bytea)}: the digest as 32 lowercase hex digits. */
  static String md5(Object value) {
    if (value == null) {
      return null;
    }
    return HexFormat.of().formatHex(EncodingFunctions.digest("MD5", EncodingFunctions.bytes(value)));
  }

  /** A stable OID for a named object: the same on every node, restart and VACUUM. */
  static Long oid(Object[] parts) {
    CRC32 crc = new CRC32();
    for (Object part : parts) {
      crc.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
      crc.update(0);
    }
    return FIRST_USER_OID + crc.getValue() % OID_SPACE;
  }

  /** The WHERE clause of a partial index's CREATE INDEX text, or null. */
  static String indexPredicate(String createIndex) {
    if (createIndex == null) {
      return null;
    }
    Matcher m = PARTIAL_INDEX.matcher(createIndex);
    return m.find() ? m.group(1) : null;
  }

  /**
   * A column default as pg_get_expr shows it: a string literal carries its cast
   * ({@code 'x'::text}); other expressions as written.
   */
  static String defaultExpression(String dflt, String declared) {
    if (dflt == null) {
      return null;
    }
    if (QUOTED_DEFAULT.matcher(dflt).matches()) {
      return dflt + "::" + TypeInfo.property(declared, "format").toString()
          .replaceAll("\\(.*\\)", "");
    }
    return dflt;
  }

  /** The query of a CREATE VIEW, as pg_get_viewdef shows it: after a space, ending in ';'. */
  static String viewDefinition(String createView) {
    if (createView == null) {
      return null;
    }
    Matcher m = VIEW_QUERY.matcher(createView);
    return m.find() ? " " + m.group(1).strip() + ";" : null;
  }

  /** PostgreSQL's pg_size_pretty: bytes below 10 kB, then kB, MB, GB, TB, rounded half up. */
  static String sizePretty(Long bytes) {
    if (bytes == null) {
      return null;
    }
    long limit = 10 * 1024;
    if (Math.abs(bytes) < limit) {
      return bytes + " bytes";
    }
    double size = bytes;
    for (String unit : new String[] {"kB", "MB", "GB", "TB"}) {
      size /= 1024;
      if (Math.abs(size) < limit - 0.5 || unit.equals("TB")) {
        return Math.round(size) + " " + unit;
      }
    }
    throw new AssertionError();
  }

  static Object regexp(Object pattern, Object value) {
    if (pattern == null || value == null) {
      return null;
    }
    String p = pattern.toString();
    Pattern compiled = PATTERNS.get(p);
    if (compiled == null) {
      compiled = Pattern.compile(p);
      if (PATTERNS.size() < MAX_CACHED_PATTERNS) {
        PATTERNS.put(p, compiled);
      }
    }
    return compiled.matcher(value.toString()).find() ? 1L : 0L;
  }

  /** A string literal of the value's text; with a backslash in it, PostgreSQL's {@code E'…'}. */
  static String quoteLiteral(Object value) {
    String s = value instanceof byte[] b ? "\\x" + HexFormat.of().formatHex(b) : value.toString();
    String quoted = "'" + s.replace("'", "''") + "'";
    return s.indexOf('\\') < 0 ? quoted : "E" + quoted.replace("\\", "\\\\");
  }

  static String quoteIdent(String s) {
    boolean plain = s.matches("[a-z_][a-z0-9_$]*");
    return plain ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static Object encoding(Long code) {
    if (code == null) {
      return null;
    }
    return code == 6 ? "UTF8" : code == 0 ? "SQL_ASCII" : "";
  }

  private static Object arrayToString(Object[] a) {
    List<String> elements = a.length < 2 ? null : PgArrays.elements(a[0]);
    if (elements == null || a[1] == null) {
      return null;
    }
    String nullText = a.length > 2 && a[2] != null ? a[2].toString() : null;
    List<String> kept = new ArrayList<>();
    for (String e : elements) {
      if (e != null) {
        kept.add(e);
      } else if (nullText != null) {
        kept.add(nullText);
      }
    }
    return String.join(a[1].toString(), kept);
  }

  private static Object arrayUpper(Object array) {
    List<String> elements = PgArrays.elements(array);
    if (elements == null || elements.isEmpty()) {
      return null;
    }
    return PgArrays.isVector(array) ? elements.size() - 1L : (long) elements.size();
  }

  private static Object arrayLength(Object array) {
    List<String> elements = PgArrays.elements(array);
    return elements == null || elements.isEmpty() ? null : (long) elements.size();
  }

  private static Object arrayContains(Object array, Object value) {
    List<String> elements = PgArrays.elements(array);
    if (elements == null || value == null) {
      return null;
    }
    return elements.contains(value.toString()) ? 1L : 0L;
  }

  private static Object arrayGet(Object array, Long subscript) {
    List<String> elements = PgArrays.elements(array);
    if (elements == null || subscript == null) {
      return null;
    }
    long index = PgArrays.isVector(array) ? subscript : subscript - 1;
    return index < 0 || index >= elements.size() ? null : elements.get((int) index);
  }

  private static Object series(Long from, Long to) {
    if (from == null || to == null) {
      return "[]";
    }
    StringBuilder out = new StringBuilder("[");
    for (long i = from; i <= to; i++) {
      out.append(i == from ? "" : ",").append(i);
    }
    return out.append(']').toString();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Long number(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Double d) {
      return d.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
