package io.kqlite.statemachine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
