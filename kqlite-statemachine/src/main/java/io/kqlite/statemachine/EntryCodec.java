package io.kqlite.statemachine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of log entries and their replies. Every entry starts with a format version so that
 * a newer node can still apply entries written by an older one.
 *
 * <pre>
 * command v1: | byte 1 | utf kind | utf database | int64 timeMicros | int64 seed |
 *             | int32 n | n × (string sql | int32 m | m × value) | int32 d | d × int64 digest |
 * command v2: as v1, but each statement is | string sql | byte form | and then
 *             form 0: | int32 m | m × value |   form 1 (bulk): | varint w | varint r | r × w × packed |
 * value:      | byte tag: 0 null, 1 int64, 2 float64, 3 text, 4 blob | payload |
 * packed:     | byte tag | payload | with int64 as zigzag varint, text and blob lengths as varint |
 * result:     | byte version=1 | bool failed | [error] | int32 n | n × statementResult |
 * </pre>
 *
 * Strings are length-prefixed UTF-8 (not {@code writeUTF}, which stops at 64 KiB). A command
 * without bulk statements is still written as v1, so nodes that only know v1 can apply it during a
 * rolling upgrade; bulk rows are packed because a COPY's values are mostly small integers and
 * short strings, for which fixed 8-byte numbers and 4-byte lengths would double the entry.
 */
public final class EntryCodec {

  private static final byte VERSION = 1;
  /** Commands with bulk statements (see {@link Statement#bulk}). */
  private static final byte VERSION_BULK = 2;
  private static final byte FORM_PARAMETERS = 0;
  private static final byte FORM_BULK = 1;

  private EntryCodec() {}

  public static byte[] encode(WriteCommand command) {
    boolean bulk = command.statements().stream().anyMatch(Statement::isBulk);
    return write(out -> {
      out.writeByte(bulk ? VERSION_BULK : VERSION);
      writeString(out, command.kind().name());
      writeString(out, command.database());
      out.writeLong(command.timestampMicros());
      out.writeLong(command.randomSeed());
      out.writeInt(command.statements().size());
      for (Statement statement : command.statements()) {
        writeString(out, statement.sql());
        if (bulk) {
          out.writeByte(statement.isBulk() ? FORM_BULK : FORM_PARAMETERS);
        }
        if (statement.isBulk()) {
          writeRows(out, statement.rows());
          continue;
        }
        out.writeInt(statement.parameters().size());
        for (Object value : statement.parameters()) {
          writeValue(out, value);
        }
      }
      out.writeInt(command.expectedDigests().size());
      for (long digest : command.expectedDigests()) {
        out.writeLong(digest);
      }
    });
  }

