package io.kqlite.pgwire.types;

import io.kqlite.statemachine.SqlException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Converts between SQLite values ({@code null}, Long, Double, String, byte[]) and PostgreSQL's
 * text and binary wire formats. Format code 0 is text, 1 is binary.
 */
public final class ValueCodec {

  public static final short TEXT = 0;
  public static final short BINARY = 1;
  private static final HexFormat HEX = HexFormat.of();

  private ValueCodec() {}

  /** Encodes a result value; {@code null} stays null (SQL NULL). */
  public static byte[] encode(PgType type, short format, Object value) {
    if (value == null) {
      return null;
    }
    return format == BINARY ? encodeBinary(type, value) : utf8(encodeText(type, value));
  }

  /** PostgreSQL's text output for a value of {@code type}. */
  public static String encodeText(PgType type, Object value) {
    if (value instanceof byte[] blob) {
      return "\\x" + HEX.formatHex(blob);
    }
    if (type == PgType.BOOL && value instanceof Number number) {
      return number.longValue() != 0 ? "t" : "f";
    }
    if (value instanceof Double number) {
      return formatDouble(number);
    }
    return value.toString();
  }

  private static byte[] encodeBinary(PgType type, Object value) {
    switch (type) {
      case INT2, INT4, INT8, OID -> {
        long number = asLong(type, value);
        ByteBuffer buffer = ByteBuffer.allocate(type == PgType.INT8 ? 8 : type == PgType.INT2 ? 2 : 4);
        if (type == PgType.INT8) {
          buffer.putLong(number);
        } else if (type == PgType.INT2) {
          checkRange(number, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
          buffer.putShort((short) number);
        } else {
          checkRange(number, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
          buffer.putInt((int) number);
        }
        return buffer.array();
      }
      case FLOAT4 -> {
        return ByteBuffer.allocate(4).putFloat((float) asDouble(type, value)).array();
      }
      case FLOAT8 -> {
        return ByteBuffer.allocate(8).putDouble(asDouble(type, value)).array();
      }
      case BOOL -> {
        return new byte[] {(byte) (asLong(type, value) != 0 ? 1 : 0)};
      }
      case BYTEA -> {
        // A bytea literal written as text ('\x0102') is stored as that text: send its bytes.
        return value instanceof byte[] blob ? blob : bytea(value.toString());
      }
      case UUID -> {
        UUID uuid = java.util.UUID.fromString(value.toString());
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
            .putLong(uuid.getLeastSignificantBits()).array();
      }
      case TEXT, VARCHAR, BPCHAR, NAME, JSON, UNKNOWN, CHAR -> {
        return utf8(encodeText(type, value));
      }
      case JSONB -> {
        byte[] json = utf8(encodeText(type, value));
        byte[] out = new byte[json.length + 1];
        out[0] = 1; // jsonb binary format version
        System.arraycopy(json, 0, out, 1, json.length);
        return out;
      }
      case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> {
        try {
          return BinaryTemporal.encode(type, value.toString());
        } catch (IllegalArgumentException e) {
          throw new SqlException("22007", e.getMessage());
        }
      }
      case NUMERIC -> {
        try {
          return BinaryTemporal.encodeNumeric(new BigDecimal(value.toString().trim()));
        } catch (NumberFormatException e) {
          throw new SqlException("22P02", "invalid input syntax for type numeric: \"" + value + "\"");
        }
      }
      default -> throw new SqlException("0A000", "binary format for type " + type.typeName() + " is not supported yet");
    }
  }

  /**
   * Decodes a bound parameter into a SQLite value.
   *
   * @param type the parameter's type, or null when the client left it unspecified
   */
  public static Object decodeParameter(PgType type, short format, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (format == BINARY) {
      return decodeBinary(type, bytes);
    }
    return decodeText(type, new String(bytes, StandardCharsets.UTF_8));
  }

  /** Decodes a value in PostgreSQL's text form (a text parameter, a COPY field) into a SQLite value. */
  public static Object decodeText(PgType type, String text) {
    if (text == null || type == null) {
      return text;
    }
    try {
      return switch (type) {
        case INT2, INT4, INT8, OID -> Long.parseLong(text.trim());
        case FLOAT4, FLOAT8 -> Double.parseDouble(text.trim());
        case BOOL -> parseBool(text) ? 1L : 0L;
        case BYTEA -> bytea(text);
        case TIMESTAMP, TIMESTAMPTZ, DATE, TIME -> temporal(type, text);
        default -> text;
      };
    } catch (NumberFormatException e) {
      throw new SqlException("22P02", "invalid input syntax for type " + type.typeName() + ": \"" + text + "\"");
    }
  }

  private static Object decodeBinary(PgType type, byte[] bytes) {
    if (type == null) {
      throw new SqlException("08P01", "binary parameter of unspecified type");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      return switch (type) {
        case INT2 -> (long) exact(buffer, 2).getShort();
        case INT4, OID -> (long) exact(buffer, 4).getInt();
        case INT8 -> exact(buffer, 8).getLong();
        case FLOAT4 -> (double) exact(buffer, 4).getFloat();
        case FLOAT8 -> exact(buffer, 8).getDouble();
        case BOOL -> exact(buffer, 1).get() != 0 ? 1L : 0L;
        case BYTEA -> bytes;
        case UUID -> {
          ByteBuffer b = exact(buffer, 16);
          yield new UUID(b.getLong(), b.getLong()).toString();
        }
        case TEXT, VARCHAR, BPCHAR, NAME, JSON, UNKNOWN, CHAR -> new String(bytes, StandardCharsets.UTF_8);
        case JSONB -> new String(bytes, 1, Math.max(0, bytes.length - 1), StandardCharsets.UTF_8);
        case DATE -> BinaryTemporal.decode(type, exact(buffer, 4));
        case TIME, TIMESTAMP, TIMESTAMPTZ -> BinaryTemporal.decode(type, exact(buffer, 8));
        case NUMERIC -> BinaryTemporal.decodeNumeric(buffer).toPlainString();
        default -> throw new SqlException("0A000", "binary format for type " + type.typeName() + " is not supported yet");
      };
    } catch (java.nio.BufferUnderflowException e) {
      throw new SqlException("22P03", "incorrect binary data format in bind parameter");
    }
  }

  private static ByteBuffer exact(ByteBuffer buffer, int length) {
    if (buffer.remaining() != length) {
      throw new SqlException("22P03", "incorrect binary data format in bind parameter");
    }
    return buffer;
  }

  private static boolean parseBool(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (t) {
      case "t", "true", "y", "yes", "on", "1" -> true;
      case "f", "false", "n", "no", "off", "0" -> false;
      default -> throw new SqlException("22P02", "invalid input syntax for type boolean: \"" + text + "\"");
    };
  }

  private static String temporal(PgType type, String text) {
    try {
      return TemporalText.normalize(type.typeName(), text);
    } catch (IllegalArgumentException e) {
      throw new SqlException("22007", e.getMessage());
    }
  }



  private static byte[] bytea(String text) {
    try {
      return ByteaInput.parse(text);
    } catch (ByteaInput.InvalidBytea e) {
      throw new SqlException(e.sqlState(), e.getMessage());
    }
  }

  private static long asLong(PgType type, Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new SqlException("22P02", "invalid input syntax for type " + type.typeName() + ": \"" + value + "\"");
    }
  }

  private static double asDouble(PgType type, Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new SqlException("22P02", "invalid input syntax for type " + type.typeName() + ": \"" + value + "\"");
    }
  }

  private static void checkRange(long value, long min, long max, String name) {
    if (value < min || value > max) {
      throw new SqlException("22003", name + " out of range");
    }
  }

  /** Shortest text that reads back as the same double, in PostgreSQL's spelling. */
  static String formatDouble(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String java = Double.toString(value);
    int e = java.indexOf('E');
    if (e < 0) {
      return java;
    }
    String mantissa = new BigDecimal(java.substring(0, e)).stripTrailingZeros().toPlainString();
    int exponent = Integer.parseInt(java.substring(e + 1));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
