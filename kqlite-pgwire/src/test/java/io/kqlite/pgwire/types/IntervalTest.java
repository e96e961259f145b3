package io.kqlite.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntervalTest {

  @Test
  void readsPostgresqlIntervalText() {
    assertEquals(new Interval(0, 1, 0), Interval.parse("1 day"));
    assertEquals(new Interval(14, 3, 4 * 3_600_000_000L + 5 * 60_000_000L + 6_500_000L),
        Interval.parse("1 year 2 mons 3 days 04:05:06.5"));
    assertEquals(new Interval(0, -14, -90_000_000L), Interval.parse("@ 2 weeks 90 secs ago"));
    assertEquals(new Interval(0, 0, 5_400_000_000L), Interval.parse("1.5 hours"));
    assertEquals(new Interval(0, 0, -1_800_000_000L), Interval.parse("-00:30"));
  }

  @ParameterizedTest
  @CsvSource({"''", "x", "1 fortnight", "1 day 2 apples"})
  void rejectsWhatPostgresqlRejects(String text) {
    assertThrows(IllegalArgumentException.class, () -> Interval.parse(text));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "2024-01-31 23:30:00+00 | 1 month 2 hours | 1  | 2024-03-01 01:30:00+00",
    "2024-03-01 00:00:00.25+00 | 1 day      | -1 | 2024-02-29 00:00:00.25+00",
    "2024-01-31             | 1 month         | 1  | 2024-02-29 00:00:00",
    "2024-01-01 10:00:00    | 30 minutes ago  | 1  | 2024-01-01 09:30:00",
  })
  void addsAsPostgresqlAdds(String value, String interval, long sign, String expected) {
    assertEquals(expected, TemporalText.addInterval(value, interval, sign));
  }

  @Test
  void datePlusDaysIsADate() {
    assertEquals("2024-03-01", TemporalText.addDays("2024-02-28", 2L, 1));
    assertEquals("2024-02-29", TemporalText.addDays("2024-03-01", "1", -1));
    assertNull(TemporalText.addDays(null, 1L, 1));
  }

  @Test
  void nullInNullOut() {
    assertNull(TemporalText.addInterval(null, "1 day", 1));
    assertNull(TemporalText.addInterval("2024-01-01", null, 1));
  }

  /** PostgreSQL 15's answers (session time zone UTC). */
  @Test
  void datePartAndDateTruncAsPostgres() {
    assertEquals(0L, TemporalText.part("dow", "2024-05-05 07:08:09"));
    assertEquals(5L, TemporalText.part("hour", "2024-05-06 07:08:09+02"));
    assertEquals(1L, TemporalText.part("week", "2024-01-01"));
    assertEquals(21L, TemporalText.part("century", "2024-05-06"));
    assertEquals(9.5, TemporalText.part("second", "2024-05-06 07:08:09.5"));
    assertEquals(1714979289L, TemporalText.part("epoch", "2024-05-06 07:08:09+00"));
    assertEquals("2024-05-06 00:00:00", TemporalText.truncate("week", "2024-05-08 07:08:09"));
    assertEquals("2024-04-01 00:00:00", TemporalText.truncate("quarter", "2024-05-08 07:08:09"));
    assertEquals("2024-05-06 07:00:00+00", TemporalText.truncate("hour", "2024-05-06 07:08:09+00"));
    assertEquals("2024-05-06 00:00:00+00", TemporalText.truncate("day", "2024-05-06"));
    assertEquals("2001-01-01 00:00:00", TemporalText.truncate("century", "2024-05-08 07:08:09"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TemporalText.truncate("fortnight", "2024-05-08"));
  }
}
