package io.kqlite.pgwire.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kqlite.statemachine.LocalFunction;
import org.junit.jupiter.api.Test;

/** Expected values are PostgreSQL 15's answers to the same calls. */
class TextFunctionsTest {

  private static Object call(String name, Object... args) {
    LocalFunction function = TextFunctions.all().stream()
        .filter(f -> f.name().equals(name) && (f.argumentCount() == args.length || f.argumentCount() < 0))
        .findFirst().orElseThrow();
    return function.body().apply(args);
  }

  @Test
  void substringsCountCharacters() {
    assertEquals("hé", call("left", "héllo", 2L));
    assertEquals("hel", call("left", "hello", -2L));
    assertEquals("lo", call("right", "hello", -3L));
    assertEquals(3L, call("strpos", "héllo", "l"));
    assertEquals(0L, call("strpos", "hello", "z"));
    assertNull(call("left", null, 2L));
  }

  @Test
  void splitPartAsPostgres() {
    assertEquals("pods", call("split_part", "/registry/pods/x", "/", 3L));
    assertEquals("c", call("split_part", "a,b,c", ",", -1L));
    assertEquals("", call("split_part", "a,b,c", ",", 5L));
    assertEquals("abc", call("split_part", "abc", "", 1L));
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> call("split_part", "a,b", ",", 0L));
    assertEquals("SQLSTATE 22023: field position must not be zero", zero.getMessage());
  }

  @Test
  void paddingAndRepeating() {
    assertEquals("ababa7", call("lpad", "7", 6L, "ab"));
    assertEquals("hel", call("lpad", "hello", 3L, "0"));
    assertEquals("    7", call("lpad", "7", 5L));
    assertEquals("7", call("rpad", "7", 4L, ""));
    assertEquals("", call("repeat", "ab", -1L));
    assertEquals("SQLSTATE 54000: requested length too large",
        assertThrows(IllegalArgumentException.class, () -> call("repeat", "ab", 2_000_000_000L)).getMessage());
    assertEquals("SQLSTATE 54000: requested length too large",
        assertThrows(IllegalArgumentException.class, () -> call("lpad", "x", 2_000_000_000L)).getMessage());
    assertEquals("Hello World Foo-Bar 3rd", call("initcap", "hello wORLD foo-bar 3rd"));
    assertEquals("xcxc", call("translate", "abcabc", "ab", "x"));
    assertEquals("hi", call("btrim", "xxhixx", "x"));
  }

  @Test
  void charactersAndNumbers() {
    assertEquals("é", call("chr", 233L));
    assertEquals(233L, call("ascii", "é"));
    assertEquals(0L, call("ascii", ""));
    assertEquals(-3L, call("div", -7L, 2L));
    assertEquals(-2.56, call("trunc", -2.567, 2L));
    assertEquals(1200.0, call("trunc", 1234.5, -2L));
    assertEquals("SQLSTATE 22012: division by zero",
        assertThrows(IllegalArgumentException.class, () -> call("div", 7L, 0L)).getMessage());
  }

  @Test
  void greatestAndLeastSkipNulls() {
    assertEquals(3L, call("greatest", 1L, null, 3L));
    assertEquals("a", call("least", "b", "a", "c"));
    assertEquals(2L, call("greatest", 1.5, 2L));
    assertNull(call("greatest", null, null));
  }

  @Test
  void regexpReplaceTakesPostgresReplacementsAndFlags() {
    assertEquals("aXbX", call("regexp_replace", "a1b2", "[0-9]", "X", "g"));
    assertEquals("aXb2", call("regexp_replace", "a1b2", "[0-9]", "X"));
    assertEquals("Jello", call("regexp_replace", "Hello", "h", "J", "i"));
    assertEquals("smith, john", call("regexp_replace", "john smith", "(\\w+) (\\w+)", "\\2, \\1"));
    assertEquals("a[b]c", call("regexp_replace", "abc", "b", "[\\&]"));
    assertEquals("a$1c", call("regexp_replace", "abc", "b", "$1"));
  }
}
