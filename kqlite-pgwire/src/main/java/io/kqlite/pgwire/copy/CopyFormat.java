package io.kqlite.pgwire.copy;

import io.kqlite.pgwire.sql.CopyOptions;
import java.util.List;

/**
 * One COPY data format: reads a whole input into rows and writes rows as lines. A field or value
 * is null for SQL NULL; values are PostgreSQL text representations.
 */
public interface CopyFormat {

  /** The format the options ask for; {@code columns} name the output columns (FORCE_QUOTE). */
  static CopyFormat of(CopyOptions options, List<String> columns) {
    return options.csv() ? new CsvCopyFormat(options, columns) : new TextCopyFormat(options);
  }

  /**
   * Every data row of {@code data}, up to its end or an end-of-data marker ({@code \.} alone on a
   * line); a header line, when the options say there is one, is skipped.
   *
   * @throws CopyDataException for input the format cannot read
   */
  List<String[]> parse(String data);

  /** One row as a line, with its line end. */
  String formatRow(String[] values);

  /** The header line naming {@code columns}, with its line end. */
  default String formatHeader(List<String> columns) {
    return formatRow(columns.toArray(new String[0]));
  }
}
