package io.kqlite.pgwire.catalog;

import io.kqlite.statemachine.LocalFunction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's bytea encodings and digests: {@code encode(bytes, 'hex' | 'base64' | 'escape')},
 * {@code decode(text, format)}, {@code sha256(bytes)}, {@code sha512(bytes)}, and
 * {@code to_hex(n)}. Pure, so writes may call them too. Text given where bytea is expected counts
 * as its UTF-8 bytes, as PostgreSQL's implicit text → bytea input would read plain text.
 */
final class EncodingFunctions {

  /** PostgreSQL's base64 output breaks lines after 76 characters. */
  private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, new byte[] {'\n'});

  private EncodingFunctions() {}

  static List<LocalFunction> all() {
    return List.of(
        new LocalFunction("encode", 2, a -> a[0] == null || a[1] == null ? null : encode(bytes(a[0]), format(a[1]))),
        new LocalFunction("decode", 2, a -> a[0] == null || a[1] == null ? null : decode(a[0].toString(), format(a[1]))),
        new LocalFunction("sha256", 1, a -> a[0] == null ? null : digest("SHA-256", bytes(a[0]))),
        new LocalFunction("sha512", 1, a -> a[0] == null ? null : digest("SHA-512", bytes(a[0]))),
        new LocalFunction("to_hex", 1, a -> a[0] == null ? null : toHex(a[0])));
  }

  static String encode(byte[] bytes, String format) {
    return switch (format) {
      case "hex" -> HexFormat.of().formatHex(bytes);
      case "base64" -> BASE64.encodeToString(bytes);
      case "escape" -> escape(bytes);
      default -> throw unknownEncoding(format);
    };
  }

  static byte[] decode(String text, String format) {
    try {
      return switch (format) {
        case "hex" -> HexFormat.of().parseHex(text.replaceAll("\\s", ""));
        case "base64" -> Base64.getMimeDecoder().decode(text);
        case "escape" -> unescape(text);
        default -> throw unknownEncoding(format);
      };
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("SQLSTATE")) {
        throw e;
      }
      throw new IllegalArgumentException("SQLSTATE 22023: invalid " + format + " data: " + e.getMessage(), e);
    }
  }

  /** The bytea escape format: printable ASCII as is, a backslash doubled, the rest as \ooo. */
  private static String escape(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    for (byte b : bytes) {
      int v = b & 0xff;
      if (v == '\\') {
        out.append("\\\\");
      } else if (v == 0 || v >= 0x80) {
        out.append('\\').append(String.format(Locale.ROOT, "%03o", v));
      } else {
        out.append((char) v);
      }
    }
    return out.toString();
  }

  private static byte[] unescape(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    byte[] in = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      if (in[i] != '\\') {
        out.write(in[i]);
      } else if (i + 1 < in.length && in[i + 1] == '\\') {
        out.write('\\');
        i++;
      } else if (i + 3 < in.length && isOctal(in[i + 1]) && isOctal(in[i + 2]) && isOctal(in[i + 3])) {
        out.write(((in[i + 1] - '0') << 6) | ((in[i + 2] - '0') << 3) | (in[i + 3] - '0'));
        i += 3;
      } else {
        throw new IllegalArgumentException("SQLSTATE 22P02: invalid input syntax for type bytea");
      }
    }
    return out.toByteArray();
  }

  private static boolean isOctal(byte b) {
    return b >= '0' && b <= '7';
  }

  static byte[] digest(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has " + algorithm, e);
    }
  }

  /**
   * Hexadecimal two's complement: of 32 bits when the value fits an integer (PostgreSQL's
   * {@code to_hex(int)}), else of 64.
   */
  static String toHex(Object value) {
    long n = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().strip());
    return n == (int) n ? Integer.toHexString((int) n) : Long.toHexString(n);
  }

  /** A bytea argument's bytes; text counts as its UTF-8 bytes. */
  static byte[] bytes(Object value) {
    return value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String format(Object value) {
    return value.toString().strip().toLowerCase(Locale.ROOT);
  }

  private static IllegalArgumentException unknownEncoding(String format) {
    return new IllegalArgumentException("SQLSTATE 22023: unrecognized encoding: \"" + format + "\"");
  }
}
