package io.kqlite.pgwire.session;

import io.kqlite.statemachine.EntryCodec;
import io.kqlite.statemachine.ParameterRows;
import io.kqlite.statemachine.SqlCluster;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.WriteCommand;
import io.kqlite.statemachine.WriteOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * A COPY too large for one write, written in bounded writes and applied atomically: the rows
 * go into a staging table in chunks, then one entry moves them all into the target with
 * {@code INSERT … SELECT} and drops the staging table. Until that last entry the target is
 * untouched; if it fails (a constraint), nothing of the COPY is applied and the staging table is
 * dropped by one more entry. The staging columns have no type, so SQLite stores the values as
 * they were bound and converts them once, into the target's columns, exactly as a direct insert.
 *
 * <p>Used outside explicit transactions only: a transaction is committed as one write anyway.
 */
final class StagedCopy {

  /**
   * A COPY whose single write would be larger than this is staged. A large write also goes through
   * the log in parts, but each replica joins those in memory; staged rows stay in SQLite.
   */
  static final int STAGE_ABOVE_BYTES = 6 * 1024 * 1024;
  /** Target size of one staging entry. */
  static final int CHUNK_BYTES = 4 * 1024 * 1024;

  private StagedCopy() {
  }

  /**
   * Whether the COPY is too large for one entry. Packed rows take at most about twice the bytes of
   * their COPY text (a tag and a length where the text has one delimiter), so smaller data is not
   * encoded here only to be measured: the write encodes it anyway.
   */
  static boolean needsStaging(CopyIn copy, Statement bulk) {
    return copy.dataBytes() > STAGE_ABOVE_BYTES / 2 && entryBytes(bulk) > STAGE_ABOVE_BYTES;
  }

  /** The encoded size of the COPY as one entry. */
  private static long entryBytes(Statement bulk) {
    return EntryCodec.encode(new WriteCommand(WriteCommand.Kind.EXECUTE, "", List.of(bulk), 0, 0)).length;
  }

  /**
   * Writes {@code bulk} (rows for {@code copy}'s target) through staging.
   *
   * @return the outcome of the entry that moved the rows into the target
   */
  static WriteOutcome write(SqlCluster cluster, String database, CopyIn copy, Statement bulk) {
    ParameterRows rows = bulk.rows();
    String stage = copy.stagingTable();
    List<String> columns = new ArrayList<>();
    StringBuilder placeholders = new StringBuilder();
    for (int c = 0; c < rows.width(); c++) {
      columns.add("c" + c);
      placeholders.append(c == 0 ? "?" : ", ?").append(c + 1);
    }
    WriteOutcome created = cluster.write(database, List.of(Statement.of(
        "CREATE TABLE " + stage + " (" + String.join(", ", columns) + ")")));
    if (created.result().failed()) {
      return created;
    }
    try {
      return fill(cluster, database, copy, bulk, placeholders.toString());
    } catch (SqlException e) {
      try {
        dropStage(cluster, database, stage);
      } catch (SqlException stillUnavailable) {
        // the staging table stays behind; it is not part of any table the client sees
      }
      throw e;
    }
  }

  private static WriteOutcome fill(SqlCluster cluster, String database, CopyIn copy, Statement bulk,
      String placeholders) {
    ParameterRows rows = bulk.rows();
    String stage = copy.stagingTable();
    // At most twice the COPY text per row once packed (see needsStaging): chunks stay near CHUNK_BYTES.
    long bytesPerRow = Math.max(1, 2L * copy.dataBytes() / Math.max(1, rows.size()));
    int perChunk = (int) Math.max(1, CHUNK_BYTES / bytesPerRow);
    String insertStage = "INSERT INTO " + stage + " VALUES (" + placeholders + ")";
    for (int from = 0; from < rows.size(); from += perChunk) {
      int to = Math.min(rows.size(), from + perChunk);
      WriteOutcome chunk = cluster.write(database,
          List.of(Statement.bulk(insertStage, rows.slice(from, to))));
      if (chunk.result().failed()) {
        dropStage(cluster, database, stage);
        return chunk;
      }
    }
    WriteOutcome moved = cluster.write(database, List.of(
        Statement.of(copy.insertFromStagingSql()), Statement.of("DROP TABLE " + stage)));
    if (moved.result().failed()) {
      dropStage(cluster, database, stage);
    }
    return moved;
  }

  private static void dropStage(SqlCluster cluster, String database, String stage) {
    cluster.write(database, List.of(Statement.of("DROP TABLE IF EXISTS " + stage)));
  }
}
