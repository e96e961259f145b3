package io.kqlite.pgwire.types;

import io.kqlite.statemachine.SqlException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One-dimensional array parameters ({@code int4[]}, {@code text[]}, …): kqlite stores an array as
 * PostgreSQL's text form {@code {1,2,"a b"}}, which {@code = ANY(…)} and the array functions read.
 * A text parameter arrives in that form already; a binary one (psycopg 3 sends lists of numbers
 * so) is decoded element by element and written in it.
 */
public final class ArrayValues {

  private ArrayValues() {
  }

  /** The element type of an array type OID kqlite knows, else null. */
  public static PgType elementOf(int arrayOid) {
    for (PgType type : PgType.values()) {
      if (type.arrayOid() == arrayOid && arrayOid != 0) {
        return type;
      }
    }
    return null;
  }

  /** The array's text form, from a bound parameter of {@code element}[] in {@code format}. */
  public static String decodeParameter(PgType element, short format, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (format == 0) {
      String text = new String(bytes, StandardCharsets.UTF_8).trim();
      if (!text.startsWith("{") || !text.endsWith("}")) {
        throw new SqlException("22P02", "malformed array literal: \"" + text + "\"");
      }
      return text;
    }
    try {
      return format(decodeBinary(element, ByteBuffer.wrap(bytes)));
    } catch (BufferUnderflowException e) {
      throw new SqlException("22P03", "incorrect binary data format in array parameter");
    }
  }

  private static List<Object> decodeBinary(PgType element, ByteBuffer in) {
    int dimensions = in.getInt();
    in.getInt(); // has-nulls flag: the lengths say it too
    int elementOid = in.getInt();
    if (dimensions == 0) {
      return List.of();
    }
    if (dimensions != 1) {
      throw new SqlException("0A000", "arrays of " + dimensions + " dimensions are not supported");
    }
    PgType actual = elementOid == element.oid() ? element : PgType.byOid(elementOid);
    if (actual == null) {
      throw new SqlException("42804", "array element type " + elementOid + " is not supported");
    }
    int length = in.getInt();
    in.getInt(); // lower bound
    List<Object> values = new ArrayList<>(Math.max(0, length));
    for (int i = 0; i < length; i++) {
      int size = in.getInt();
      if (size < 0) {
        values.add(null);
        continue;
      }
      byte[] value = new byte[size];
      in.get(value);
      values.add(ValueCodec.decodeParameter(actual, (short) 1, value));
    }
    return values;
  }

  /** PostgreSQL's text form of a one-dimensional array, quoting where PostgreSQL would. */
  public static String format(List<?> elements) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Object e = elements.get(i);
      if (e == null) {
        out.append("NULL");
        continue;
      }
      String s = e instanceof byte[] bytes ? "\\x" + HexFormat.of().formatHex(bytes)
          : e instanceof Double d ? ValueCodec.formatDouble(d) : e.toString();
      boolean quote = s.isEmpty() || s.equalsIgnoreCase("NULL")
          || s.chars().anyMatch(c -> c == ',' || c == '"' || c == '\\' || c == '{' || c == '}'
              || Character.isWhitespace(c));
      if (quote) {
        out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      } else {
        out.append(s);
      }
    }
    return out.append('}').toString();
  }
}
