package io.kqlite.pgwire.session;

import io.kqlite.pgwire.sql.AggregateColumns;
import io.kqlite.pgwire.sql.SelectItemTypes;
import io.kqlite.pgwire.types.DeclaredTypes;
import io.kqlite.pgwire.types.PgType;
import io.kqlite.pgwire.types.ValueCodec;
import io.kqlite.statemachine.Column;
import io.kqlite.statemachine.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns SQLite result columns and rows into what a PostgreSQL client expects: PostgreSQL column
 * names ({@code count(*)} → {@code count}, {@code 1} → {@code ?column?}), type OIDs, and values
 * in the requested format.
 */
final class ResultWriter {

  /** What {@code ::type} and {@code CAST(… AS type)} become in SQLite: {@code CAST(x AS INTEGER)}. */
  private static final Pattern CAST = Pattern.compile(
      "^\\s*CAST\\s*\\((.*)\\s+AS\\s+(\\w+)\\s*\\)\\s*$", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  /** PostgreSQL's usual type behind each SQLite cast target (integer casts are mostly int4). */
  private static final java.util.Map<String, String> CAST_TYPE_NAMES = java.util.Map.of(
      "INTEGER", "int4", "TEXT", "text", "REAL", "float8", "NUMERIC", "numeric", "BLOB", "bytea",
      "BOOLEAN", "bool");
  private static final Pattern QUALIFIED_NAME = Pattern.compile(
      "^(?:[\\p{L}_][\\p{L}\\p{N}_$]*\\.)+([\\p{L}_][\\p{L}\\p{N}_$]*)$");
  private static final Pattern WINDOW_OR_FILTER = Pattern.compile("(?i)(filter|over|within)\\b");
  private static final Pattern FUNCTION_CALL = Pattern.compile("^\\s*(?:\\w+\\.)?(\\w+)\\s*\\(.*\\)\\s*$", Pattern.DOTALL);
  /** What {@code x::date} becomes: {@code kq_cast(x, 'date')}. */
  private static final Pattern TEMPORAL_CAST = Pattern.compile("(?s)^\\s*kq_cast\\((.*),\\s*'(\\w+)'\\s*\\)\\s*$");
  private static final Pattern NUMERIC_SCALE =
      Pattern.compile("(?i)\\s*(?:numeric|decimal)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)\\s*");
  private static final Pattern CASE_OR_END = Pattern.compile("(?i)\\b(case|end)\\b");
  private static final Pattern IDENTIFIER = Pattern.compile("^[\\p{L}_][\\p{L}\\p{N}_$]*$");
  /** Words only (and a final ?, psql's "Cycles?"): a quoted alias like {@code "Access privileges"}, unless a keyword shows it is SQL. */
  private static final Pattern WORDS = Pattern.compile("^[\\p{L}_][\\p{L}\\p{N}_$ ]*\\??$");
  private static final java.util.Set<String> EXPRESSION_WORDS = java.util.Set.of("and", "or",
      "not", "is", "null", "case", "when", "then", "else", "end", "between", "like", "in", "true",
      "false", "distinct", "from", "select", "exists", "collate", "escape", "glob", "regexp");

  private ResultWriter() {}

  /**
   * Describes the columns of {@code sqliteSql}'s result; {@code formats} gives each column's
   * format code. An expression whose top-level operator is boolean is bool (SQLite says integer).
   */
  static List<ResultField> fields(List<Column> columns, String sqliteSql, IntUnaryOperator formats) {
    return fields(columns, sqliteSql, formats, probe -> List.of());
  }

  /**
   * As above; {@code describe} gives the columns of an SQLite query, so that an aggregate of one
   * column ({@code max(created_at)}, {@code sum(amount)}) is typed from that column as PostgreSQL
   * types it. It is asked only when such an item's value is text or real: an integer stays int8.
   */
  static List<ResultField> fields(List<Column> columns, String sqliteSql, IntUnaryOperator formats,
      Function<String, List<Column>> describe) {
    List<ResultField> fields = new ArrayList<>(columns.size());
    SelectItemTypes items = null;
    List<Column> arguments = null;
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      PgType type = DeclaredTypes.of(column.declaredType(), column.isExpression());
      if (column.isExpression()) {
        items = items != null ? items : SelectItemTypes.of(sqliteSql);
        String known = items.expressions().get(i);
        type = items.booleans().get(i) ? PgType.BOOL : items.counts().get(i) ? PgType.INT8
            : known != null ? DeclaredTypes.of(known, false) : type;
        int aggregate = indexOf(items.aggregates(), i);
        if (aggregate >= 0 && (type == PgType.TEXT || type == PgType.FLOAT8)) {
          arguments = arguments != null ? arguments : describeQuietly(describe, items.aggregates().probe());
          if (aggregate < arguments.size() && !arguments.get(aggregate).isExpression()) {
            Column argument = arguments.get(aggregate);
            PgType typed = aggregateType(items.aggregates().items().get(aggregate).function(),
                DeclaredTypes.of(argument.declaredType(), false));
            type = typed != null ? typed : type;
          }
        }
      }
      int scale = type == PgType.NUMERIC && !column.isExpression() ? declaredScale(column.declaredType()) : -1;
      fields.add(new ResultField(pgName(column), type, (short) formats.applyAsInt(i), scale));
    }
    return fields;
  }

