package io.kqlite.pgwire.types;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's text input for {@code bytea}, the one rule behind a text parameter, a COPY field,
 * a {@code '…'::bytea} cast and a string literal stored into a bytea column: hex format
 * ({@code \x0102}, whitespace allowed between digit pairs) or escape format (other characters
 * stand for their UTF-8 bytes, {@code \\} for a backslash, {@code \ooo} for an octal byte).
 * Errors carry PostgreSQL's SQLSTATE and message ({@link InvalidBytea}).
 */
public final class ByteaInput {

  /** Text that is not valid bytea input; {@link #sqlState()} is what PostgreSQL answers. */
  public static final class InvalidBytea extends IllegalArgumentException {
    private final String sqlState;

    InvalidBytea(String sqlState, String message) {
      super(message);
      this.sqlState = sqlState;
    }

    public String sqlState() {
      return sqlState;
    }
  }

  private ByteaInput() {}

  /**
   * The bytes {@code text} denotes.
   *
   * @throws InvalidBytea for a bad hex digit, an odd number of them, or a stray backslash
   */
  public static byte[] parse(String text) {
    return text.startsWith("\\x") ? hex(text) : escape(text);
  }

  private static byte[] hex(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 2);
    int i = 2;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
        continue;
      }
      int high = hexDigit(text, i);
      if (i + 1 >= text.length()) {
        throw new InvalidBytea("22023", "invalid hexadecimal data: odd number of digits");
      }
      bytes.write(high << 4 | hexDigit(text, i + 1));
      i += 2;
    }
    return bytes.toByteArray();
  }

  private static int hexDigit(String text, int at) {
    int digit = Character.digit(text.charAt(at), 16);
    if (digit < 0 || text.charAt(at) > 'f') { // Character.digit also accepts non-ASCII digits
      throw new InvalidBytea("22023",
          "invalid hexadecimal digit: \"" + text.substring(at, text.offsetByCodePoints(at, 1)) + "\"");
    }
    return digit;
  }

  private static byte[] escape(String text) {
    if (text.indexOf('\\') < 0) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    int plainFrom = 0;
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) != '\\') {
        i++;
        continue;
      }
      bytes.writeBytes(text.substring(plainFrom, i).getBytes(StandardCharsets.UTF_8));
      if (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
        bytes.write('\\');
        i += 2;
      } else if (isOctalByte(text, i + 1)) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 4), 8));
        i += 4;
      } else {
        throw new InvalidBytea("22P02", "invalid input syntax for type bytea");
      }
      plainFrom = i;
    }
    bytes.writeBytes(text.substring(plainFrom).getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  /** Three octal digits, the first 0–3: one byte. */
  private static boolean isOctalByte(String text, int at) {
    return at + 3 <= text.length()
        && text.charAt(at) >= '0' && text.charAt(at) <= '3'
        && text.charAt(at + 1) >= '0' && text.charAt(at + 1) <= '7'
        && text.charAt(at + 2) >= '0' && text.charAt(at + 2) <= '7';
  }
}
