package io.kqlite.pgwire.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kqlite.pgwire.sql.CopyOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values were checked against PostgreSQL 15 (COPY … FROM STDIN / TO STDOUT). */
class TextCopyFormatTest {

  private final CopyFormat text = CopyFormat.of(CopyOptions.text(), List.of());

  @Test
  void splitsOnTabsWithBackslashNullAndEscapes() {
    List<String[]> rows = text.parse("1\tx\tt\n2\t\\N\tf\n3\ta\\tb\\\\c\\nd\t\\x41\\101\n");
    assertEquals(3, rows.size());
    assertArrayEquals(new String[] {"1", "x", "t"}, rows.get(0));
    assertArrayEquals(new String[] {"2", null, "f"}, rows.get(1));
    assertArrayEquals(new String[] {"3", "a\tb\\c\nd", "AA"}, rows.get(2));
  }

  @Test
  void anEscapedDelimiterIsDataAndAnEscapedBackslashNIsNotNull() {
    List<String[]> rows = text.parse("a\\\tb\t\\\\N\n");
    assertArrayEquals(new String[] {"a\tb", "\\N"}, rows.get(0));
  }

  @Test
  void stopsAtTheEndMarkerAndAcceptsCrLfAndAMissingLastNewline() {
    assertEquals(1, text.parse("1\r\n\\.\n2\n").size());
    assertArrayEquals(new String[] {"1", ""}, text.parse("1\t").get(0));
    assertEquals(0, text.parse("").size());
  }

  @Test
  void headerLineIsSkipped() {
    CopyOptions header = new CopyOptions(false, '\t', "\\N", true, '"', '"', List.of(), false);
    List<String[]> rows = CopyFormat.of(header, List.of()).parse("a\tb\n1\t2\n");
    assertEquals(1, rows.size());
    assertArrayEquals(new String[] {"1", "2"}, rows.get(0));
  }

  @Test
  void aBackslashEscapesALineBreakAndAtTheVeryEndIsCorrupt() {
    List<String[]> rows = text.parse("1\t2\\\n3\n4\t5\n");
    assertEquals(2, rows.size());
    assertArrayEquals(new String[] {"1", "2\n3"}, rows.get(0));
    CopyDataException e = assertThrows(CopyDataException.class, () -> text.parse("1\n2\\"));
    assertEquals("22P04", e.sqlState());
    assertEquals(2, e.line());
  }

  @Test
  void formatsWhatItParses() {
    String[] values = {"tab\there", null, "back\\slash", "new\nline\r", ""};
    String line = text.formatRow(values);
    assertEquals("tab\\there\t\\N\tback\\\\slash\tnew\\nline\\r\t\n", line);
    assertArrayEquals(values, text.parse(line).get(0));
  }

  @Test
  void customDelimiterAndNullString() {
    CopyOptions pipe = new CopyOptions(false, '|', "NULL", false, '"', '"', List.of(), false);
    CopyFormat format = CopyFormat.of(pipe, List.of());
    assertArrayEquals(new String[] {"a|b", null, "\\N"}, format.parse("a\\|b|NULL|\\\\N\n").get(0));
    assertEquals("a\\|b|NULL\n", format.formatRow(new String[] {"a|b", null}));
  }
}
