package io.kqlite.pgwire.session;

import io.kqlite.pgwire.copy.BinaryCopyOutput;
import io.kqlite.pgwire.copy.CopyFormat;
import io.kqlite.pgwire.sql.CopyOptions;
import io.kqlite.pgwire.types.ValueCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to COPY … TO STDOUT: CopyOutResponse, the header line if asked for, one CopyData per
 * row (values in PostgreSQL's text form, so booleans are {@code t}/{@code f} as in a SELECT; or,
 * with FORMAT binary, in each type's binary form inside the binary COPY framing),
 * CopyDone and {@code COPY n}.
 */
final class CopyOut {

  private CopyOut() {}

  static void write(ClientSink sink, List<ResultField> fields, List<Object[]> rows, CopyOptions options) {
    if (options.binary()) {
      writeBinary(sink, fields, rows);
      return;
    }
    List<String> names = fields.stream().map(ResultField::name).toList();
    CopyFormat format = CopyFormat.of(options, names);
    sink.copyOutResponse(fields.size(), false);
    if (options.header()) {
      sink.copyData(format.formatHeader(names).getBytes(StandardCharsets.UTF_8));
    }
    String[] values = new String[fields.size()];
    for (Object[] row : rows) {
      for (int c = 0; c < values.length; c++) {
        values[c] = row[c] == null ? null : ValueCodec.encodeText(fields.get(c).type(), fields.get(c).shown(row[c]));
      }
      sink.copyData(format.formatRow(values).getBytes(StandardCharsets.UTF_8));
    }
    sink.copyDone();
    sink.commandComplete("COPY " + rows.size());
  }

  /**
   * Binary COPY TO: each value in its type's binary send format, as a binary SELECT returns it.
   * Every row is encoded before the first message, so a value that has no binary form (0A000) or
   * does not fit its type fails the COPY before it starts.
   */
  private static void writeBinary(ClientSink sink, List<ResultField> fields, List<Object[]> rows) {
    List<byte[]> encoded = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      byte[][] values = new byte[fields.size()][];
      for (int c = 0; c < values.length; c++) {
        values[c] = ValueCodec.encode(fields.get(c).type(), ValueCodec.BINARY, fields.get(c).shown(row[c]));
      }
      encoded.add(BinaryCopyOutput.row(values));
    }
    sink.copyOutResponse(fields.size(), true);
    sink.copyData(BinaryCopyOutput.header());
    encoded.forEach(sink::copyData);
    sink.copyData(BinaryCopyOutput.trailer());
    sink.copyDone();
    sink.commandComplete("COPY " + rows.size());
  }
}
