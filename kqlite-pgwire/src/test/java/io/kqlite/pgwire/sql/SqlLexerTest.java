package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.pgwire.sql.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLexerTest {

  /** Types and texts of the significant tokens, e.g. "KEYWORD_OR_IDENT:select". */
  private static List<String> significant(String sql) {
    List<String> out = new ArrayList<>();
    for (Token t : SqlLexer.tokenize(sql)) {
      if (t.type() != Type.WHITESPACE) {
        out.add(t.type() + ":" + t.text());
      }
    }
    return out;
  }

  private static void assertLossless(String sql) {
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder joined = new StringBuilder();
    int expectedStart = 0;
    for (Token t : tokens) {
      assertEquals(expectedStart, t.start(), () -> "gap before " + t + " in " + sql);
      assertEquals(sql.substring(t.start(), t.end()), t.text());
      assertFalse(t.text().isEmpty(), "empty token in " + sql);
      expectedStart = t.end();
      joined.append(t.text());
    }
    assertEquals(sql, joined.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "select 1",
    "/* outer /* inner */ still comment */ select 1",
    "select E'it\\'s', E'\\\\', 'it''s' -- trailing",
    "select $tag$ a $ b $$ c $tag$, $$x$$, $1, $12",
    "select \"a\"\"b\", U&\"d\\0061t\", U&'\\0041'",
    "select a::int, b :: text, c := 1, d => 2, e->>'f'",
    "select 1..2, .5, 1.e5, 1e-3, 1e, 42abc",
    "select 'unterminated",
    "select /* unterminated /* nested */",
    "select \"unterminated",
    "select $q$ unterminated $Q$",
    "select E'unterminated \\'",
    "x=-1 and y<>2 and z!=3 and w@-4 --c\r\nnext",
    "é日本 ünïcödé 'ø' \"ß\"",
    "{}\\`weird`;;",
    "a$1 $ $1$ $a",
  })
  void concatenatingTokensGivesTheInputBack(String sql) {
    assertLossless(sql);
  }

  @Test
  void neverThrowsOnRandomInput() {
    String alphabet = "'\"$/*-\\eEuU&xX:;()[]., \n\t0123456789abc_é";
    Random random = new Random(42);
    for (int round = 0; round < 5000; round++) {
      StringBuilder sql = new StringBuilder();
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        sql.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertLossless(sql.toString());
    }
  }

  @Test
  void nestedBlockCommentIsOneToken() {
    assertEquals(List.of("COMMENT:/* a /* b */ c */", "NUMBER:1"), significant("/* a /* b */ c */ 1"));
    assertEquals(List.of("COMMENT:/*/ still */"), significant("/*/ still */"));
  }

  @Test
  void lineCommentStopsAtNewline() {
    List<Token> tokens = SqlLexer.tokenize("-- c\nselect");
    assertEquals(Type.COMMENT, tokens.get(0).type());
    assertEquals("-- c", tokens.get(0).text());
    assertEquals(Type.WHITESPACE, tokens.get(1).type());
  }

  @Test
  void escapeStringWithEscapedQuote() {
    assertEquals(List.of("STRING:E'\\''", "PUNCT:,", "STRING:e'a\\\\'"), significant("E'\\'', e'a\\\\'"));
  }

  @Test
  void standardStringTreatsBackslashLiterally() {
    assertEquals(List.of("STRING:'a\\'", "PUNCT:,", "STRING:'b'"), significant("'a\\', 'b'"));
  }

  @Test
  void doubledQuotesStayInsideTheToken() {
    assertEquals(List.of("STRING:'it''s'"), significant("'it''s'"));
    assertEquals(List.of("QUOTED_IDENT:\"a\"\"b\""), significant("\"a\"\"b\""));
  }

  @Test
  void prefixedStrings() {
    assertEquals(List.of("STRING:N'x'", "STRING:B'101'", "STRING:X'ff'", "STRING:U&'\\0041'",
        "QUOTED_IDENT:u&\"x\""), significant("N'x' B'101' X'ff' U&'\\0041' u&\"x\""));
    // A prefix letter that is part of a longer word is not a prefix.
    assertEquals(List.of("KEYWORD_OR_IDENT:type", "STRING:'x'"), significant("type'x'"));
  }

  @Test
  void dollarQuotesWithTagsAndInnerDollars() {
    assertEquals(List.of("DOLLAR_STRING:$tag$ a $ b $$ c $tag$"), significant("$tag$ a $ b $$ c $tag$"));
    assertEquals(List.of("DOLLAR_STRING:$$it's$$"), significant("$$it's$$"));
    assertEquals(List.of("DOLLAR_STRING:$a$ $b$ $a$"), significant("$a$ $b$ $a$"));
  }

  @Test
  void parametersAreNotDollarQuotes() {
    assertEquals(List.of("PARAM:$1", "OPERATOR:+", "PARAM:$23"), significant("$1+$23"));
    assertEquals(List.of("DOLLAR_STRING:$$1$$"), significant("$$1$$"));
    assertEquals(List.of("KEYWORD_OR_IDENT:a$1"), significant("a$1"));
    assertEquals(List.of("PUNCT:$", "KEYWORD_OR_IDENT:a"), significant("$a"));
  }

  @Test
  void operatorsFollowPostgresRules() {
    assertEquals(List.of("KEYWORD_OR_IDENT:a", "OPERATOR:=", "OPERATOR:-", "NUMBER:1"), significant("a=-1"));
    assertEquals(List.of("OPERATOR:@-", "NUMBER:1"), significant("@-1"));
    assertEquals(List.of("KEYWORD_OR_IDENT:a", "OPERATOR:::", "KEYWORD_OR_IDENT:int"), significant("a::int"));
    assertEquals(List.of("OPERATOR:->>", "STRING:'k'"), significant("->>'k'"));
    assertEquals(List.of("OPERATOR:*", "COMMENT:/* c */"), significant("*/* c */"));
    assertEquals(List.of("OPERATOR:<", "COMMENT:-- c"), significant("<-- c"));
    assertEquals(List.of("OPERATOR:<>", "OPERATOR:!=", "OPERATOR:>="), significant("<> != >="));
    assertEquals(List.of("PUNCT::", "OPERATOR::="), significant(": :="));
  }

  @Test
  void numbers() {
    assertEquals(List.of("NUMBER:1.5", "NUMBER:.5", "NUMBER:1e-3", "NUMBER:1.", "NUMBER:2E+10"),
        significant("1.5 .5 1e-3 1. 2E+10"));
    assertEquals(List.of("NUMBER:1", "KEYWORD_OR_IDENT:e"), significant("1e"));
    assertEquals(List.of("NUMBER:1", "PUNCT:.", "NUMBER:.2"), significant("1..2"));
    assertEquals(List.of("KEYWORD_OR_IDENT:t", "PUNCT:.", "KEYWORD_OR_IDENT:c1"), significant("t.c1"));
  }

  @Test
  void nonAsciiLettersAreIdentifierCharacters() {
    assertEquals(List.of("KEYWORD_OR_IDENT:café", "PUNCT:,", "KEYWORD_OR_IDENT:日本"), significant("café, 日本"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"'abc", "E'abc\\'", "\"abc", "$$abc", "$x$abc$y$", "/* abc /* */", "U&'abc", "'it''"})
  void unterminatedTokenRunsToTheEnd(String tail) {
    List<Token> tokens = SqlLexer.tokenize("select " + tail);
    Token last = tokens.get(tokens.size() - 1);
    assertEquals(Type.UNTERMINATED, last.type());
    assertEquals(tail, last.text());
  }

  @Test
  void tokenHelpers() {
    Token select = SqlLexer.tokenize("SeLeCt").get(0);
    assertTrue(select.isWord("select"));
    assertFalse(new Token(Type.QUOTED_IDENT, "\"select\"", 0, 8).isWord("select"));
    assertTrue(SqlLexer.tokenize(";").get(0).isSymbol(";"));
    assertTrue(SqlLexer.tokenize("/* */").get(0).isTrivia());
    assertFalse(SqlLexer.tokenize("/* ").get(0).isTrivia());
  }
}
