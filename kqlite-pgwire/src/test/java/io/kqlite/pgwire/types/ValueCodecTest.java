package io.kqlite.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

  private static Object roundTrip(PgType type, String text) {
    byte[] binary = ValueCodec.encode(type, ValueCodec.BINARY, text);
    return ValueCodec.decodeParameter(type, ValueCodec.BINARY, binary);
  }

  @Test
  void temporalBinaryFormatsFollowPostgres() {
    // 2000-01-02 = day 1; PostgreSQL's epoch is 2000-01-01.
    assertArrayEquals(new byte[] {0, 0, 0, 1}, ValueCodec.encode(PgType.DATE, ValueCodec.BINARY, "2000-01-02"));
    assertEquals(1_000_000L, ByteBuffer.wrap(ValueCodec.encode(PgType.TIMESTAMP, ValueCodec.BINARY,
        "2000-01-01 00:00:01")).getLong());
    assertEquals("2024-01-02 03:04:05.123456", roundTrip(PgType.TIMESTAMP, "2024-01-02 03:04:05.123456"));
    assertEquals("2024-01-02 03:04:05+00", roundTrip(PgType.TIMESTAMPTZ, "2024-01-02 05:04:05+02"));
    assertEquals("1999-12-31", roundTrip(PgType.DATE, "1999-12-31"));
    assertEquals("10:11:12.5", roundTrip(PgType.TIME, "10:11:12.5"));
  }

  @Test
  void numericBinaryFormatFollowsPostgres() {
    // 12345.678: digits 1, 2345, 6780; weight 1; dscale 3
    ByteBuffer b = ByteBuffer.wrap(ValueCodec.encode(PgType.NUMERIC, ValueCodec.BINARY, "12345.678"));
    assertEquals(3, b.getShort());
    assertEquals(1, b.getShort());
    assertEquals(0, b.getShort());
    assertEquals(3, b.getShort());
    assertEquals(1, b.getShort());
    assertEquals(2345, b.getShort());
    assertEquals(6780, b.getShort());
    for (String n : new String[] {"0", "-1.5", "0.0001", "100000000", "3.14159"}) {
      assertEquals(new BigDecimal(n), new BigDecimal((String) roundTrip(PgType.NUMERIC, n)), n);
    }
  }
}
