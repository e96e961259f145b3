package io.kqlite.pgwire.types;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL interval as its three parts (months, days, microseconds), read from the text
 * PostgreSQL accepts for one: {@code '1 day'}, {@code '2 hours 30 minutes'}, {@code '1 year 2 mons
 * 3 days 04:05:06.5'}, {@code '@ 3 days ago'}. ISO 8601 forms ({@code P1D}) are not read.
 */
public record Interval(long months, long days, long micros) {

  private static final Pattern PART = Pattern.compile(
      "([+-]?\\d+(?:\\.\\d+)?)\\s*([a-z]+)|([+-]?)(\\d+):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,6}))?)?");

  /** {@code this} multiplied by {@code factor} (1 or -1 for adding or subtracting). */
  public Interval times(long factor) {
    return new Interval(months * factor, days * factor, micros * factor);
  }

  /**
   * The text PostgreSQL prints for this interval (IntervalStyle postgres): {@code 1 year 2 mons
   * 3 days 04:05:06.5}, {@code -1 days -02:00:00}, {@code 00:00:00} for none.
   */
  public String toText() {
    StringBuilder out = new StringBuilder();
    unit(out, months / 12, "year");
    unit(out, months % 12, "mon");
    unit(out, days, "day");
    if (micros != 0 || out.length() == 0) {
      long abs = Math.abs(micros);
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(micros < 0 ? "-" : "").append(String.format(Locale.ROOT, "%02d:%02d:%02d",
          abs / 3_600_000_000L, abs / 60_000_000 % 60, abs / 1_000_000 % 60));
      if (abs % 1_000_000 != 0) {
        out.append('.').append(String.format(Locale.ROOT, "%06d", abs % 1_000_000).replaceAll("0+$", ""));
      }
    }
    return out.toString();
  }

  private static void unit(StringBuilder out, long value, String unit) {
    if (value != 0) {
      out.append(out.length() > 0 ? " " : "").append(value).append(' ').append(unit)
          .append(value == 1 ? "" : "s");
    }
  }

  /** @throws IllegalArgumentException for text PostgreSQL would not take as an interval */
  public static Interval parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    boolean ago = s.endsWith(" ago");
    if (ago) {
      s = s.substring(0, s.length() - 4).strip();
    }
    if (s.startsWith("@")) {
      s = s.substring(1).strip();
    }
    long months = 0;
    long days = 0;
    double micros = 0;
    Matcher m = PART.matcher(s);
    int at = 0;
    boolean any = false;
    while (at < s.length()) {
      if (Character.isWhitespace(s.charAt(at)) || s.charAt(at) == ',') {
        at++;
        continue;
      }
      if (!m.find(at) || m.start() != at) {
        throw invalid(text);
      }
      any = true;
      if (m.group(2) != null) {
        double n = Double.parseDouble(m.group(1));
        switch (unit(m.group(2), text)) {
          case "year" -> months += Math.round(n * 12);
          case "month" -> months += Math.round(n);
          case "week" -> days += Math.round(n * 7);
          case "day" -> days += Math.round(n);
          case "hour" -> micros += n * 3_600_000_000d;
          case "minute" -> micros += n * 60_000_000d;
          case "second" -> micros += n * 1_000_000d;
          case "millisecond" -> micros += n * 1_000d;
          default -> micros += n;
        }
      } else {
        long sign = "-".equals(m.group(3)) ? -1 : 1;
        long time = Long.parseLong(m.group(4)) * 3_600_000_000L + Long.parseLong(m.group(5)) * 60_000_000L;
        if (m.group(6) != null) {
          time += Long.parseLong(m.group(6)) * 1_000_000L;
        }
        if (m.group(7) != null) {
          time += Long.parseLong((m.group(7) + "00000").substring(0, 6));
        }
        micros += sign * time;
      }
      at = m.end();
    }
    if (!any) {
      throw invalid(text);
    }
    Interval interval = new Interval(months, days, Math.round(micros));
    return ago ? interval.times(-1) : interval;
  }

  private static String unit(String word, String text) {
    return switch (word) {
      case "y", "yr", "yrs", "year", "years" -> "year";
      case "mon", "mons", "month", "months" -> "month";
      case "w", "week", "weeks" -> "week";
      case "d", "day", "days" -> "day";
      case "h", "hr", "hrs", "hour", "hours" -> "hour";
      case "m", "min", "mins", "minute", "minutes" -> "minute";
      case "s", "sec", "secs", "second", "seconds" -> "second";
      case "ms", "msec", "msecs", "millisecond", "milliseconds" -> "millisecond";
      case "us", "usec", "usecs", "microsecond", "microseconds" -> "microsecond";
      default -> throw invalid(text);
    };
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("invalid input syntax for type interval: \"" + text + "\"");
  }
}
