package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlLiteralsTest {

  private static Token token(String sql) {
    return SqlLexer.tokenize(sql).get(0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "'plain'|plain",
    "'it''s'|it's",
    "'back\\slash'|back\\slash",
    "E'it\\'s'|it's",
    "E'a''b'|a'b",
    "E'tab\\there'|tab\there",
    "E'\\x41\\102\\u0043\\U00000044'|ABCD",
    "E'\\xc3\\xa9'|é",
    "E'\\q'|q",
    "U&'d\\0061t\\+000061'|data",
    "U&'a\\\\b'|a\\b",
    "N'national'|national",
    "$$dollar 'quoted'$$|dollar 'quoted'",
    "$fn$ a $$ b $fn$|~ a $$ b ~",
  })
  void stringValues(String sql, String expected) {
    assertEquals(expected, SqlLiterals.stringValue(token(sql)));
  }

  @Test
  void identifierValuesFoldUnquotedNamesOnly() {
    assertEquals("mytable", SqlLiterals.identifierValue(token("MyTable")));
    assertEquals("MyTable", SqlLiterals.identifierValue(token("\"MyTable\"")));
    assertEquals("a\"b", SqlLiterals.identifierValue(token("\"a\"\"b\"")));
    assertEquals("data", SqlLiterals.identifierValue(token("U&\"d\\0061t\\0061\"")));
    // Only ASCII letters fold, as in PostgreSQL with UTF-8.
    assertEquals("École", SqlLiterals.identifierValue(token("ÉCOLE")));
  }

  @Test
  void quoting() {
    assertEquals("'it''s'", SqlLiterals.quoteString("it's"));
    assertEquals("\"a\"\"b\"", SqlLiterals.quoteIdentifier("a\"b"));
  }

  @Test
  void rejectsWrongTokenTypes() {
    assertThrows(IllegalArgumentException.class, () -> SqlLiterals.stringValue(token("abc")));
    assertThrows(IllegalArgumentException.class, () -> SqlLiterals.identifierValue(token("'abc'")));
  }
}