  public static WriteCommand decodeCommand(byte[] bytes) {
    return read(bytes, in -> {
      byte version = in.readByte();
      if (version != VERSION && version != VERSION_BULK) {
        throw new IOException("unsupported entry format version " + version);
      }
      WriteCommand.Kind kind = WriteCommand.Kind.valueOf(readString(in));
      String database = readString(in);
      long time = in.readLong();
      long seed = in.readLong();
      int count = in.readInt();
      List<Statement> statements = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String sql = readString(in);
        byte form = version == VERSION_BULK ? in.readByte() : FORM_PARAMETERS;
        if (form == FORM_BULK) {
          statements.add(Statement.bulk(sql, readRows(in)));
          continue;
        } else if (form != FORM_PARAMETERS) {
          throw new IOException("unknown statement form " + form);
        }
        int parameterCount = in.readInt();
        List<Object> parameters = new ArrayList<>(parameterCount);
        for (int p = 0; p < parameterCount; p++) {
          parameters.add(readValue(in));
        }
        statements.add(new Statement(sql, parameters));
      }
      int digestCount = in.readInt();
      List<Long> digests = new ArrayList<>(digestCount);
      for (int i = 0; i < digestCount; i++) {
        digests.add(in.readLong());
      }
      return new WriteCommand(kind, database, statements, digests, time, seed);
    });
  }

  public static byte[] encode(WriteResult result) {
    return write(out -> {
      out.writeByte(VERSION);
      out.writeBoolean(result.failed());
      if (result.failed()) {
        writeError(out, result.error());
      }
      out.writeInt(result.results().size());
      for (StatementResult statementResult : result.results()) {
        writeStatementResult(out, statementResult);
      }
    });
  }

  public static WriteResult decodeResult(byte[] bytes) {
    return read(bytes, in -> {
      checkVersion(in.readByte());
      SqlError error = in.readBoolean() ? readError(in) : null;
      int count = in.readInt();
      List<StatementResult> results = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        results.add(readStatementResult(in));
      }
      return new WriteResult(results, error);
    });
  }

  private static void writeError(DataOutputStream out, SqlError error) throws IOException {
    writeString(out, error.sqlState());
    writeString(out, error.message());
    writeValue(out, error.constraint());
    writeValue(out, error.table());
  }

  private static SqlError readError(DataInputStream in) throws IOException {
    return new SqlError(readString(in), readString(in), (String) readValue(in), (String) readValue(in));
  }

  private static void writeStatementResult(DataOutputStream out, StatementResult result)
      throws IOException {
    out.writeLong(result.rowsChanged());
    out.writeInt(result.columns().size());
    for (Column column : result.columns()) {
      writeString(out, column.name());
      writeString(out, column.declaredType());
      writeString(out, column.table());
    }
    out.writeInt(result.rows().size());
    for (Object[] row : result.rows()) {
      for (Object value : row) {
        writeValue(out, value);
      }
    }
  }

  private static StatementResult readStatementResult(DataInputStream in) throws IOException {
    long changed = in.readLong();
    int columnCount = in.readInt();
    List<Column> columns = new ArrayList<>(columnCount);
    for (int i = 0; i < columnCount; i++) {
      columns.add(new Column(readString(in), readString(in), readString(in)));
    }
    int rowCount = in.readInt();
    List<Object[]> rows = new ArrayList<>(rowCount);
    for (int r = 0; r < rowCount; r++) {
      Object[] row = new Object[columnCount];
      for (int c = 0; c < columnCount; c++) {
        row[c] = readValue(in);
      }
      rows.add(row);
    }
    return new StatementResult(columns, rows, changed);
  }

  private static void writeValue(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(0);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      out.writeByte(1);
      out.writeLong(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      out.writeByte(2);
      out.writeDouble(((Number) value).doubleValue());
    } else if (value instanceof String text) {
      out.writeByte(3);
      writeString(out, text);
    } else if (value instanceof byte[] blob) {
      out.writeByte(4);
      out.writeInt(blob.length);
      out.write(blob);
    } else {
      throw new IllegalArgumentException("not an SQLite value: " + value.getClass().getName());
    }
  }

  private static Object readValue(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case 0 -> null;
      case 1 -> in.readLong();
      case 2 -> in.readDouble();
      case 3 -> readString(in);
      case 4 -> in.readNBytes(in.readInt());
      default -> throw new IOException("unknown value tag " + tag);
    };
  }

  private static void writeRows(DataOutputStream out, ParameterRows rows) throws IOException {
    writeVarint(out, rows.width());
    writeVarint(out, rows.size());
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.width(); c++) {
        writePacked(out, rows.get(r, c));
      }
    }
  }

  private static ParameterRows readRows(DataInputStream in) throws IOException {
    int width = (int) readVarint(in);
    int count = (int) readVarint(in);
    if (width < 0 || count < 0 || (long) width * count > Integer.MAX_VALUE - 8) {
      throw new IOException("bad bulk row count " + count + " × " + width);
    }
    Object[] values = new Object[width * count];
    for (int i = 0; i < values.length; i++) {
      values[i] = readPacked(in);
    }
    return ParameterRows.of(width, values);
  }

  private static void writePacked(DataOutputStream out, Object value) throws IOException {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      long number = ((Number) value).longValue();
      out.writeByte(1);
      writeVarint(out, (number << 1) ^ (number >> 63));
    } else if (value instanceof String text) {
      byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeByte(3);
      writeVarint(out, utf8.length);
      out.write(utf8);
    } else if (value instanceof byte[] blob) {
      out.writeByte(4);
      writeVarint(out, blob.length);
      out.write(blob);
    } else {
      writeValue(out, value); // null and float64 are the same as unpacked
    }
  }

  private static Object readPacked(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case 1 -> {
        long zigzag = readVarint(in);
        return (zigzag >>> 1) ^ -(zigzag & 1);
      }
      case 3 -> {
        return new String(readExactly(in, readVarint(in)), java.nio.charset.StandardCharsets.UTF_8);
      }
      case 4 -> {
        return readExactly(in, readVarint(in));
      }
      case 0 -> {
        return null;
      }
      case 2 -> {
        return in.readDouble();
      }
      default -> throw new IOException("unknown value tag " + tag);
    }
  }

  private static byte[] readExactly(DataInputStream in, long length) throws IOException {
    if (length < 0 || length > Integer.MAX_VALUE) {
      throw new IOException("bad length " + length);
    }
    byte[] bytes = in.readNBytes((int) length);
    if (bytes.length != length) {
      throw new IOException("truncated value");
    }
    return bytes;
  }

  /** Unsigned LEB128: 7 bits per byte, high bit set on all but the last. */
  private static void writeVarint(DataOutputStream out, long value) throws IOException {
    while ((value & ~0x7FL) != 0) {
      out.writeByte((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.writeByte((int) value);
  }

  private static long readVarint(DataInputStream in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("varint too long");
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    byte[] utf8 = in.readNBytes(length);
    if (utf8.length != length) {
      throw new IOException("truncated string");
    }
    return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void checkVersion(byte version) throws IOException {
    if (version != VERSION) {
      throw new IOException("unsupported entry format version " + version);
    }
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static <T> T read(byte[] bytes, Reader<T> reader) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return reader.read(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed kqlite log entry: " + e.getMessage(), e);
    }
  }
}
