package io.kqlite.pgwire.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL's binary formats for dates, times and numerics, converting from and to the text
 * kqlite stores ({@link TemporalText}'s canonical form; numerics as decimal text or numbers).
 *
 * <pre>
 * date:        int32 days since 2000-01-01
 * time:        int64 microseconds since midnight
 * timestamp:   int64 microseconds since 2000-01-01 00:00:00 (timestamptz: in UTC)
 * numeric:     int16 ndigits | int16 weight | int16 sign | int16 dscale | ndigits × int16 base-10000 digit
 * </pre>
 */
final class BinaryTemporal {

  private static final LocalDateTime EPOCH = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final LocalDate EPOCH_DATE = LocalDate.of(2000, 1, 1);
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  private BinaryTemporal() {}

  static byte[] encode(PgType type, String text) {
    String canonical = TemporalText.normalize(type.typeName(), text);
    return switch (type) {
      case DATE -> ByteBuffer.allocate(4)
          .putInt((int) ChronoUnit.DAYS.between(EPOCH_DATE, LocalDate.parse(canonical))).array();
      case TIME -> ByteBuffer.allocate(8)
          .putLong(LocalTime.parse(canonical).toNanoOfDay() / 1000).array();
      default -> ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(EPOCH,
          LocalDateTime.parse(canonical.replace("+00", "").replace(' ', 'T')))).array();
    };
  }

  static String decode(PgType type, ByteBuffer value) {
    return switch (type) {
      case DATE -> EPOCH_DATE.plusDays(value.getInt()).toString();
      case TIME -> TemporalText.normalize("time", LocalTime.ofNanoOfDay(value.getLong() * 1000).toString());
      case TIMESTAMPTZ -> TemporalText.normalize("timestamptz",
          EPOCH.plus(value.getLong(), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC).toString());
      default -> TemporalText.normalize("timestamp", EPOCH.plus(value.getLong(), ChronoUnit.MICROS).toString());
    };
  }

  static byte[] encodeNumeric(BigDecimal value) {
    int sign = value.signum() < 0 ? 0x4000 : 0;
    int dscale = Math.max(0, value.scale());
    BigInteger unscaled = value.abs().setScale(dscale).unscaledValue();
    // Pad the fraction to whole base-10000 digits, then split into base-10000 digits.
    int fractionDigits = (dscale + 3) / 4;
    unscaled = unscaled.multiply(BigInteger.TEN.pow(fractionDigits * 4 - dscale));
    java.util.ArrayDeque<Short> digits = new java.util.ArrayDeque<>();
    while (unscaled.signum() > 0) {
      BigInteger[] qr = unscaled.divideAndRemainder(TEN_THOUSAND);
      digits.addFirst(qr[1].shortValue());
      unscaled = qr[0];
    }
    int weight = digits.size() - fractionDigits - 1;
    while (!digits.isEmpty() && digits.peekLast() == 0) { // trailing zero digits are implied
      digits.pollLast();
    }
    ByteBuffer out = ByteBuffer.allocate(8 + 2 * digits.size());
    out.putShort((short) digits.size()).putShort((short) (digits.isEmpty() ? 0 : weight))
        .putShort((short) sign).putShort((short) dscale);
    digits.forEach(out::putShort);
    return out.array();
  }

  static BigDecimal decodeNumeric(ByteBuffer value) {
    int ndigits = value.getShort();
    int weight = value.getShort();
    int sign = value.getShort() & 0xFFFF;
    int dscale = value.getShort();
    if (sign == 0xC000) {
      throw new IllegalArgumentException("NaN is not supported");
    }
    BigDecimal result = BigDecimal.ZERO;
    for (int i = 0; i < ndigits; i++) {
      result = result.add(BigDecimal.valueOf(value.getShort()).scaleByPowerOfTen(4 * (weight - i)));
    }
    result = result.setScale(dscale, java.math.RoundingMode.UNNECESSARY);
    return sign == 0x4000 ? result.negate() : result;
  }
}
