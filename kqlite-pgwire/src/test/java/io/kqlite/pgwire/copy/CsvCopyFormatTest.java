package io.kqlite.pgwire.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kqlite.pgwire.sql.CopyOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values were checked against PostgreSQL 15 (COPY … WITH (FORMAT csv)). */
class CsvCopyFormatTest {

  private static CopyOptions csv(boolean header, List<String> forceQuote) {
    return new CopyOptions(true, ',', "", header, '"', '"', forceQuote, false);
  }

  private final CopyFormat csv = CopyFormat.of(csv(false, List.of()), List.of("id", "name"));

  @Test
  void quotedFieldsHoldDelimitersQuotesAndLineBreaks() {
    List<String[]> rows = csv.parse("1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"multi\nline\"\n");
    assertEquals(3, rows.size());
    assertArrayEquals(new String[] {"1", "a,b"}, rows.get(0));
    assertArrayEquals(new String[] {"2", "say \"hi\""}, rows.get(1));
    assertArrayEquals(new String[] {"3", "multi\nline"}, rows.get(2));
  }

  @Test
  void anUnquotedEmptyFieldIsNullAQuotedOneIsNot() {
    assertArrayEquals(new String[] {null, "", null}, csv.parse(",\"\",\n").get(0));
  }

  @Test
  void headerIsSkippedAndEndMarkerStops() {
    List<String[]> rows = CopyFormat.of(csv(true, List.of()), List.of()).parse("id,name\r\n1,x\r\n\\.\r\n2,y\n");
    assertEquals(1, rows.size());
    assertArrayEquals(new String[] {"1", "x"}, rows.get(0));
  }

  @Test
  void anUnterminatedQuoteIsBadCopyData() {
    CopyDataException e = assertThrows(CopyDataException.class, () -> csv.parse("1,\"abc\n"));
    assertEquals("22P04", e.sqlState());
    assertEquals("unterminated CSV quoted field", e.getMessage());
  }

  @Test
  void escapeCharacterOtherThanQuote() {
    CopyOptions backslash = new CopyOptions(true, ',', "", false, '"', '\\', List.of(), false);
    CopyFormat format = CopyFormat.of(backslash, List.of("a"));
    assertArrayEquals(new String[] {"a\"b\\c"}, format.parse("\"a\\\"b\\\\c\"\n").get(0));
    assertEquals("\"a\\\"b\"\n", format.formatRow(new String[] {"a\"b"}));
  }

  @Test
  void quotesOnlyWhatNeedsQuotingUnlessForced() {
    assertEquals("1,\"a,b\",,\"\",\"q\"\"\",\"l\nl\"\n",
        csv.formatRow(new String[] {"1", "a,b", null, "", "q\"", "l\nl"}));
    CopyFormat forced = CopyFormat.of(csv(false, List.of("name")), List.of("id", "name"));
    assertEquals("1,\"x\"\n2,\n", forced.formatRow(new String[] {"1", "x"})
        + forced.formatRow(new String[] {"2", null}));
    CopyFormat all = CopyFormat.of(csv(false, List.of("*")), List.of("id", "name"));
    assertEquals("\"1\",\"x\"\n", all.formatRow(new String[] {"1", "x"}));
    assertEquals("id,name\n", all.formatHeader(List.of("id", "name")));
  }
}
