package io.kqlite.pgwire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kqlite.pgwire.copy.CopyFormat;
import io.kqlite.pgwire.sql.CopyOptions;
import io.kqlite.pgwire.types.PgType;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From CopyData bytes to one bulk statement; error texts and codes as PostgreSQL 15's. */
class CopyInTest {

  private static CopyIn copyIn() {
    List<String> columns = List.of("id", "name", "ok");
    return new CopyIn("INSERT INTO t (id, name, ok) VALUES (?1, ?2, ?3)", "kqlite_copy_test",
        "INSERT INTO t (id, name, ok) SELECT c0, c1, c2 FROM kqlite_copy_test ORDER BY rowid", columns,
        new PgType[] {PgType.INT4, PgType.TEXT, PgType.BOOL}, CopyFormat.of(CopyOptions.text(), columns));
  }

  private static SqlException failure(String data) {
    CopyIn in = copyIn();
    in.append(data.getBytes(StandardCharsets.UTF_8));
    return assertThrows(SqlException.class, in::finish);
  }

  @Test
  void rowsSplitAcrossMessagesBecomeTypedParameterRows() {
    CopyIn in = copyIn();
    in.append("1\tal".getBytes(StandardCharsets.UTF_8));
    in.append("pha\tt\n2\t\\N\tf\n".getBytes(StandardCharsets.UTF_8));
    Statement bulk = in.finish();
    assertEquals("INSERT INTO t (id, name, ok) VALUES (?1, ?2, ?3)", bulk.sql());
    assertEquals(2, in.rows());
    assertEquals(Arrays.asList(1L, "alpha", 1L), bulk.rows().row(0));
    assertEquals(Arrays.asList(2L, null, 0L), bulk.rows().row(1));
  }

  @Test
  void wrongColumnCountsAreBadCopyData() {
    SqlException missing = failure("1\tx\n");
    assertEquals("22P04", missing.error().sqlState());
    assertEquals("missing data for column \"ok\"", missing.error().message());
    SqlException extra = failure("1\tx\tt\ty\n");
    assertEquals("22P04", extra.error().sqlState());
    assertEquals("extra data after last expected column", extra.error().message());
  }

  @Test
  void valuesTheColumnTypeRefusesAndBadUtf8() {
    assertEquals("22P02", failure("z\tx\tt\n").error().sqlState());
    CopyIn in = copyIn();
    in.append(new byte[] {'1', '\t', (byte) 0xC3, '\t', 't', '\n'});
    SqlException e = assertThrows(SqlException.class, in::finish);
    assertEquals("22021", e.error().sqlState());
  }
}
