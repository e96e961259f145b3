package io.kqlite.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kqlite.statemachine.SqlException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArrayValuesTest {

  /** PostgreSQL's binary array: dimensions, has-nulls, element OID, (length, lower bound), items. */
  private static byte[] binary(int elementOid, byte[]... items) {
    ByteBuffer out = ByteBuffer.allocate(256);
    out.putInt(1).putInt(0).putInt(elementOid).putInt(items.length).putInt(1);
    for (byte[] item : items) {
      if (item == null) {
        out.putInt(-1);
      } else {
        out.putInt(item.length).put(item);
      }
    }
    return Arrays.copyOf(out.array(), out.position());
  }

  @Test
  void knowsTheArrayTypesOfItsTypes() {
    assertEquals(PgType.INT2, ArrayValues.elementOf(1005));
    assertEquals(PgType.TEXT, ArrayValues.elementOf(1009));
    assertNull(ArrayValues.elementOf(23));
    assertNull(ArrayValues.elementOf(0));
  }

  @Test
  void binaryArraysBecomeTheirTextForm() {
    byte[] int2s = binary(21, new byte[] {0, 4}, null, new byte[] {(byte) 0xff, (byte) 0xff});
    assertEquals("{4,NULL,-1}", ArrayValues.decodeParameter(PgType.INT2, (short) 1, int2s));
    byte[] texts = binary(25, "a b".getBytes(StandardCharsets.UTF_8), "x".getBytes(StandardCharsets.UTF_8),
        "".getBytes(StandardCharsets.UTF_8));
    assertEquals("{\"a b\",x,\"\"}", ArrayValues.decodeParameter(PgType.TEXT, (short) 1, texts));
    byte[] empty = ByteBuffer.allocate(12).putInt(0).putInt(0).putInt(23).array();
    assertEquals("{}", ArrayValues.decodeParameter(PgType.INT4, (short) 1, empty));
  }

  @Test
  void textArraysPassAsTheyAre() {
    assertEquals("{1,2}", ArrayValues.decodeParameter(PgType.INT4, (short) 0,
        "{1,2}".getBytes(StandardCharsets.UTF_8)));
    assertNull(ArrayValues.decodeParameter(PgType.INT4, (short) 0, null));
  }

  @Test
  void badArraysAreClientErrors() {
    assertEquals("22P02", assertThrows(SqlException.class, () -> ArrayValues.decodeParameter(
        PgType.INT4, (short) 0, "1,2".getBytes(StandardCharsets.UTF_8))).error().sqlState());
    byte[] twoDimensions = ByteBuffer.allocate(12).putInt(2).putInt(0).putInt(23).array();
    assertEquals("0A000", assertThrows(SqlException.class, () -> ArrayValues.decodeParameter(
        PgType.INT4, (short) 1, twoDimensions)).error().sqlState());
    byte[] truncated = Arrays.copyOf(binary(23, new byte[] {0, 0, 0, 1}), 22);
    assertEquals("22P03", assertThrows(SqlException.class, () -> ArrayValues.decodeParameter(
        PgType.INT4, (short) 1, truncated)).error().sqlState());
  }
}
