package io.kqlite.pgwire.types;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's date/time template patterns ({@code YYYY-MM-DD HH24:MI:SS}, {@code FMMonth DD},
 * {@code Dy, DD Mon YYYY}), for {@code to_char} of a date/time and for {@code to_timestamp} /
 * {@code to_date} reading text. {@code FM} drops a field's padding, {@code TH}/{@code th} adds an
 * ordinal suffix, {@code "…"} is literal text; other characters are copied (or, when reading,
 * skipped). Names are English, times UTC (the session time zone).
 */
public final class DateTimeTemplate {

  /** The field patterns, longest first so that {@code HH24} wins over {@code HH}. */
  private static final List<String> FIELDS = List.of(
      "A.M.", "a.m.", "P.M.", "p.m.", "HH24", "HH12", "YYYY", "IYYY", "MONTH", "Month", "month",
      "SSSS", "DDD", "YYY", "MON", "Mon", "mon", "DAY", "Day", "day", "FF1", "FF2", "FF3", "FF4",
      "FF5", "FF6", "HH", "MI", "SS", "MS", "US", "AM", "am", "PM", "pm", "YY", "MM", "DD", "DY",
      "Dy", "dy", "ID", "IW", "WW", "CC", "TZ", "tz", "OF", "Y", "D", "W", "Q", "J");

  private DateTimeTemplate() {}

  /** One piece of a parsed template: a field (with its FM and TH flags) or literal text. */
  private record Piece(String field, String literal, boolean fillMode, String ordinal) {}

  private static List<Piece> pieces(String template) {
    List<Piece> pieces = new ArrayList<>();
    int i = 0;
    while (i < template.length()) {
      boolean fill = template.startsWith("FM", i);
      int at = fill ? i + 2 : i;
      String field = fieldAt(template, at);
      if (field != null) {
        int end = at + field.length();
        String ordinal = template.startsWith("TH", end) ? "TH" : template.startsWith("th", end) ? "th" : null;
        pieces.add(new Piece(field, null, fill, ordinal));
        i = end + (ordinal == null ? 0 : 2);
      } else if (template.charAt(i) == '"') {
        int close = template.indexOf('"', i + 1);
        close = close < 0 ? template.length() : close;
        pieces.add(new Piece(null, template.substring(i + 1, close), false, null));
        i = close + 1;
      } else if (template.charAt(i) == '\\' && i + 1 < template.length()) {
        pieces.add(new Piece(null, template.substring(i + 1, i + 2), false, null));
        i += 2;
      } else {
        pieces.add(new Piece(null, template.substring(fill ? at : i, fill ? at : i + 1), false, null));
        i = fill ? at : i + 1;
      }
    }
    return pieces;
  }

  private static String fieldAt(String template, int at) {
    for (String field : FIELDS) {
      if (template.startsWith(field, at)) {
        return field;
      }
    }
    return null;
  }

  /** {@code to_char(t, template)} of a date/time in UTC; {@code zoned} for a timestamptz. */
  public static String format(LocalDateTime t, boolean zoned, String template) {
    StringBuilder out = new StringBuilder();
    for (Piece piece : pieces(template)) {
      if (piece.field() == null) {
        out.append(piece.literal());
        continue;
      }
      String text = field(t, zoned, piece.field(), piece.fillMode());
      out.append(text);
      if (piece.ordinal() != null) {
        String suffix = ordinal(Long.parseLong(text.strip()));
        out.append(piece.ordinal().equals("TH") ? suffix.toUpperCase(Locale.ROOT) : suffix);
      }
    }
    return out.toString();
  }

