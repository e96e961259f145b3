package io.kqlite.pgwire.sql;

import io.kqlite.pgwire.types.ByteaInput;
import io.kqlite.pgwire.types.Interval;
import io.kqlite.pgwire.types.TemporalText;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites PostgreSQL's {@code operand::type} casts to {@code CAST(operand AS sqlite-type)}.
 *
 * <p>Handled operands, following {@code ::}'s tight binding: a literal, a parameter, a possibly
 * qualified name ({@code t.col}), a parenthesised group, a function call ({@code count(*)}) and
 * the result of another cast ({@code x::int::text}). A cast right after DEFAULT is parenthesised
 * because SQLite's column DEFAULT takes only literals or {@code (expr)}. A string literal cast to
 * boolean is evaluated here ({@code 't'::bool} → {@code 1}), since SQLite would read {@code 't'}
 * as 0. A parameter cast to a date/time type is left bare: it binds as that type; any other
 * operand cast to date, time, timestamp or timestamptz becomes {@code kq_cast(x, 'date')},
 * PostgreSQL's conversion of kqlite's date/time text (not in CHECK constraints, generated
 * columns or index expressions, which may not call kqlite's functions). Target types
 * come from {@link CastTypes}; others are rejected with 0A000. Casts to {@code regclass} and its
 * kin go through {@link ObjectIdentifierCasts}; array casts are dropped (arrays are PostgreSQL
 * array text in kqlite). {@code x ± interval '…'} becomes {@code kq_interval_add}, and
 * {@code x AT TIME ZONE z} becomes {@code kq_at_time_zone(x, z)}.
 */
final class CastRewriter implements TokenRewriter {

  /** Keywords that can stand before a parenthesised group without making it a function call. */
  static final Set<String> NOT_FUNCTIONS = Set.of(
      "all", "and", "any", "as", "asc", "between", "by", "case", "check", "collate", "conflict",
      "default", "desc", "distinct", "do", "else", "end", "escape", "except", "filter", "for", "from",
      "group", "having", "ilike", "in", "intersect", "into", "is", "join", "key", "lateral", "like",
      "limit", "not", "offset", "on", "or", "order", "over", "partition", "references", "returning",
      "select", "set", "similar", "some", "table", "then", "to", "union", "unique", "using", "values",
      "when", "where", "window", "with", "within");

  /** Types whose {@code type 'text'} literals SQLite would read as a column and an alias. */
  private static final Set<String> TYPED_LITERAL_TYPES =
      Set.of("date", "time", "timestamp", "timestamptz", "interval");

  /** A parsed cast target: its name without modifiers and its last significant token. */
  private record TypeName(String name, int end, boolean array) {
  }

  @Override
  public String rewrite(List<Token> tokens) {
    Words w = Words.of(tokens);
    TokenEdits edits = new TokenEdits(tokens);
    Map<Integer, Integer> castOperandStart = new HashMap<>();
    Map<Integer, Integer> dateOperandStart = new HashMap<>(); // date-valued operands, by last token
    // CHECK constraints, generated columns and index expressions may not call kqlite's functions.
    boolean definesSchema = w.isWord(0, "create") || w.isWord(0, "alter");
    for (int i = 0; i < w.size(); i++) {
      if (w.isWord(i, "current_date") && !w.isSymbol(i - 1, ".")) {
        dateOperandStart.put(i, i);
      }
      if ((w.isSymbol(i, "+") || w.isSymbol(i, "-")) && dateOperandStart.containsKey(i - 1)) {
        dateArithmetic(w, dateOperandStart.get(i - 1), i, edits);
        continue;
      }
      if ((w.isSymbol(i, "+") || w.isSymbol(i, "-")) && !definesSchema && columnDays(w, i, edits)) {
        i++;
        continue;
      }
      if (w.isWord(i, "cast") && w.isSymbol(i + 1, "(")) {
        if (standardCast(w, i, edits, definesSchema)) {
          dateOperandStart.put(w.closing(i + 1), i); // CAST(x AS date) + 1 is date arithmetic
        }
        continue;
      }
      if (w.isWordIn(i, TYPED_LITERAL_TYPES) && !w.isSymbol(i - 1, ".") && !w.isSymbol(i - 1, "::")
          && !w.isWord(i - 1, "as")) {
        int at = i;
        i = typedLiteral(w, i, edits, castOperandStart);
        if (w.isWord(at, "date") && i > at) {
          dateOperandStart.put(i, at);
        }
        continue;
      }
      if (w.isWord(i, "at") && w.isWord(i + 1, "time") && w.isWord(i + 2, "zone") && !definesSchema) {
        i = atTimeZone(w, i, edits, castOperandStart);
        continue;
      }
      if (!w.isSymbol(i, "::")) {
        continue;
      }
      int operandEnd = i - 1;
      int operandStart = operandStart(w, operandEnd, castOperandStart, w.get(i));
      TypeName type = typeName(w, i + 1);
      Token operand = w.get(operandStart);
      boolean literal = operandStart == operandEnd && operand.type() == Token.Type.STRING;
      if (type.array() || ObjectIdentifierCasts.handles(type.name())) {
        // Arrays are kept as PostgreSQL's array text; reg* casts look names up in the catalog.
        edits.remove(w.tokenIndex(operandEnd) + 1, w.tokenIndex(type.end()));
        if (literal && type.name().equals("regclass") && isSequenceFunctionArgument(w, operandStart)) {
          // nextval('s'::regclass), as pg_dump and \d write it: the function takes the name
        } else if (!type.array() && literal) {
          edits.replace(w.tokenIndex(operandStart),
              ObjectIdentifierCasts.ofLiteral(type.name(), SqlLiterals.stringValue(operand)));
        } else if (!type.array()) {
          edits.insertBefore(w.tokenIndex(operandStart), ObjectIdentifierCasts.prefix(type.name()));
          edits.insertAfter(w.tokenIndex(type.end()), ObjectIdentifierCasts.suffix(type.name()));
        }
        castOperandStart.put(type.end(), operandStart);
        i = type.end();
        continue;
      }
      if (!type.array() && TemporalText.handles(type.name()) && operandStart == operandEnd
          && operand.type() == Token.Type.PARAM) {
        // $1::timestamptz: the parameter binds as that type, already in the text kqlite stores.
        edits.remove(w.tokenIndex(operandEnd) + 1, w.tokenIndex(type.end()));
        castOperandStart.put(type.end(), operandStart);
        i = type.end();
        continue;
      }
      if (literal && !type.array() && type.name().equals("date")) {
        dateOperandStart.put(type.end(), operandStart);
      }
      if (literal && !type.array() && TemporalText.handles(type.name())) {
        // A date/time literal becomes the text PostgreSQL would store and print for it.
        edits.remove(w.tokenIndex(operandEnd) + 1, w.tokenIndex(type.end()));
        try {
          edits.replace(w.tokenIndex(operandStart), SqlLiterals.quoteString(
              TemporalText.normalize(type.name(), SqlLiterals.stringValue(operand))));
        } catch (IllegalArgumentException e) {
          throw new SqlTranslationException("22007", e.getMessage());
        }
        castOperandStart.put(type.end(), operandStart);
        i = type.end();
        continue;
      }
      if (literal && !type.array() && type.name().equals("interval")) {
        intervalArithmetic(w, operandStart, type.end(), operandStart, edits, castOperandStart);
        i = type.end();
        continue;
      }
      if (literal && type.name().equals("bytea")) {
        // '\x0102'::bytea is bytea input: a blob literal of the bytes it denotes
        edits.remove(w.tokenIndex(operandEnd) + 1, w.tokenIndex(type.end()));
        edits.replace(w.tokenIndex(operandStart), blobLiteral(SqlLiterals.stringValue(operand)));
        castOperandStart.put(type.end(), operandStart);
        i = type.end();
        continue;
      }
      boolean afterDefault = w.isWord(operandStart - 1, "default");
      if (!type.array() && TemporalText.handles(type.name())
          && (!definesSchema || startsDefault(w, operandStart))) {
        // now()::date, created_at::timestamptz: converted when the row is read (or written).
        edits.remove(w.tokenIndex(operandEnd) + 1, w.tokenIndex(type.end()));
        edits.insertBefore(w.tokenIndex(operandStart), afterDefault ? "(kq_cast(" : "kq_cast(");
        edits.insertAfter(w.tokenIndex(type.end()),
            ", '" + type.name() + "')" + (afterDefault ? ")" : ""));
        if (type.name().equals("date")) {
          dateOperandStart.put(type.end(), operandStart); // now()::date + 1 is date arithmetic
        }
        castOperandStart.put(type.end(), operandStart);
        i = type.end();
        continue;
      }
      String target = CastTypes.sqliteType(type.name()).orElse(null);
      if (target == null) {
        throw SqlTranslationException.notSupported(
            "cast to " + type.name() + (type.array() ? "[]" : ""));
      }
      edits.remove(w.tokenIndex(operandEnd) + 1, w.tokenIndex(type.end()));
      if (literal) {
        CastTypes.checkNumberLiteral(type.name(), SqlLiterals.stringValue(operand));
      }
      if (literal && CastTypes.isBoolean(type.name())) {
        edits.replace(w.tokenIndex(operandStart),
            Integer.toString(CastTypes.booleanLiteral(SqlLiterals.stringValue(operand))));
      } else {
        edits.insertBefore(w.tokenIndex(operandStart), afterDefault ? "(CAST(" : "CAST(");
        edits.insertAfter(w.tokenIndex(type.end()), " AS " + target + (afterDefault ? "))" : ")"));
      }
      castOperandStart.put(type.end(), operandStart);
      i = type.end();
    }
    return edits.render();
  }

  /**
   * True if the operand at {@code k} begins a column DEFAULT, bare or in brackets
   * ({@code DEFAULT now()::date}, {@code DEFAULT (now()::date + 1)}): the one place in a CREATE or
   * ALTER where kqlite's functions may be called.
   */
  private static boolean startsDefault(Words w, int k) {
    while (w.isSymbol(k - 1, "(")) {
      k--;
    }
    return w.isWord(k - 1, "default");
  }

  /**
   * {@code x AT TIME ZONE zone} → {@code kq_at_time_zone(x, zone)}; the zone is a literal, a
   * parameter, a name or a parenthesised group. Returns the last word handled.
   */
  private static int atTimeZone(Words w, int at, TokenEdits edits,
      Map<Integer, Integer> castOperandStart) {
    int operandStart = operandStart(w, at - 1, castOperandStart, w.get(at));
    int zone = at + 3;
    Token token = w.get(zone);
    if (token == null) {
      throw SqlTranslationException.syntaxErrorAt(w.get(at + 2));
    }
    int zoneEnd = w.isSymbol(zone, "(") ? w.closing(zone)
        : token.isName() ? zone : switch (token.type()) {
          case STRING, DOLLAR_STRING, PARAM -> zone;
          default -> throw SqlTranslationException.syntaxErrorAt(token);
        };
    edits.insertBefore(w.tokenIndex(operandStart), "kq_at_time_zone(");
    edits.remove(w.tokenIndex(at - 1) + 1, w.tokenIndex(zone) - 1);
    edits.replace(w.tokenIndex(at), ", ");
    edits.insertAfter(w.tokenIndex(zoneEnd), ")");
    castOperandStart.put(zoneEnd, operandStart);
    return zoneEnd;
  }

  /**
   * {@code CAST(operand AS type)} is SQLite syntax too, but SQLite reads a date/time or boolean
   * target by its affinity: {@code CAST(now() AS date)} gave the year, {@code CAST('t' AS
   * boolean)} 0. A literal operand gets what {@code ::} gives it, any other operand of date, time,
   * timestamp or timestamptz becomes {@code kq_cast}, as with {@code ::} (in a CREATE or ALTER
   * only as a column default); timetz and interval are 0A000; a boolean becomes SQLite's BOOLEAN (NUMERIC affinity). Returns true when the result is
   * a date, for the date arithmetic that may follow.
   */
  private static boolean standardCast(Words w, int cast, TokenEdits edits, boolean definesSchema) {
    int close = w.closing(cast + 1);
    int as = -1;
    for (int k = cast + 2; k < close; k++) {
      if (w.isSymbol(k, "(")) {
        k = w.closing(k);
      } else if (w.isWord(k, "as")) {
        as = k;
      }
    }
    if (as < 0 || as + 1 >= close) {
      return false;
    }
    TypeName type = typeName(w, as + 1);
    boolean temporal = TemporalText.handles(type.name()) || type.name().equals("timetz")
        || type.name().equals("interval");
    boolean bool = CastTypes.isBoolean(type.name());
    if (type.array() || type.end() != close - 1 || !(temporal || bool)) {
      return false;
    }
    boolean single = as == cast + 3;
    if (single && temporal && w.get(cast + 2).type() == Token.Type.PARAM
        && TemporalText.handles(type.name())) {
      // CAST($1 AS date): the parameter binds as that type, already in the text kqlite stores.
      edits.remove(w.tokenIndex(cast), w.tokenIndex(cast + 1));
      edits.remove(w.tokenIndex(as) - 1, w.tokenIndex(close));
      return false;
    }
    boolean literal = single && w.get(cast + 2).type() == Token.Type.STRING;
    if (!literal && TemporalText.handles(type.name()) && (!definesSchema || startsDefault(w, cast))) {
      // CAST(created_at AS date): converted when the row is read, as x::date is. A bare DEFAULT
      // takes a call only in brackets.
      boolean bare = w.isWord(cast - 1, "default");
      edits.replace(w.tokenIndex(cast), bare ? "(kq_cast" : "kq_cast");
      if (bare) {
        edits.insertAfter(w.tokenIndex(close), ")");
      }
      edits.remove(w.tokenIndex(as + 1), w.tokenIndex(type.end()));
      edits.replace(w.tokenIndex(as), ", '" + type.name() + "'");
      return type.name().equals("date");
    }
    if ((!literal && temporal) || type.name().equals("interval")) {
      throw SqlTranslationException.notSupported("cast to " + type.name());
    }
    if (!literal) {
      edits.remove(w.tokenIndex(as + 1), w.tokenIndex(type.end()));
      edits.replace(w.tokenIndex(as + 1), "BOOLEAN");
      return false;
    }
    String text = SqlLiterals.stringValue(w.get(cast + 2));
    String value;
    try {
      value = bool ? Integer.toString(CastTypes.booleanLiteral(text))
          : type.name().equals("timetz") ? SqlLiterals.quoteString(text)
              : SqlLiterals.quoteString(TemporalText.normalize(type.name(), text));
    } catch (IllegalArgumentException e) {
      throw new SqlTranslationException("22007", e.getMessage());
    }
    edits.remove(w.tokenIndex(cast), w.tokenIndex(close));
    edits.replace(w.tokenIndex(cast), value);
    return type.name().equals("date");
  }

  /**
   * {@code date '2020-01-01'}, {@code timestamp with time zone '…'}: the text PostgreSQL stores for
   * it, as {@code '…'::date} gives; {@code interval '…'} as {@code '…'::interval}. Returns the last
   * token handled.
   */
  private static int typedLiteral(Words w, int at, TokenEdits edits,
      Map<Integer, Integer> castOperandStart) {
    TypeName type = typeName(w, at);
    Token literal = w.get(type.end() + 1);
    if (type.array() || literal == null || literal.type() != Token.Type.STRING) {
      return at;
    }
    if (type.name().equals("interval")) {
      intervalArithmetic(w, at, type.end() + 1, type.end() + 1, edits, castOperandStart);
      return type.end() + 1;
    }
    if (!TemporalText.handles(type.name())) {
      return at;
    }
    try {
      edits.replace(w.tokenIndex(type.end() + 1), SqlLiterals.quoteString(
          TemporalText.normalize(type.name(), SqlLiterals.stringValue(literal))));
    } catch (IllegalArgumentException e) {
      throw new SqlTranslationException("22007", e.getMessage());
    }
    edits.remove(w.tokenIndex(at), w.tokenIndex(type.end() + 1) - 1);
    return type.end() + 1;
  }

  /**
   * {@code x ± interval '1 day'} (or {@code '1 day'::interval}) spanning significant tokens from
   * {@code first} (the interval's first token) to {@code last}, its text at {@code literal}:
   * {@code kq_interval_add(x, '1 day',
   * ±1)}, PostgreSQL's date/time arithmetic on kqlite's date/time text. An interval anywhere else
   * is 0A000: kqlite has no interval values.
   */
  private static void intervalArithmetic(Words w, int first, int last, int literal,
      TokenEdits edits, Map<Integer, Integer> castOperandStart) {
    int operator = first - 1;
    boolean minus = w.isSymbol(operator, "-");
    if (!minus && !w.isSymbol(operator, "+")) {
      throw SqlTranslationException.notSupported("cast to interval");
    }
    int leftStart;
    try {
      leftStart = operandStart(w, operator - 1, castOperandStart, w.get(operator));
    } catch (SqlTranslationException e) {
      throw SqlTranslationException.notSupported("cast to interval");
    }
    String text = SqlLiterals.stringValue(w.get(literal));
    try {
      Interval.parse(text);
    } catch (IllegalArgumentException e) {
      throw new SqlTranslationException("22007", e.getMessage());
    }
    edits.insertBefore(w.tokenIndex(leftStart), "kq_interval_add(");
    edits.remove(w.tokenIndex(operator), w.tokenIndex(last));
    edits.replace(w.tokenIndex(operator), ", " + SqlLiterals.quoteString(text)
        + (minus ? ", -1)" : ", 1)"));
  }

  /**
   * {@code current_date - 7}, {@code date '2024-01-31' + $1}: a date plus or minus a number of
   * days is a date, {@code kq_date_add(d, n, ±1)}; SQLite would subtract from the year. Only a
   * number or a parameter is taken as the days: anything else after the operator stays as it is.
   */
  private static void dateArithmetic(Words w, int dateStart, int operator, TokenEdits edits) {
    int column = wholeColumnEnd(w, operator + 1);
    if (column >= 0 && endsOperand(w, column + 1) && dateStart == operator - 1
        && w.isWord(dateStart, "current_date") && !w.isSymbol(dateStart - 1, "*")
        && !w.isSymbol(dateStart - 1, "/")) {
      // current_date - created_on: the days between them, or a date when the column holds days
      String date = w.text(dateStart, operator - 1);
      edits.remove(w.tokenIndex(dateStart), w.tokenIndex(column));
      edits.replace(w.tokenIndex(dateStart), "(" + dateAndColumn(date, w.get(operator).text(),
          w.text(operator + 1, column)) + ")");
      return;
    }
    Token days = w.get(operator + 1);
    if (days == null || (days.type() != Token.Type.NUMBER && days.type() != Token.Type.PARAM)
        || w.isSymbol(operator + 2, "::") || w.isSymbol(operator + 2, "*")
        || w.isSymbol(operator + 2, "/")) {
      return;
    }
    edits.insertBefore(w.tokenIndex(dateStart), "kq_date_add(");
    edits.replace(w.tokenIndex(operator), ",");
    edits.insertAfter(w.tokenIndex(operator + 1), w.isSymbol(operator, "-") ? ", -1)" : ", 1)");
  }

  /** Words that end an operand but name no column. */
  private static final Set<String> NOT_COLUMNS = Set.of("null", "true", "false", "end", "default",
      "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp");
  /** What may stand before an operand of {@code +} or {@code -} that is a whole column. */
  private static final Set<String> OPERAND_STARTS = Set.of("select", "where", "and", "or", "when",
      "then", "else", "on", "set", "by", "having", "returning", "between", "not", "return");
  private static final Set<String> COMPARISONS = Set.of("(", ",", "=", "<", ">", "<=", ">=", "<>", "!=");

  /**
   * {@code due - 1}, {@code t.d + $1}: column types are not known here, so the value decides. One
   * that reads as a date ({@code YYYY-MM-DD}, how kqlite stores a date) gets that many days added,
   * as PostgreSQL does for a date column; any other value keeps SQLite's arithmetic, so
   * {@code n + 1} on a number is unchanged. Only a whole column and an integer or a parameter are
   * taken: {@code a * b - 1} and {@code d - 1.5} stay as they are. Returns whether it rewrote.
   */
  private static boolean columnDays(Words w, int operator, TokenEdits edits) {
    int end = operator - 1;
    if (!w.isName(end) || w.isWordIn(end, NOT_COLUMNS) || w.isSymbol(end + 2, "(")) {
      return false;
    }
    int start = w.isSymbol(end - 1, ".") && w.isName(end - 2) ? end - 2 : end;
    Token before = w.get(start - 1);
    boolean operandAlone = before == null || COMPARISONS.contains(before.text())
        || w.isWordIn(start - 1, OPERAND_STARTS);
    Token days = w.get(operator + 1);
    boolean integerDays = days != null && (days.type() == Token.Type.PARAM
        || days.type() == Token.Type.NUMBER && days.text().chars().allMatch(Character::isDigit));
    int rightEnd = integerDays ? operator + 1 : wholeColumnEnd(w, operator + 1);
    if (!operandAlone || rightEnd < 0 || !endsOperand(w, rightEnd + 1)) {
      return false;
    }
    String c = w.text(start, end);
    if (c.startsWith("kq_")) {
      return false; // a position or count kqlite's own rewrites computed: a number
    }
    String op = w.get(operator).text();
    String right = w.text(operator + 1, rightEnd);
    String dateCase = integerDays
        ? "kq_date_add(" + c + ", " + right + ", " + (op.equals("-") ? "-1" : "1") + ")"
        : dateAndColumn(c, op, right);
    edits.remove(w.tokenIndex(start), w.tokenIndex(rightEnd));
    edits.replace(w.tokenIndex(start), "(CASE WHEN " + isDate(c) + " THEN " + dateCase
        + " ELSE " + c + " " + op + " " + right + " END)");
    return true;
  }

  /**
   * A date and a column {@code right}: two dates are the days between them ({@code -} only), a
   * date and an integer that many days later or earlier; anything else SQLite's arithmetic.
   */
  private static String dateAndColumn(String date, String op, String right) {
    String sign = op.equals("-") ? "-1" : "1";
    return "CASE" + (op.equals("-") ? " WHEN " + isDate(right) + " THEN CAST(julianday(" + date
        + ") - julianday(" + right + ") AS INTEGER)" : "")
        + " WHEN typeof(" + right + ") = 'integer' THEN kq_date_add(" + date + ", " + right + ", "
        + sign + ") ELSE " + date + " " + op + " " + right + " END";
  }

  /** SQL that is true when {@code value} is a date as kqlite stores one (YYYY-MM-DD). */
  private static String isDate(String value) {
    return "typeof(" + value + ") = 'text' AND " + value
        + " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'";
  }

  /** The last word of a whole (possibly qualified) column reference starting at {@code i}, or -1. */
  private static int wholeColumnEnd(Words w, int i) {
    if (!w.isName(i) || w.isWordIn(i, NOT_COLUMNS) || w.isSymbol(i + 1, "(")) {
      return -1;
    }
    int end = w.isSymbol(i + 1, ".") && w.isName(i + 2) ? i + 2 : i;
    return w.isSymbol(end + 1, "(") || w.isSymbol(end + 1, ".") || w.text(i, end).startsWith("kq_") ? -1 : end;
  }

  /** True if nothing binding tighter than {@code +}/{@code -} follows at {@code i}. */
  private static boolean endsOperand(Words w, int i) {
    Token after = w.get(i);
    return after == null || !(after.isSymbol("*") || after.isSymbol("/") || after.isSymbol("%")
        || after.isSymbol("::") || after.isSymbol("||") || after.isSymbol(".") || after.isSymbol("["));
  }

  /** SQLite's {@code X'…'} literal for PostgreSQL bytea input text. */
  static String blobLiteral(String byteaInput) {
    return "X'" + byteaHex(byteaInput) + "'";
  }

  /**
   * The hex digits of the bytes PostgreSQL bytea input text denotes.
   *
   * @throws SqlTranslationException 22023 or 22P02 for text that is not bytea input
   */
  static String byteaHex(String byteaInput) {
    try {
      return HexFormat.of().formatHex(ByteaInput.parse(byteaInput));
    } catch (ByteaInput.InvalidBytea e) {
      throw new SqlTranslationException(e.sqlState(), e.getMessage());
    }
  }

  private static boolean isSequenceFunctionArgument(Words w, int operand) {
    return w.isSymbol(operand - 1, "(")
        && (w.isWord(operand - 2, "nextval") || w.isWord(operand - 2, "currval") || w.isWord(operand - 2, "setval"));
  }

  private static int operandStart(
      Words w, int end, Map<Integer, Integer> castOperandStart, Token cast) {
    Integer previousCast = castOperandStart.get(end);
    if (previousCast != null) {
      return previousCast;
    }
    Token last = w.get(end);
    if (last == null) {
      throw SqlTranslationException.syntaxErrorAt(cast);
    }
    if (last.isSymbol(")")) {
      int open = w.opening(end);
      if (open < 0) {
        throw SqlTranslationException.syntaxErrorAt(last);
      }
      boolean functionCall = w.isName(open - 1) && !w.isWordIn(open - 1, NOT_FUNCTIONS);
      return functionCall ? qualifiedNameStart(w, open - 1) : open;
    }
    if (last.isName()) {
      return qualifiedNameStart(w, end);
    }
    switch (last.type()) {
      case STRING: case DOLLAR_STRING: case NUMBER: case PARAM:
        return end;
      default:
        throw SqlTranslationException.notSupported("cast of \"" + last.text() + "\" with ::");
    }
  }

  /** Walks back over {@code a.b.c} to the first name. */
  private static int qualifiedNameStart(Words w, int k) {
    while (w.isSymbol(k - 1, ".") && w.isName(k - 2)) {
      k -= 2;
    }
    return k;
  }

  /** Parses a type name at {@code i}: qualified, multi-word, with modifiers and array brackets. */
  private static TypeName typeName(Words w, int i) {
    if (!w.isName(i)) {
      throw SqlTranslationException.syntaxErrorAt(w.get(i));
    }
    String name = SqlLiterals.identifierValue(w.get(i));
    int end = i;
    if (w.isSymbol(i + 1, ".") && w.isName(i + 2)) {
      String type = SqlLiterals.identifierValue(w.get(i + 2));
      if (!name.equals("pg_catalog")) {
        throw SqlTranslationException.notSupported("cast to " + name + "." + type);
      }
      name = type;
      end = i + 2;
    }
    if (name.equals("double") && w.isWord(end + 1, "precision")) {
      name = "double precision";
      end++;
    } else if (name.equals("national")
        && (w.isWord(end + 1, "character") || w.isWord(end + 1, "char"))) {
      name = "character";
      end++;
    }
    if ((name.equals("character") || name.equals("char")) && w.isWord(end + 1, "varying")) {
      name = "varchar";
      end++;
    }
    if (w.isSymbol(end + 1, "(")) {
      end = w.closing(end + 1);
    }
    if ((name.equals("timestamp") || name.equals("time"))
        && (w.isWord(end + 1, "with") || w.isWord(end + 1, "without"))
        && w.isWord(end + 2, "time") && w.isWord(end + 3, "zone")) {
      name = w.isWord(end + 1, "with") ? name + "tz" : name;
      end += 3;
    }
    boolean array = false;
    while (w.isSymbol(end + 1, "[")) {
      array = true;
      end = w.closing(end + 1);
    }
    return new TypeName(name, Math.min(end, w.size() - 1), array);
  }
}
