package io.kqlite.pgwire.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Expected bytes and errors are PostgreSQL 15's answers to {@code SELECT '…'::bytea}. */
class ByteaInputTest {

  private static byte[] hex(String digits) {
    return HexFormat.of().parseHex(digits);
  }

  @Test
  void hexFormatAllowsWhitespaceBetweenDigitPairsAndEitherCase() {
    assertArrayEquals(hex("0102"), ByteaInput.parse("\\x0102"));
    assertArrayEquals(hex("010a"), ByteaInput.parse("\\x 01 0A"));
    assertArrayEquals(new byte[0], ByteaInput.parse("\\x"));
  }

  @Test
  void escapeFormatIsTheTextsBytesWithBackslashAndOctalEscapes() {
    assertArrayEquals(hex("616263"), ByteaInput.parse("abc"));
    assertArrayEquals(hex("615c62"), ByteaInput.parse("a\\\\b"));
    assertArrayEquals(hex("610162ff"), ByteaInput.parse("a\\001b\\377"));
    assertArrayEquals(hex("c3a9"), ByteaInput.parse("é"));
    assertArrayEquals(new byte[0], ByteaInput.parse(""));
  }

  @Test
  void badInputGivesPostgresqlsErrors() {
    ByteaInput.InvalidBytea digit = assertThrows(ByteaInput.InvalidBytea.class, () -> ByteaInput.parse("\\x0g"));
    assertEquals("22023", digit.sqlState());
    assertEquals("invalid hexadecimal digit: \"g\"", digit.getMessage());
    ByteaInput.InvalidBytea odd = assertThrows(ByteaInput.InvalidBytea.class, () -> ByteaInput.parse("\\x012"));
    assertEquals("invalid hexadecimal data: odd number of digits", odd.getMessage());
    for (String bad : new String[] {"a\\b", "a\\4", "\\400", "end\\"}) {
      ByteaInput.InvalidBytea e = assertThrows(ByteaInput.InvalidBytea.class, () -> ByteaInput.parse(bad), bad);
      assertEquals("22P02", e.sqlState());
      assertEquals("invalid input syntax for type bytea", e.getMessage());
    }
  }
}
