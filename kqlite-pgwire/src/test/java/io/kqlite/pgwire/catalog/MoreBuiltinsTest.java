package io.kqlite.pgwire.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kqlite.statemachine.LocalFunction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The encodings, array and boolean built-ins that the state machine runs for writes too.
 * Expected values are PostgreSQL 15's answers to the same calls.
 */
class MoreBuiltinsTest {

  private static Object call(String name, Object... args) {
    LocalFunction function = CatalogFunctions.replicated().stream()
        .filter(f -> f.name().equals(name) && (f.argumentCount() == args.length || f.argumentCount() < 0))
        .findFirst().orElseThrow();
    return function.body().apply(args);
  }

  @Test
  void encodeAndDecodeAsPostgresql() {
    byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
    assertEquals("616263", call("encode", abc, "hex"));
    assertEquals("YWJj", call("encode", abc, "base64"));
    assertEquals("\\000\\377\\\\A", call("encode", new byte[] {0, (byte) 0xff, '\\', 'A'}, "escape"));
    assertArrayEquals(abc, (byte[]) call("decode", "YWJj", "base64"));
    assertArrayEquals(abc, (byte[]) call("decode", "616263", "HEX"));
    assertArrayEquals(new byte[] {0, (byte) 0xff, '\\', 'A'}, (byte[]) call("decode", "\\000\\377\\\\A", "escape"));
    // 100 bytes of base64 break after 76 characters, as PostgreSQL's do
    assertEquals(76, call("encode", new byte[100], "base64").toString().indexOf('\n'));
    assertNull(call("encode", null, "hex"));
    assertThrows(IllegalArgumentException.class, () -> call("encode", abc, "rot13"));
    assertThrows(IllegalArgumentException.class, () -> call("decode", "xyz", "hex"));
  }

  @Test
  void digestsAndHex() {
    assertEquals("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
        call("encode", call("sha256", "x".getBytes(StandardCharsets.UTF_8)), "hex"));
    assertEquals("ff", call("to_hex", 255L));
    assertEquals("ffffffff", call("to_hex", -1L));
    assertEquals("100000000", call("to_hex", 4294967296L));
  }

  @Test
  void arraysAsPostgresqlBuildsThem() {
    assertEquals("{1,2,3}", call("array_append", "{1,2}", 3L));
    assertEquals("{0,1}", call("array_prepend", 0L, "{1}"));
    assertEquals("{a,b,c}", call("array_cat", "{a}", "{b,c}"));
    assertEquals("{1}", call("array_append", null, 1L));
    assertEquals("{a,b,c}", call("string_to_array", "abc", null));
    assertEquals("{a,NULL,b}", call("string_to_array", "a,,b", ",", ""));
    assertEquals("{}", call("string_to_array", "", ","));
    assertEquals("{\"a b\",c}", call("string_to_array", "a b,c", ","));
    assertEquals(0L, call("cardinality", "{}"));
    assertEquals(3L, call("cardinality", "{1,2,3}"));
    assertEquals(2L, call("array_position", "{a,b,b}", "b"));
    assertEquals(null, call("array_position", "{a,b}", "z"));
  }

  @Test
  void booleanAggregatesSkipNulls() {
    assertEquals(1L, CatalogFunctions.booleanAggregate(new Object[] {1L, null, 1L}, true));
    assertEquals(0L, CatalogFunctions.booleanAggregate(new Object[] {1L, 0L}, true));
    assertEquals(1L, CatalogFunctions.booleanAggregate(new Object[] {0L, 1L}, false));
    assertNull(CatalogFunctions.booleanAggregate(new Object[] {null}, false));
  }

  /** PostgreSQL 15's answers for jsonb @> and ?. */
  @Test
  void jsonbContainmentAndKeysAsPostgresql() {
    assertEquals(1L, call("kq_jsonb_contains", "{\"a\":[1,2,{\"b\":true}],\"c\":1.0}", "{\"a\":[{\"b\":true}],\"c\":1}"));
    assertEquals(0L, call("kq_jsonb_contains", "{\"a\":[1,2]}", "{\"a\":[3]}"));
    assertEquals(1L, call("kq_jsonb_contains", "[1,2,[3]]", "[[3],1]"));
    assertEquals(1L, call("kq_jsonb_contains", "[\"x\",2]", "\"x\""));
    assertEquals(0L, call("kq_jsonb_contains", "{\"a\":[1]}", "{\"a\":1}"));
    assertEquals(1L, call("kq_jsonb_contains", "{\"a\":null}", "{\"a\":null}"));
    assertEquals(0L, call("kq_jsonb_contains", "{\"a\":1}", "{\"a\":null}"));
    assertEquals(1L, call("kq_jsonb_exists", "{\"a\":1}", "a"));
    assertEquals(1L, call("kq_jsonb_exists", "[\"a\",\"b\"]", "b"));
    assertEquals(0L, call("kq_jsonb_exists", "{\"a\":{\"b\":1}}", "b"));
    assertEquals(1L, call("kq_jsonb_exists_any", "{\"a\":1}", "{x,a}"));
    assertEquals(0L, call("kq_jsonb_exists_all", "{\"a\":1}", "{x,a}"));
    assertThrows(IllegalArgumentException.class, () -> call("kq_jsonb_contains", "{\"a\":", "{}"));
  }

  @Test
  void quoteLiteralAsPostgresql() {
    assertEquals("'it''s'", call("quote_literal", "it's"));
    assertEquals("E'a\\\\b'", call("quote_literal", "a\\b"));
    assertEquals("'42'", call("quote_literal", 42L));
    assertNull(call("quote_literal", (Object) null));
    assertEquals("NULL", call("quote_nullable", (Object) null));
  }
}
