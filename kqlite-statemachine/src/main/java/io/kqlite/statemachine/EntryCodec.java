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
 * command: | byte version=1 | utf kind | utf database | int64 timeMicros | int64 seed |
 *          | int32 n | n × (string sql | int32 m | m × value) | int32 d | d × int64 digest |
 * value:   | byte tag: 0 null, 1 int64, 2 float64, 3 text, 4 blob | payload |
 * result:  | byte version=1 | bool failed | [error] | int32 n | n × statementResult |
 * </pre>
 *
 * Strings are length-prefixed UTF-8 (not {@code writeUTF}, which stops at 64 KiB).
 */
public final class EntryCodec {

  private static final byte VERSION = 1;

  private EntryCodec() {}

  public static byte[] encode(WriteCommand command) {
    return write(out -> {
      out.writeByte(VERSION);
      writeString(out, command.kind().name());
      writeString(out, command.database());
      out.writeLong(command.timestampMicros());
      out.writeLong(command.randomSeed());
      out.writeInt(command.statements().size());
      for (Statement statement : command.statements()) {
        writeString(out, statement.sql());
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
      checkVersion(in.readByte());
      WriteCommand.Kind kind = WriteCommand.Kind.valueOf(readString(in));
      String database = readString(in);
      long time = in.readLong();
      long seed = in.readLong();
      int count = in.readInt();
      List<Statement> statements = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String sql = readString(in);
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
