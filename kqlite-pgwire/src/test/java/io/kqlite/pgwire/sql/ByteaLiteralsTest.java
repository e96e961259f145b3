package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ByteaLiteralsTest {

  /** Table b has columns (id, data, t) and data is its only bytea column. */
  private static final Predicate<ParameterHints.Hint> DATA_IS_BYTEA = hint ->
      hint instanceof ParameterHints.ColumnHint c && c.column().equals("data")
          || hint instanceof ParameterHints.ColumnPositionHint p && p.position() == 1;

  @Test
  void literalsStoredIntoAByteaColumnBecomeByteaInput() {
    assertEquals("INSERT INTO b VALUES (1, '\\x0102'::bytea, '\\x0102'), (2, '\\x616263'::bytea, 'abc')",
        ByteaLiterals.rewrite("INSERT INTO b VALUES (1, '\\x0102', '\\x0102'), (2, 'abc', 'abc')", DATA_IS_BYTEA));
    assertEquals("INSERT INTO b (t, data) VALUES ('q', '\\x0a0b'::bytea)",
        ByteaLiterals.rewrite("INSERT INTO b (t, data) VALUES ('q', $$\\x0A0b$$)", DATA_IS_BYTEA));
    assertEquals("UPDATE b SET data = '\\x5c'::bytea WHERE t = 'x'",
        ByteaLiterals.rewrite("UPDATE b SET data = E'\\\\\\\\' WHERE t = 'x'", DATA_IS_BYTEA));
  }

  @Test
  void literalsComparedWithAByteaColumnBecomeByteaInput() {
    assertEquals("SELECT id FROM b WHERE data IN ('\\x61'::bytea, '\\x62'::bytea) OR '\\x63'::bytea = data",
        ByteaLiterals.rewrite("SELECT id FROM b WHERE data IN ('a', 'b') OR 'c' = data", DATA_IS_BYTEA));
  }

  @Test
  void castsParametersAndOtherColumnsAreLeftAlone() {
    for (String sql : Set.of("INSERT INTO b VALUES (1, 'x'::text, 'y')", "INSERT INTO b VALUES ($1, $2, $3)",
        "SELECT * FROM b WHERE t = 'x'", "SELECT 1")) {
      assertSame(sql, ByteaLiterals.rewrite(sql, DATA_IS_BYTEA), sql);
    }
  }

  @Test
  void invalidByteaInputIsPostgresqlsError() {
    SqlTranslationException e = assertThrows(SqlTranslationException.class,
        () -> ByteaLiterals.rewrite("INSERT INTO b VALUES (1, '\\x0g', 't')", DATA_IS_BYTEA));
    assertEquals("22023", e.sqlState());
  }
}
