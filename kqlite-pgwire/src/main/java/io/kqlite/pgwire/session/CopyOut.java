package io.kqlite.pgwire.session;

import io.kqlite.pgwire.copy.CopyFormat;
import io.kqlite.pgwire.sql.CopyOptions;
import io.kqlite.pgwire.types.ValueCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The answer to COPY … TO STDOUT: CopyOutResponse, the header line if asked for, one CopyData per
 * row (values in PostgreSQL's text form, so booleans are {@code t}/{@code f} as in a SELECT),
 * CopyDone and {@code COPY n}.
 */
final class CopyOut {

  private CopyOut() {}

  static void write(ClientSink sink, List<ResultField> fields, List<Object[]> rows, CopyOptions options) {
    List<String> names = fields.stream().map(ResultField::name).toList();
    CopyFormat format = CopyFormat.of(options, names);
    sink.copyOutResponse(fields.size());
    if (options.header()) {
      sink.copyData(format.formatHeader(names).getBytes(StandardCharsets.UTF_8));
    }
    String[] values = new String[fields.size()];
    for (Object[] row : rows) {
      for (int c = 0; c < values.length; c++) {
        values[c] = row[c] == null ? null : ValueCodec.encodeText(fields.get(c).type(), row[c]);
      }
      sink.copyData(format.formatRow(values).getBytes(StandardCharsets.UTF_8));
    }
    sink.copyDone();
    sink.commandComplete("COPY " + rows.size());
  }
}
