package io.kqlite.pgwire.sql;

import java.util.List;
import java.util.Objects;

/**
 * The data format options of a COPY statement, defaults resolved as PostgreSQL 15 resolves them
 * (text: tab and {@code \N}; csv: comma, empty string, {@code "} for quote and escape).
 *
 * @param csv         FORMAT csv (else text or binary)
 * @param delimiter   the column separator
 * @param nullString  what stands for SQL NULL
 * @param header      csv only: the first line names the columns (skipped on input, written on output)
 * @param quote       csv only
 * @param escape      csv only
 * @param forceQuote  csv output: columns always quoted; {@code ["*"]} means all of them
 * @param binary      FORMAT binary (PostgreSQL's PGCOPY layout; input only)
 */
public record CopyOptions(boolean csv, char delimiter, String nullString, boolean header,
    char quote, char escape, List<String> forceQuote, boolean binary) {

  public CopyOptions {
    Objects.requireNonNull(nullString, "nullString");
    forceQuote = List.copyOf(forceQuote);
  }

  /** PostgreSQL's defaults for the text format. */
  public static CopyOptions text() {
    return new CopyOptions(false, '\t', "\\N", false, '"', '"', List.of(), false);
  }

  /** True when {@code column} is always quoted on csv output. */
  public boolean forcesQuote(String column) {
    return forceQuote.contains("*") || forceQuote.contains(column);
  }
}
