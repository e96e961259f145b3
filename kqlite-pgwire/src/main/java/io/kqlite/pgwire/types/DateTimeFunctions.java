package io.kqlite.pgwire.types;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * PostgreSQL's date/time functions over kqlite's date/time text: {@code to_char},
 * {@code to_timestamp}, {@code to_date}, {@code make_date}, {@code make_timestamp},
 * {@code make_timestamptz} and {@code age(a, b)}. Pure functions of their arguments, so writes
 * may call them (the one-argument {@code age(x)}, which reads the clock, is not offered).
 */
public final class DateTimeFunctions {

  private DateTimeFunctions() {}

  /** {@code to_char(value, template)} of a date, timestamp or timestamptz. */
  public static String toChar(Object value, Object template) {
    if (value == null || template == null) {
      return null;
    }
    TemporalAccessor parsed = TemporalText.parse(value);
    boolean zoned = parsed.isSupported(ChronoField.OFFSET_SECONDS);
    return DateTimeTemplate.format(TemporalText.utc(parsed), zoned, template.toString());
  }

  /** {@code to_timestamp(seconds since the epoch)}: a timestamptz. */
  public static String toTimestamp(Object epochSeconds) {
    if (epochSeconds == null) {
      return null;
    }
    double seconds = epochSeconds instanceof Number n ? n.doubleValue()
        : Double.parseDouble(epochSeconds.toString().strip());
    long micros = Math.round(seconds * 1_000_000);
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
    return TemporalText.timestamp(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "+00";
  }

  /** {@code to_timestamp(text, template)}: a timestamptz, the text read in UTC. */
  public static String toTimestamp(Object text, Object template) {
    if (text == null || template == null) {
      return null;
    }
    return TemporalText.timestamp(DateTimeTemplate.parse(text.toString(), template.toString())) + "+00";
  }

  /** {@code to_date(text, template)}. */
  public static String toDate(Object text, Object template) {
    if (text == null || template == null) {
      return null;
    }
    return DateTimeTemplate.parse(text.toString(), template.toString()).toLocalDate().toString();
  }

  /** {@code make_date(year, month, day)}. */
  public static String makeDate(Object year, Object month, Object day) {
    if (year == null || month == null || day == null) {
      return null;
    }
    return date(year, month, day).toString();
  }

  /**
   * {@code make_timestamp(year, month, day, hour, min, sec)}; a timestamptz with {@code zoned}
   * (in UTC, the session time zone).
   */
  public static String makeTimestamp(Object[] a, boolean zoned) {
    for (int i = 0; i < 6; i++) {
      if (a[i] == null) {
        return null;
      }
    }
    double seconds = ((Number) number(a[5])).doubleValue();
    long micros = Math.round(seconds * 1_000_000);
    try {
      LocalDateTime t = date(a[0], a[1], a[2]).atTime(
          (int) whole(a[3]), (int) whole(a[4]), (int) (micros / 1_000_000), (int) (micros % 1_000_000) * 1000);
      return TemporalText.timestamp(t) + (zoned ? "+00" : "");
    } catch (DateTimeException e) {
      throw outOfRange(e);
    }
  }

  /**
   * {@code age(a, b)}: {@code a - b} in years, months, days and time, counted field by field from
   * the later back to the earlier (a month borrowed is the earlier date's month length), as
   * PostgreSQL's {@code timestamp_age} counts.
   */
  public static String age(Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    LocalDateTime t1 = TemporalText.utc(TemporalText.parse(a));
    LocalDateTime t2 = TemporalText.utc(TemporalText.parse(b));
    boolean negative = t1.isBefore(t2);
    int sign = negative ? -1 : 1;
    long usec = sign * (long) (t1.getNano() / 1000 - t2.getNano() / 1000);
    long sec = sign * (long) (t1.getSecond() - t2.getSecond());
    long min = sign * (long) (t1.getMinute() - t2.getMinute());
    long hour = sign * (long) (t1.getHour() - t2.getHour());
    long day = sign * (long) (t1.getDayOfMonth() - t2.getDayOfMonth());
    long mon = sign * (long) (t1.getMonthValue() - t2.getMonthValue());
    long year = sign * (long) (t1.getYear() - t2.getYear());
    for (; usec < 0; usec += 1_000_000) {
      sec--;
    }
    for (; sec < 0; sec += 60) {
      min--;
    }
    for (; min < 0; min += 60) {
      hour--;
    }
    for (; hour < 0; hour += 24) {
      day--;
    }
    LocalDateTime earlier = negative ? t1 : t2;
    for (; day < 0; mon--) {
      day += earlier.toLocalDate().lengthOfMonth();
    }
    for (; mon < 0; mon += 12) {
      year--;
    }
    long time = ((hour * 60 + min) * 60 + sec) * 1_000_000 + usec;
    return new Interval(sign * (year * 12 + mon), sign * day, sign * time).toText();
  }

  /**
   * {@code value AT TIME ZONE zone}: a timestamptz becomes the wall-clock time in {@code zone} (a
   * timestamp), and so does a date (midnight UTC); a timestamp is taken as wall-clock time there
   * and becomes a timestamptz. Zone rules are the JVM's time zone data: replicas should run the
   * same Java release, as PostgreSQL replicas should share their tzdata.
   *
   * @throws IllegalArgumentException 22023 for a zone that is not known
   */
  public static String atTimeZone(Object value, Object zone) {
    if (value == null || zone == null) {
      return null;
    }
    ZoneId id = zone(zone.toString().strip());
    TemporalAccessor parsed = TemporalText.parse(value);
    LocalDateTime utc = TemporalText.utc(parsed);
    // A date is a timestamptz at midnight (UTC) here, as PostgreSQL casts it.
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS) || !parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
      return TemporalText.timestamp(utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(id).toLocalDateTime());
    }
    return TemporalText.timestamp(utc.atZone(id).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "+00";
  }

  /** A time zone by its IANA name in any case ({@code utc}, {@code Europe/Paris}) or offset. */
  private static ZoneId zone(String name) {
    if (name.equalsIgnoreCase("utc") || name.equalsIgnoreCase("gmt") || name.equalsIgnoreCase("z")) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      for (String known : ZoneId.getAvailableZoneIds()) {
        if (known.equalsIgnoreCase(name)) {
          return ZoneId.of(known);
        }
      }
      throw new IllegalArgumentException("SQLSTATE 22023: time zone \"" + name + "\" not recognized", e);
    }
  }

  private static LocalDate date(Object year, Object month, Object day) {
    try {
      int y = (int) whole(year);
      // PostgreSQL counts negative years as BC: -44 is 44 BC, the proleptic year -43.
      return LocalDate.of(y < 0 ? y + 1 : y, (int) whole(month), (int) whole(day));
    } catch (DateTimeException e) {
      throw outOfRange(e);
    }
  }

  private static Object number(Object value) {
    return value instanceof Number n ? n : Double.valueOf(value.toString().strip());
  }

  private static long whole(Object value) {
    return ((Number) number(value)).longValue();
  }

  private static IllegalArgumentException outOfRange(DateTimeException e) {
    return new IllegalArgumentException("SQLSTATE 22008: date field value out of range: " + e.getMessage(), e);
  }
}