  private static String field(LocalDateTime t, boolean zoned, String field, boolean fill) {
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    boolean pm = t.getHour() >= 12;
    return switch (field) {
      case "HH24" -> number(t.getHour(), 2, fill);
      case "HH12", "HH" -> number(hour12, 2, fill);
      case "MI" -> number(t.getMinute(), 2, fill);
      case "SS" -> number(t.getSecond(), 2, fill);
      case "SSSS" -> number(t.toLocalTime().toSecondOfDay(), 1, fill);
      case "MS" -> number(t.getNano() / 1_000_000, 3, fill);
      case "US" -> number(t.getNano() / 1_000, 6, fill);
      case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6" -> {
        int digits = field.charAt(2) - '0';
        yield number(t.getNano() / (int) Math.pow(10, 9 - digits), digits, fill);
      }
      case "AM", "PM" -> pm ? "PM" : "AM";
      case "am", "pm" -> pm ? "pm" : "am";
      case "A.M.", "P.M." -> pm ? "P.M." : "A.M.";
      case "a.m.", "p.m." -> pm ? "p.m." : "a.m.";
      case "YYYY" -> number(t.getYear(), 4, fill);
      case "YYY" -> number(t.getYear() % 1000, 3, fill);
      case "YY" -> number(t.getYear() % 100, 2, fill);
      case "Y" -> number(t.getYear() % 10, 1, fill);
      case "IYYY" -> number(t.get(IsoFields.WEEK_BASED_YEAR), 4, fill);
      case "CC" -> number((t.getYear() + 99) / 100, 2, fill);
      case "MONTH", "Month", "month" -> name(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), field, 9, fill);
      case "MON", "Mon", "mon" -> name(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), field, 3, fill);
      case "MM" -> number(t.getMonthValue(), 2, fill);
      case "DAY", "Day", "day" -> name(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), field, 9, fill);
      case "DY", "Dy", "dy" -> name(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), field, 3, fill);
      case "DDD" -> number(t.getDayOfYear(), 3, fill);
      case "DD" -> number(t.getDayOfMonth(), 2, fill);
      case "D" -> number(t.getDayOfWeek().getValue() % 7 + 1, 1, fill);
      case "ID" -> number(t.getDayOfWeek().getValue(), 1, fill);
      case "IW" -> number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, fill);
      case "WW" -> number((t.getDayOfYear() - 1) / 7 + 1, 2, fill);
      case "W" -> number((t.getDayOfMonth() - 1) / 7 + 1, 1, fill);
      case "Q" -> number((t.getMonthValue() - 1) / 3 + 1, 1, fill);
      case "J" -> number(t.toLocalDate().getLong(ChronoField.EPOCH_DAY) + 2_440_588, 1, fill);
      case "TZ" -> zoned ? "UTC" : "";
      case "tz" -> zoned ? "utc" : "";
      case "OF" -> zoned ? "+00" : "";
      default -> throw new IllegalStateException(field);
    };
  }

  private static String number(long value, int width, boolean fill) {
    String digits = Long.toString(Math.abs(value));
    if (!fill && digits.length() < width) {
      digits = "0".repeat(width - digits.length()) + digits;
    }
    return value < 0 ? "-" + digits : digits;
  }

  /** A month or day name in the field's case, padded to {@code width} unless FM. */
  private static String name(String english, String field, int width, boolean fill) {
    String text = Character.isLowerCase(field.charAt(0)) ? english.toLowerCase(Locale.ROOT)
        : Character.isUpperCase(field.charAt(1)) ? english.toUpperCase(Locale.ROOT) : english;
    return fill || text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  /** English ordinal suffix of {@code n}: st, nd, rd, th. */
  static String ordinal(long n) {
    long lastTwo = n % 100;
    if (lastTwo >= 11 && lastTwo <= 13) {
      return "th";
    }
    return switch ((int) (n % 10)) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  /**
   * Reads {@code text} by {@code template}, as {@code to_timestamp(text, template)}: fields the
   * template lacks are the first possible (year 1, January, day 1, midnight), as in PostgreSQL.
   *
   * @throws IllegalArgumentException (22007) where the text does not fit the template
   */
  public static LocalDateTime parse(String text, String template) {
    int year = 1;
    int month = 1;
    int day = 1;
    int dayOfYear = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    long micros = 0;
    Boolean pm = null;
    int at = 0;
    for (Piece piece : pieces(template)) {
      if (piece.field() == null) {
        at = skipSeparator(text, at, piece.literal());
        continue;
      }
      String field = piece.field();
      if (field.matches("(?i)month|mon|day|dy|am|pm|a\\.m\\.|p\\.m\\.")) {
        int end = at;
        while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '.')) {
          end++;
        }
        String word = text.substring(at, end).toLowerCase(Locale.ROOT);
        switch (field.toLowerCase(Locale.ROOT)) {
          case "month", "mon" -> month = monthNamed(word, text);
          case "am", "pm", "a.m.", "p.m." -> pm = word.startsWith("p");
          default -> dayNamed(word, text); // checked, not used: the date gives the weekday
        }
        at = end;
        continue;
      }
      int width = switch (field) {
        case "YYYY", "IYYY", "SSSS" -> field.equals("SSSS") ? 5 : 4;
        case "YYY", "DDD", "MS" -> 3;
        case "Y", "D", "ID", "W", "Q" -> 1;
        case "US" -> 6;
        case "J" -> 7;
        default -> field.startsWith("FF") ? field.charAt(2) - '0' : 2;
      };
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      // A field reads at most its width in digits (YYYYMMDD has no separators); FM, all there are.
      int end = at;
      while (end < text.length() && Character.isDigit(text.charAt(end))
          && (end - at < width || piece.fillMode())) {
        end++;
      }
      if (end == at) {
        throw invalid(text, template);
      }
      String digits = text.substring(at, end);
      long value = Long.parseLong(digits);
      at = end;
      switch (field) {
        case "YYYY", "IYYY" -> year = (int) value;
        case "YYY", "YY", "Y" -> year = (int) (digits.length() <= 2 ? (value < 70 ? 2000 + value : 1900 + value) : 2000 + value);
        case "MM" -> month = (int) value;
        case "DD" -> day = (int) value;
        case "DDD" -> dayOfYear = (int) value;
        case "HH24" -> hour = (int) value;
        case "HH12", "HH" -> hour = (int) value % 12;
        case "MI" -> minute = (int) value;
        case "SS" -> second = (int) value;
        case "MS" -> micros = value * (long) Math.pow(10, 3 - digits.length()) * 1000;
        case "US" -> micros = value * (long) Math.pow(10, 6 - digits.length());
        case "J" -> {
          LocalDate date = LocalDate.ofEpochDay(value - 2_440_588);
          year = date.getYear();
          month = date.getMonthValue();
          day = date.getDayOfMonth();
        }
        default -> {
          if (field.startsWith("FF")) {
            micros = value * (long) Math.pow(10, 6 - digits.length());
          } // other fields (week numbers, quarter) do not fix a date; PostgreSQL ignores them too
        }
      }
    }
    if (pm != null && pm) {
      hour += 12;
    }
    try {
      LocalDate date = dayOfYear > 0 ? LocalDate.ofYearDay(year, dayOfYear) : LocalDate.of(year, month, day);
      return date.atTime(LocalTime.of(hour, minute, second)).plusNanos(micros * 1000);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("SQLSTATE 22008: date/time field value out of range: \""
          + text + "\"", e);
    }
  }

  /**
   * Past a template's literal text: a space skips any whitespace, any other character matches one
   * separator (any character that is no letter or digit), or nothing where the text has none.
   */
  private static int skipSeparator(String text, int at, String literal) {
    for (char c : literal.toCharArray()) {
      if (Character.isWhitespace(c)) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
          at++;
        }
      } else if (at < text.length() && !Character.isLetterOrDigit(text.charAt(at))) {
        at++;
      }
    }
    return at;
  }

  private static int monthNamed(String word, String text) {
    for (Month month : Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (word.length() >= 3 && full.startsWith(word)) {
        return month.getValue();
      }
    }
    throw new IllegalArgumentException("SQLSTATE 22007: invalid value \"" + word
        + "\" for \"Mon\" in \"" + text + "\"");
  }

  private static void dayNamed(String word, String text) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (word.length() >= 3 && day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(word)) {
        return;
      }
    }
    throw new IllegalArgumentException("SQLSTATE 22007: invalid value \"" + word
        + "\" for \"Day\" in \"" + text + "\"");
  }

  private static IllegalArgumentException invalid(String text, String template) {
    return new IllegalArgumentException("SQLSTATE 22007: invalid value for template \"" + template
        + "\" in \"" + text + "\"");
  }
}
