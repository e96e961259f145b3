package io.kqlite.pgwire.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates and times as clients write them ({@code 2024-01-02T03:04:05.000+02:00} from
 * node-postgres, {@code '2024-01-02T03:04:05'::timestamp} from psycopg2) turned into the text
 * PostgreSQL outputs for them, so stored values read back the way clients parse them. kqlite
 * stores these types as text; the session time zone is UTC.
 */
public final class TemporalText {

  private static final DateTimeFormatter INPUT = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  private TemporalText() {}

  /** True for the type names this class normalises (timestamp, timestamptz, date, time). */
  public static boolean handles(String type) {
    return switch (type) {
      case "timestamp", "timestamptz", "date", "time" -> true;
      default -> false;
    };
  }

  /**
   * The text PostgreSQL would print for {@code text} read as {@code type}.
   *
   * @throws IllegalArgumentException when PostgreSQL would reject the input (SQLSTATE 22007)
   */
  public static String normalize(String type, String text) {
    try {
      return switch (type) {
        case "date" -> LocalDate.parse(text.strip().substring(0, Math.min(10, text.strip().length()))).toString();
        case "time" -> time(LocalTime.parse(text.strip()));
        case "timestamp" -> timestamp(localDateTime(text));
        default -> timestamp(utc(text)) + "+00";
      };
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "invalid input syntax for type " + type + ": \"" + text + "\"", e);
    }
  }

  /**
   * PostgreSQL's cast of a date/time value (kqlite's text for one, or text a client wrote) to
   * {@code type}: {@code date}, {@code time}, {@code timestamp} or {@code timestamptz}. A
   * timestamptz is converted in the session time zone, UTC; a timestamp or date taken as UTC.
   * Null for null.
   *
   * @throws IllegalArgumentException for text that is no date/time (22007)
   */
  public static String cast(String type, Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    LocalDateTime t;
    try {
      t = utc(INPUT.parse(text));
    } catch (DateTimeParseException e) {
      if (type.equals("time")) {
        return normalize("time", text); // a time of day cast to time
      }
      throw new IllegalArgumentException("SQLSTATE 22007: invalid input syntax for type " + type
          + ": \"" + text + "\"", e);
    }
    return switch (type) {
      case "date" -> t.toLocalDate().toString();
      case "time" -> time(t.toLocalTime());
      case "timestamp" -> timestamp(t);
      default -> timestamp(t) + "+00";
    };
  }

  /**
   * {@code value + sign × interval}, as PostgreSQL adds: months first, then days, then time. A
   * timestamptz (stored in UTC with {@code +00}) stays one; a timestamp or date becomes a timestamp.
   * Null when {@code value} or {@code interval} is null.
   *
   * @throws IllegalArgumentException for text that is not a date/time or an interval (22007)
   */
  public static String addInterval(Object value, Object interval, long sign) {
    if (value == null || interval == null) {
      return null;
    }
    String text = value.toString().strip();
    boolean zoned;
    LocalDateTime start;
    try {
      TemporalAccessor parsed = INPUT.parse(text);
      zoned = parsed.isSupported(ChronoField.OFFSET_SECONDS);
      start = zoned ? utc(parsed) : localDateTime(parsed);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("invalid input syntax for type timestamp: \"" + text + "\"", e);
    }
    Interval amount = Interval.parse(interval.toString()).times(sign);
    LocalDateTime result = start.plusMonths(amount.months()).plusDays(amount.days())
        .plusNanos(amount.micros() * 1000);
    return zoned ? timestamp(result) + "+00" : timestamp(result);
  }

  /**
   * {@code date + sign × days}, a date as PostgreSQL's {@code date ± integer} gives; null for a
   * null argument.
   */
  public static String addDays(Object date, Object days, long sign) {
    if (date == null || days == null) {
      return null;
    }
    long n = days instanceof Number number ? number.longValue() : Long.parseLong(days.toString().strip());
    return LocalDate.parse(normalize("date", date.toString())).plusDays(sign * n).toString();
  }

  /**
   * PostgreSQL's {@code date_part(field, value)} (and {@code extract(field FROM value)}) of a date,
   * timestamp or timestamptz: an integer where the field is whole, else a double (seconds with
   * their fraction, epoch). The session time zone is UTC, so a timestamp's epoch is taken as UTC.
   *
   * @throws IllegalArgumentException for an unknown field (22023) or text that is no date/time (22007)
   */
  public static Object part(Object field, Object value) {
    if (field == null || value == null) {
      return null;
    }
    LocalDateTime t = utc(parse(value));
    double seconds = t.getSecond() + t.getNano() / 1e9;
    return switch (field.toString().strip().toLowerCase(Locale.ROOT)) {
      case "year", "years" -> (long) t.getYear();
      case "month", "months" -> (long) t.getMonthValue();
      case "day", "days" -> (long) t.getDayOfMonth();
      case "hour", "hours" -> (long) t.getHour();
      case "minute", "minutes" -> (long) t.getMinute();
      case "second", "seconds" -> whole(seconds);
      case "millisecond", "milliseconds" -> whole(seconds * 1000);
      case "microsecond", "microseconds" -> (long) Math.round(seconds * 1_000_000);
      case "dow" -> (long) (t.getDayOfWeek().getValue() % 7);
      case "isodow" -> (long) t.getDayOfWeek().getValue();
      case "doy" -> (long) t.getDayOfYear();
      case "week" -> (long) t.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case "isoyear" -> (long) t.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR);
      case "quarter" -> (long) ((t.getMonthValue() - 1) / 3 + 1);
      case "decade" -> (long) Math.floorDiv(t.getYear(), 10);
      case "century" -> (long) (t.getYear() > 0 ? (t.getYear() + 99) / 100 : -((99 - t.getYear()) / 100));
      case "millennium" -> (long) (t.getYear() > 0 ? (t.getYear() + 999) / 1000 : -((999 - t.getYear()) / 1000));
      case "epoch" -> whole(t.toEpochSecond(ZoneOffset.UTC) + t.getNano() / 1e9);
      default -> throw unknownUnit(field);
    };
  }

  /**
   * PostgreSQL's {@code date_trunc(field, value)}: the value cut down to the field's start. A
   * timestamptz or date gives a timestamptz, a timestamp a timestamp.
   *
   * @throws IllegalArgumentException for an unknown field (22023) or text that is no date/time (22007)
   */
  public static String truncate(Object field, Object value) {
    if (field == null || value == null) {
      return null;
    }
    TemporalAccessor parsed = parse(value);
    // A date is taken as a timestamptz, as PostgreSQL casts it.
    boolean zoned = !parsed.isSupported(ChronoField.HOUR_OF_DAY) || parsed.isSupported(ChronoField.OFFSET_SECONDS);
    LocalDateTime t = utc(parsed);
    LocalDateTime cut = switch (field.toString().strip().toLowerCase(Locale.ROOT)) {
      case "microseconds" -> t.withNano(t.getNano() / 1000 * 1000);
      case "milliseconds" -> t.withNano(t.getNano() / 1_000_000 * 1_000_000);
      case "second" -> t.withNano(0);
      case "minute" -> t.withSecond(0).withNano(0);
      case "hour" -> t.withMinute(0).withSecond(0).withNano(0);
      case "day" -> t.toLocalDate().atStartOfDay();
      case "week" -> t.toLocalDate().minusDays(t.getDayOfWeek().getValue() - 1L).atStartOfDay();
      case "month" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
      case "quarter" -> LocalDate.of(t.getYear(), (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
      case "year" -> LocalDate.of(t.getYear(), 1, 1).atStartOfDay();
      case "decade" -> LocalDate.of(Math.floorDiv(t.getYear(), 10) * 10, 1, 1).atStartOfDay();
      case "century" -> LocalDate.of((t.getYear() - 1) / 100 * 100 + 1, 1, 1).atStartOfDay();
      case "millennium" -> LocalDate.of((t.getYear() - 1) / 1000 * 1000 + 1, 1, 1).atStartOfDay();
      default -> throw unknownUnit(field);
    };
    return zoned ? timestamp(cut) + "+00" : timestamp(cut);
  }

  /** A date, timestamp or timestamptz as written. */
  static TemporalAccessor parse(Object value) {
    String text = value.toString().strip();
    try {
      return INPUT.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("SQLSTATE 22007: invalid input syntax for type timestamp: \""
          + text + "\"", e);
    }
  }

  private static IllegalArgumentException unknownUnit(Object field) {
    return new IllegalArgumentException("SQLSTATE 22023: unit \"" + field + "\" not recognized for type timestamp");
  }

  /** A whole number as a long, else the double. */
  private static Object whole(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
  }

  private static LocalDateTime localDateTime(String text) {
    return localDateTime(INPUT.parse(text.strip()));
  }

  private static LocalDateTime localDateTime(TemporalAccessor parsed) {
    LocalDate date = LocalDate.from(parsed);
    LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
    return date.atTime(time);
  }

  private static LocalDateTime utc(String text) {
    return utc(INPUT.parse(text.strip()));
  }

  /** The UTC time of a parsed date/time; one without an offset is taken as UTC already. */
  static LocalDateTime utc(TemporalAccessor parsed) {
    LocalDateTime local = localDateTime(parsed);
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
          .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    return local; // the session time zone is UTC
  }

  static String timestamp(LocalDateTime value) {
    return value.toLocalDate() + " " + time(value.toLocalTime());
  }

  /** HH:MM:SS with the fraction PostgreSQL shows: microseconds, trailing zeros dropped. */
  private static String time(LocalTime value) {
    String base = String.format(Locale.ROOT, "%02d:%02d:%02d", value.getHour(), value.getMinute(), value.getSecond());
    int micros = value.getNano() / 1000;
    if (micros == 0) {
      return base;
    }
    String fraction = String.format(Locale.ROOT, "%06d", micros).replaceAll("0+$", "");
    return base + "." + fraction;
  }
}