  /** The s of a declared {@code numeric(p, s)} or {@code decimal(p, s)}; -1 when none is given. */
  static int declaredScale(String declared) {
    Matcher m = declared == null ? null : NUMERIC_SCALE.matcher(declared);
    if (m == null || !m.matches()) {
      return -1;
    }
    return m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
  }

  private static int indexOf(AggregateColumns aggregates, int position) {
    for (int a = 0; a < aggregates.items().size(); a++) {
      if (aggregates.items().get(a).position() == position) {
        return a;
      }
    }
    return -1;
  }

  private static List<Column> describeQuietly(Function<String, List<Column>> describe, String probe) {
    try {
      return describe.apply(probe);
    } catch (SqlException e) {
      return List.of(); // the FROM clause needs more than itself (a CTE, a lateral reference)
    }
  }

  /** PostgreSQL's result type of {@code function} over a column of {@code column}'s type. */
  static PgType aggregateType(String function, PgType column) {
    return switch (function) {
      case "min", "max", "coalesce" -> column;
      case "sum" -> switch (column) {
        case INT2, INT4 -> PgType.INT8;
        case INT8, NUMERIC -> PgType.NUMERIC;
        case FLOAT4, FLOAT8 -> PgType.FLOAT8;
        case INTERVAL -> PgType.INTERVAL;
        default -> null;
      };
      case "avg" -> switch (column) {
        case INT2, INT4, INT8, NUMERIC -> PgType.NUMERIC;
        case FLOAT4, FLOAT8 -> PgType.FLOAT8;
        default -> null;
      };
      default -> null;
    };
  }

  /** Writes rows {@code from} (inclusive) to {@code to} (exclusive). */
  static void rows(ClientSink sink, List<ResultField> fields, List<Object[]> rows, int from, int to) {
    for (int r = from; r < to; r++) {
      Object[] row = rows.get(r);
      List<byte[]> values = new ArrayList<>(row.length);
      for (int c = 0; c < row.length; c++) {
        ResultField field = fields.get(c);
        values.add(ValueCodec.encode(field.type(), field.format(), field.shown(row[c])));
      }
      sink.dataRow(values);
    }
  }

  /** Checks every requested format is text or binary (PostgreSQL: 22023 otherwise). */
  static void checkFormats(short[] formats) {
    for (short format : formats) {
      if (format != ValueCodec.TEXT && format != ValueCodec.BINARY) {
        throw new SqlException("22023", "unsupported format code: " + format);
      }
    }
  }

