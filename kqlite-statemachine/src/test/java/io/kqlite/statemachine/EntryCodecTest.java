package io.kqlite.statemachine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryCodecTest {

  @Test
  void commandRoundTripsEveryValueKind() {
    String big = "x".repeat(100_000); // beyond DataOutput.writeUTF's 64 KiB
    WriteCommand command = new WriteCommand(WriteCommand.Kind.EXECUTE, "app",
        List.of(new Statement("INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5)",
            Arrays.asList(null, 42L, 1.5, big, new byte[] {1, 2, 3}))),
        1_700_000_000_123_456L, -7L);

    WriteCommand decoded = EntryCodec.decodeCommand(EntryCodec.encode(command));

    assertEquals(command.kind(), decoded.kind());
    assertEquals("app", decoded.database());
    assertEquals(1_700_000_000_123_456L, decoded.timestampMicros());
    assertEquals(-7L, decoded.randomSeed());
    List<Object> parameters = decoded.statements().get(0).parameters();
    assertEquals(null, parameters.get(0));
    assertEquals(42L, parameters.get(1));
    assertEquals(1.5, parameters.get(2));
    assertEquals(big, parameters.get(3));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) parameters.get(4));
  }

  @Test
  void bulkStatementsRoundTripPacked() {
    Object[] values = {1L, "a", null, -300_000L, "\u00e9t\u00e9", 2.5, Long.MIN_VALUE, new byte[] {7}};
    WriteCommand command = new WriteCommand(WriteCommand.Kind.TRANSACTION, "app",
        List.of(Statement.of("DELETE FROM t"), Statement.bulk("INSERT INTO t VALUES (?1, ?2)",
            ParameterRows.of(2, values))), List.of(5L, 6L), 1L, 2L);

    byte[] encoded = EntryCodec.encode(command);
    WriteCommand decoded = EntryCodec.decodeCommand(encoded);

    assertEquals(2, encoded[0], "entries with bulk rows are format version 2");
    assertEquals(List.of(5L, 6L), decoded.expectedDigests());
    assertEquals(Statement.of("DELETE FROM t"), decoded.statements().get(0));
    Statement bulk = decoded.statements().get(1);
    assertEquals("INSERT INTO t VALUES (?1, ?2)", bulk.sql());
    assertEquals(4, bulk.rows().size());
    for (int i = 0; i < values.length - 1; i++) {
      assertEquals(values[i], bulk.rows().get(i / 2, i % 2));
    }
    assertArrayEquals(new byte[] {7}, (byte[]) bulk.rows().get(3, 1));
  }

  @Test
  void entriesWithoutBulkRowsStayVersionOneForOlderNodes() {
    WriteCommand command = new WriteCommand(WriteCommand.Kind.EXECUTE, "app",
        List.of(Statement.of("SELECT ?1", 1L)), 1L, 2L);
    assertEquals(1, EntryCodec.encode(command)[0]);
  }

  /** pgbench's accounts rows: small integers and an empty filler, about 16 bytes each. */
  @Test
  void bulkRowsArePacked() {
    int rows = 100_000;
    Object[] values = new Object[rows * 4];
    for (int i = 0; i < rows; i++) {
      values[i * 4] = (long) i + 1;
      values[i * 4 + 1] = 1L;
      values[i * 4 + 2] = 0L;
      values[i * 4 + 3] = "";
    }
    byte[] encoded = EntryCodec.encode(new WriteCommand(WriteCommand.Kind.EXECUTE, "postgres",
        List.of(Statement.bulk("INSERT INTO pgbench_accounts VALUES (?1, ?2, ?3, ?4)",
            ParameterRows.of(4, values))), 1L, 2L));
    assertEquals(true, encoded.length < rows * 12, "bytes: " + encoded.length);
  }

  @Test
  void resultRoundTripsRowsAndErrors() {
    StatementResult rows = new StatementResult(List.of(new Column("id", "INTEGER", "t")),
        List.<Object[]>of(new Object[] {1L}, new Object[] {null}), 2);
    WriteResult result = WriteResult.failed(List.of(rows), new SqlError("23505", "dup", "t_pkey", "t"));

    WriteResult decoded = EntryCodec.decodeResult(EntryCodec.encode(result));

    assertEquals(new SqlError("23505", "dup", "t_pkey", "t"), decoded.error());
    assertEquals(List.of(new Column("id", "INTEGER", "t")), decoded.results().get(0).columns());
    assertEquals(1L, decoded.results().get(0).rows().get(0)[0]);
    assertEquals(null, decoded.results().get(0).rows().get(1)[0]);
  }

  @Test
  void garbageIsRejectedNotApplied() {
    assertThrows(IllegalArgumentException.class, () -> EntryCodec.decodeCommand(new byte[] {1, 0, 0}));
    assertThrows(IllegalArgumentException.class, () -> EntryCodec.decodeCommand(new byte[] {9}));
  }

  @Test
  void batchCarriesEachCommandAndEachResult() {
    WriteCommand a = new WriteCommand(WriteCommand.Kind.EXECUTE, "db", List.of(Statement.of("INSERT 1")), 5L, 6L);
    WriteCommand b = new WriteCommand(WriteCommand.Kind.TRANSACTION, "other", List.of(Statement.of("INSERT ?1", 2L)),
        List.of(42L), 7L, 8L);
    byte[] entry = BatchCodec.encode(List.of(EntryCodec.encode(a), EntryCodec.encode(b)));
    assertTrue(BatchCodec.isBatch(entry));
    List<WriteCommand> decoded = BatchCodec.decode(entry);
    assertEquals(List.of("db", "other"), decoded.stream().map(WriteCommand::database).toList());
    assertEquals(List.of(42L), decoded.get(1).expectedDigests());
    assertEquals("db", BatchCodec.decode(EntryCodec.encode(a)).get(0).database());

    List<WriteResult> results = List.of(WriteResult.ok(List.of()),
        WriteResult.failed(List.of(), new SqlError("23505", "duplicate")));
    List<WriteResult> back = BatchCodec.decodeResults(BatchCodec.encodeResults(results));
    assertEquals("23505", back.get(1).error().sqlState());
    assertFalse(back.get(0).failed());
  }

  @Test
  void malformedBatchIsRejectedNotMisread() {
    byte[] entry = BatchCodec.encode(List.of(EntryCodec.encode(
        new WriteCommand(WriteCommand.Kind.EXECUTE, "db", List.of(Statement.of("X")), 1L, 2L))));
    assertThrows(IllegalArgumentException.class, () -> BatchCodec.decode(java.util.Arrays.copyOf(entry, entry.length - 3)));
    assertThrows(IllegalArgumentException.class, () -> BatchCodec.decode(java.util.Arrays.copyOf(entry, entry.length + 1)));
    byte[] create = BatchCodec.encode(List.of(EntryCodec.encode(
        new WriteCommand(WriteCommand.Kind.CREATE_DATABASE, "db", List.of(), 1L, 2L))));
    assertThrows(IllegalArgumentException.class, () -> BatchCodec.decode(create));
  }
}
