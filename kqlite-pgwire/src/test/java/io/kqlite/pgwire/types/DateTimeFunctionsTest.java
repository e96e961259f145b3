package io.kqlite.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are PostgreSQL 15's answers to the same calls (session time zone UTC). */
class DateTimeFunctionsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '~', ignoreLeadingAndTrailingWhitespace = true, value = {
    "1234.5 ~ 9999.99 ~ [ 1234.50]",
    "-1234.5 ~ 9999.99 ~ [-1234.50]",
    "0.5 ~ 9.99 ~ [  .50]",
    "0 ~ 9 ~ [ 0]",
    "0 ~ 9.99 ~ [  .00]",
    "0.5 ~ 0.99 ~ [ 0.50]",
    "5 ~ 000 ~ [ 005]",
    "-5 ~ 000 ~ [-005]",
    "1234567 ~ 9,999,999 ~ [ 1,234,567]",
    "1234 ~ 9,999,999 ~ [     1,234]",
    "12345 ~ 999 ~ [ ###]",
    "1 ~ FM9.99 ~ [1.]",
    "1.5 ~ FM0.00 ~ [1.50]",
    "-3 ~ S999 ~ [  -3]",
    "3 ~ S999 ~ [  +3]",
    "-3 ~ 999MI ~ [  3-]",
    "3 ~ 999MI ~ [  3 ]",
    "-3 ~ 999PR ~ [  <3>]",
    "3 ~ 999PL ~ [   3+]",
    "485 ~ 999 ~ [ 485]",
    "-485 ~ 999 ~ [-485]",
    "148.5 ~ 999.999 ~ [ 148.500]",
    "12 ~ 99.9EEEE ~ [ 1.2e+01]",
    "1234.567 ~ 99999.9 ~ [  1234.6]",
    "-0.1 ~ 9.9 ~ [ -.1]",
    "1485 ~ 9G999 ~ [ 1,485]"
  })
  void numbersFormatAsPostgresql(String value, String template, String expected) {
    assertEquals(expected, "[" + NumberTemplate.format(new BigDecimal(value), template) + "]");
  }

  @Test
  void datesAndTimesFormatAsPostgresql() {
    String t = "2024-03-05 14:07:09.123456";
    assertEquals("2024-03-05 14:07:09", DateTimeFunctions.toChar(t, "YYYY-MM-DD HH24:MI:SS"));
    assertEquals("2024-03-05 02:07:09 PM", DateTimeFunctions.toChar(t, "YYYY-MM-DD HH12:MI:SS AM"));
    assertEquals("04:07 am 123 123456", DateTimeFunctions.toChar("2024-03-05 04:07:09.123456", "HH:MI pm MS US"));
    assertEquals("Tuesday  , 05 March     2024", DateTimeFunctions.toChar(t, "Day, DD Month YYYY"));
    assertEquals("Tuesday, 5 March 2024", DateTimeFunctions.toChar(t, "FMDay, FMDD FMMonth YYYY"));
    assertEquals("Tue Mar 05 24 065 10 10 1 2460375 3 2", DateTimeFunctions.toChar(t, "Dy Mon DD YY DDD IW WW Q J D ID"));
    assertEquals("05th of MARCH     mar TUE tue", DateTimeFunctions.toChar(t, "DDth \"of\" MONTH mon DY dy"));
    assertEquals("2024-03-05T14:07:09+00 UTC", DateTimeFunctions.toChar("2024-03-05 14:07:09+00", "YYYY-MM-DD\"T\"HH24:MI:SSOF TZ"));
    assertEquals("1st March, 2024", DateTimeFunctions.toChar("2024-03-01", "FMDDth FMMonth, YYYY"));
    assertEquals("12 429 21", DateTimeFunctions.toChar("2024-03-05 00:07:09", "HH12 SSSS CC"));
  }

  @Test
  void textReadsByTemplateAsPostgresqlReadsIt() {
    assertEquals("2024-03-05 14:07:09+00", DateTimeFunctions.toTimestamp("2024-03-05 14:07:09", "YYYY-MM-DD HH24:MI:SS"));
    assertEquals("2024-03-05 00:00:00+00", DateTimeFunctions.toTimestamp("05 Mar 2024", "DD Mon YYYY"));
    assertEquals("2024-03-05 14:07:00+00", DateTimeFunctions.toTimestamp("2024/3/5 2:07 PM", "YYYY/MM/DD HH:MI AM"));
    assertEquals("2024-03-05 00:00:00+00", DateTimeFunctions.toTimestamp("20240305", "YYYYMMDD"));
    assertEquals("2024-03-05 14:07:09.5+00", DateTimeFunctions.toTimestamp("2024-03-05 14:07:09.5", "YYYY-MM-DD HH24:MI:SS.MS"));
    assertEquals("2023-11-14 22:13:20.5+00", DateTimeFunctions.toTimestamp(1700000000.5));
    assertEquals("1970-01-01 00:00:00+00", DateTimeFunctions.toTimestamp(0L));
    assertEquals("2024-03-05", DateTimeFunctions.toDate("2024-03-05", "YYYY-MM-DD"));
    assertEquals("2024-03-05", DateTimeFunctions.toDate("March 5, 2024", "Month DD, YYYY"));
    assertEquals("2024-03-05", DateTimeFunctions.toDate("05.03.24", "DD.MM.YY"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DateTimeFunctions.toDate("2024-02-30", "YYYY-MM-DD"));
    assertEquals("22008", e.getMessage().substring("SQLSTATE ".length(), "SQLSTATE ".length() + 5));
    assertThrows(IllegalArgumentException.class, () -> DateTimeFunctions.toDate("soon", "YYYY-MM-DD"));
  }

  @Test
  void atTimeZoneAsPostgresql() {
    assertEquals("2024-03-05 11:00:00", DateTimeFunctions.atTimeZone("2024-03-05 10:00:00+00", "Europe/Paris"));
    assertEquals("2024-03-05 15:00:00+00", DateTimeFunctions.atTimeZone("2024-03-05 10:00:00", "America/New_York"));
    assertEquals("2024-07-05 12:00:00", DateTimeFunctions.atTimeZone("2024-07-05 10:00:00+00", "europe/paris"));
    assertEquals("2024-03-05 00:00:00", DateTimeFunctions.atTimeZone("2024-03-05", "UTC"));
    assertThrows(IllegalArgumentException.class, () -> DateTimeFunctions.atTimeZone("2024-03-05", "Mars/Base"));
  }

  @Test
  void makeAndAgeAsPostgresql() {
    assertEquals("2024-02-29", DateTimeFunctions.makeDate(2024L, 2L, 29L));
    assertEquals("2024-03-05 14:07:09.5", DateTimeFunctions.makeTimestamp(new Object[] {2024L, 3L, 5L, 14L, 7L, 9.5}, false));
    assertEquals("2024-03-05 14:07:09+00", DateTimeFunctions.makeTimestamp(new Object[] {2024L, 3L, 5L, 14L, 7L, 9L}, true));
    assertEquals("1 year 2 mons 4 days", DateTimeFunctions.age("2024-03-05", "2023-01-01"));
    assertEquals("-1 years -2 mons -4 days", DateTimeFunctions.age("2023-01-01", "2024-03-05"));
    assertEquals("1 mon 21:29:44.75", DateTimeFunctions.age("2024-03-01 10:00", "2024-01-31 12:30:15.25"));
    assertEquals("00:00:00", DateTimeFunctions.age("2024-03-05", "2024-03-05"));
    assertEquals("1 mon 2 days", DateTimeFunctions.age("2024-03-31", "2024-02-29"));
    assertEquals("02:00:00", DateTimeFunctions.age("2024-03-05 01:00+00", "2024-03-04 23:00+00"));
  }
}