  private static boolean isQuotedAlias(String label) {
    if (!WORDS.matcher(label).matches()) {
      return false;
    }
    for (String word : label.trim().split(" +")) {
      if (EXPRESSION_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static String pgName(Column column) {
    String label = column.name();
    if (column.isExpression() && (label.equalsIgnoreCase("true") || label.equalsIgnoreCase("false"))) {
      return "bool"; // a boolean literal is named after its type, as a cast is
    }
    if (!column.isExpression() || IDENTIFIER.matcher(label).matches() || isQuotedAlias(label)) {
      return label;
    }
    return expressionName(label);
  }

  /**
   * Calls the translator writes for what PostgreSQL spells otherwise, by the name PostgreSQL gives
   * that: {@code now() - interval '1 day'} and {@code x = ANY(…)} are operators, {@code ARRAY[…]},
   * {@code string_agg} and the JSON builders renamed to SQLite's (the {@code jsonb_} ones read as
   * their {@code json_} twins).
   */
  private static final Map<String, String> TRANSLATED_CALL_NAMES = Map.ofEntries(
      Map.entry("kq_interval_add", "?column?"), Map.entry("kq_date_add", "?column?"),
      Map.entry("kq_array_contains", "?column?"), Map.entry("kq_array", "array"),
      Map.entry("group_concat", "string_agg"), Map.entry("json_group_array", "json_agg"),
      Map.entry("json_group_object", "json_object_agg"), Map.entry("json_object", "json_build_object"),
      Map.entry("json_array", "json_build_array"), Map.entry("trim", "btrim"),
      Map.entry("kq_at_time_zone", "timezone"), Map.entry("kq_jsonb_contains", "?column?"),
      Map.entry("kq_jsonb_exists", "?column?"), Map.entry("kq_jsonb_exists_any", "?column?"),
      Map.entry("kq_jsonb_exists_all", "?column?"));

  /** {@code CASE … END}, not {@code CASE … END || 'x'}: the first CASE closes at the very end. */
  private static boolean isWholeCase(String label) {
    Matcher words = CASE_OR_END.matcher(label);
    int depth = 0;
    while (words.find()) {
      if (depth == 0 && (words.start() != 0 || !words.group().equalsIgnoreCase("case"))) {
        return false;
      }
      depth += words.group().equalsIgnoreCase("case") ? 1 : -1;
      if (depth == 0) {
        return words.end() == label.length();
      }
    }
    return false;
  }

  /** {@code (a + b)}, not {@code (a) + (b)}: the opening bracket closes at the very end. */
  private static boolean isParenthesised(String expression) {
    return expression.startsWith("(") && closingBracket(expression, 0) == expression.length() - 1;
  }

  /** {@code f(x)}, {@code count(*) FILTER (…)}, {@code rank() OVER (…)}; not {@code f(x) + g(y)}. */
  private static boolean isWholeCall(String label) {
    int close = closingBracket(label, label.indexOf('('));
    if (close < 0) {
      return false;
    }
    String rest = label.substring(close + 1).strip();
    return rest.isEmpty() || WINDOW_OR_FILTER.matcher(rest).lookingAt();
  }

  /** Index of the bracket that closes the one at {@code open}, or -1. */
  private static int closingBracket(String text, int open) {
    if (open < 0) {
      return -1;
    }
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      depth += text.charAt(i) == '(' ? 1 : text.charAt(i) == ')' ? -1 : 0;
      if (depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * PostgreSQL's name for an unaliased expression: a column's name ({@code t.a} → {@code a}), a
   * function's name ({@code count(*)} → {@code count}); a cast takes its operand's name, else its
   * type's ({@code count(*)::int} → {@code count}, {@code $1::text} → {@code text}); otherwise
   * {@code ?column?}.
   */
  static String expressionName(String label) {
    Matcher cast = CAST.matcher(label);
    if (cast.matches() && isParenthesised(label.strip().substring("CAST".length()).strip())) {
      String operand = cast.group(1).strip();
      while (isParenthesised(operand)) {
        operand = operand.substring(1, operand.length() - 1).strip();
      }
      String name = expressionName(operand);
      return !name.equals("?column?") ? name
          : CAST_TYPE_NAMES.getOrDefault(cast.group(2).toUpperCase(java.util.Locale.ROOT), name);
    }
    if (IDENTIFIER.matcher(label).matches()) {
      return label;
    }
    if (isWholeCase(label)) {
      return "case";
    }
    Matcher qualified = QUALIFIED_NAME.matcher(label);
    if (qualified.matches()) {
      return qualified.group(1);
    }
    Matcher call = FUNCTION_CALL.matcher(label);
    if (call.matches() && isWholeCall(label)) {
      String function = call.group(1).toLowerCase(java.util.Locale.ROOT);
      Matcher temporal = TEMPORAL_CAST.matcher(label);
      if (function.equals("kq_cast") && temporal.matches()) {
        String name = expressionName(temporal.group(1).strip());
        return name.equals("?column?") ? temporal.group(2) : name;
      }
      return TRANSLATED_CALL_NAMES.getOrDefault(function, function);
    }
    return "?column?";
  }

}
