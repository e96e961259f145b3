package io.kqlite.pgwire.session;

import io.kqlite.pgwire.copy.BinaryCopyInput;
import io.kqlite.pgwire.copy.CopyDataException;
import io.kqlite.pgwire.copy.CopyFormat;
import io.kqlite.pgwire.types.PgType;
import io.kqlite.pgwire.types.ValueCodec;
import io.kqlite.statemachine.ParameterRows;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A COPY … FROM STDIN in progress: collects the client's CopyData, and at CopyDone turns it into
 * one bulk statement (one INSERT, one parameter row per data row) that is written like any other
 * statement — so a COPY is atomic, outside a transaction or inside one.
 *
 * <p>Nothing is parsed before CopyDone: PostgreSQL would stop at the first bad row, but the client
 * sends all its data anyway, and the outcome — an error and nothing applied — is the same.
 */
final class CopyIn {

  /** A COPY is held in memory until CopyDone: more data than this is refused. */
  static final int MAX_BYTES = 64 * 1024 * 1024;

  private final String insertSql;
  private final String stagingTable;
  private final String insertFromStagingSql;
  private final List<String> columns;
  private final PgType[] types;
  private final CopyFormat format; // null for binary input
  private final ByteArrayOutputStream data = new ByteArrayOutputStream(64 * 1024);
  private int rows;

  /**
   * @param insertSql SQLite INSERT of the target columns with parameters {@code ?1 … ?n}
   * @param stagingTable where a COPY too large for one entry is staged (see {@link StagedCopy})
   * @param insertFromStagingSql SQLite INSERT of the target columns from the staging table
   * @param columns   the target columns, in data order
   * @param types     their PostgreSQL types, to convert each field's text
   */
  CopyIn(String insertSql, String stagingTable, String insertFromStagingSql, List<String> columns,
      PgType[] types, CopyFormat format) {
    this.insertSql = insertSql;
    this.stagingTable = stagingTable;
    this.insertFromStagingSql = insertFromStagingSql;
    this.columns = List.copyOf(columns);
    this.types = types.clone();
    this.format = format;
  }

  int columnCount() {
    return columns.size();
  }

  void append(byte[] chunk) {
    if (data.size() + (long) chunk.length > MAX_BYTES) {
      throw new SqlException("54000", "COPY data exceeds " + MAX_BYTES / (1024 * 1024)
          + " MiB, more than kqlite holds for one COPY; split it into smaller COPYs");
    }
    data.write(chunk, 0, chunk.length);
  }

  String stagingTable() {
    return stagingTable;
  }

  String insertFromStagingSql() {
    return insertFromStagingSql;
  }

  /** True for FORMAT binary: the client sends PGCOPY data with binary field values. */
  boolean isBinary() {
    return format == null;
  }

  /** Bytes of COPY data received. */
  int dataBytes() {
    return data.size();
  }

  /** Rows in the statement {@link #finish()} built. */
  int rows() {
    return rows;
  }

  /**
   * The bulk statement for all data received.
   *
   * @throws SqlException 22P04 for malformed data or a wrong number of columns, 22P02 for a value
   *     its column's type cannot take
   */
  Statement finish() {
    if (isBinary()) {
      return finishBinary();
    }
    List<String[]> parsed;
    try {
      parsed = format.parse(utf8(data.toByteArray()));
    } catch (CopyDataException e) {
      throw new SqlException(e.sqlState(), e.getMessage());
    }
    int width = columns.size();
    Object[] values = new Object[parsed.size() * width];
    int at = 0;
    for (String[] fields : parsed) {
      if (fields.length < width && !(width == 0 && fields.length == 1 && fields[0].isEmpty())) {
        throw new SqlException(CopyDataException.BAD_COPY_FILE_FORMAT,
            "missing data for column \"" + columns.get(fields.length) + "\"");
      }
      if (fields.length > width && width > 0) {
        throw new SqlException(CopyDataException.BAD_COPY_FILE_FORMAT,
            "extra data after last expected column");
      }
      for (int c = 0; c < width; c++) {
        values[at++] = ValueCodec.decodeText(types[c], fields[c]);
      }
    }
    rows = parsed.size();
    return Statement.bulk(insertSql, ParameterRows.of(width, values));
  }

  private Statement finishBinary() {
    List<byte[][]> parsed;
    try {
      parsed = BinaryCopyInput.parse(data.toByteArray(), columns.size());
    } catch (CopyDataException e) {
      throw new SqlException(e.sqlState(), e.getMessage());
    }
    int width = columns.size();
    Object[] values = new Object[parsed.size() * width];
    int at = 0;
    for (byte[][] fields : parsed) {
      for (int c = 0; c < width; c++) {
        values[at++] = fields[c] == null ? null : ValueCodec.decodeParameter(types[c], (short) 1, fields[c]);
      }
    }
    rows = parsed.size();
    return Statement.bulk(insertSql, ParameterRows.of(width, values));
  }

  /** Strict UTF-8 (the server encoding): PostgreSQL refuses bad bytes rather than replacing them. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new SqlException("22021", "invalid byte sequence for encoding \"UTF8\"");
    }
  }
}
