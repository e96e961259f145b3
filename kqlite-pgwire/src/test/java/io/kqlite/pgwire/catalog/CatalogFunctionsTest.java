package io.kqlite.pgwire.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogFunctionsTest {

  @Test
  void typeModifiersAndNamesFollowPostgreSql() {
    assertEquals(104, TypeInfo.typmod("varchar(100)"));
    assertEquals(104, TypeInfo.typmod("character varying(100)"));
    assertEquals((8 << 16 | 2) + 4, TypeInfo.typmod("NUMERIC(8, 2)"));
    assertEquals(-1, TypeInfo.typmod("text"));
    assertEquals("character varying(100)", TypeInfo.formatType(1043L, 104L));
    assertEquals("numeric(8,2)", TypeInfo.formatType(1700L, (long) ((8 << 16 | 2) + 4)));
    assertEquals("timestamp with time zone", TypeInfo.formatType(1184L, -1L));
    assertEquals("integer[]", TypeInfo.formatType(1007L, -1L));
    assertEquals("\"char\"", TypeInfo.formatType(18L, -1L));
    assertEquals("???", TypeInfo.formatType(999999L, -1L));
    assertEquals("-", TypeInfo.formatType(0L, null));
    assertNull(TypeInfo.formatType(null, -1L));
  }

  @Test
  void arraysInPostgreSqlText() {
    assertEquals(Arrays.asList("a", "b c", null, "{x}"),
        PgArrays.elements("{a,\"b c\",NULL,\"{x}\"}"));
    assertEquals(List.of("1", "2"), PgArrays.elements("1 2"));
    assertEquals("{a,\"b c\",NULL}", PgArrays.format(Arrays.asList("a", "b c", null)));
    assertEquals("[1,\"x\\\"y\",null]", PgArrays.json(Arrays.asList("1", "x\"y", null)));
  }

  @Test
  void definitionsAsPostgreSqlShowsThem() {
    assertEquals("published",
        CatalogFunctions.indexPredicate("CREATE UNIQUE INDEX i ON t (a, lower(b)) WHERE published"));
    assertNull(CatalogFunctions.indexPredicate("CREATE INDEX i ON t (a)"));
    assertEquals("'x'::character varying",
        CatalogFunctions.defaultExpression("'x'", "varchar(5)"));
    assertEquals("0", CatalogFunctions.defaultExpression("0", "integer"));
    assertEquals(" SELECT id FROM t WHERE x;",
        CatalogFunctions.viewDefinition("CREATE VIEW v AS SELECT id FROM t WHERE x"));
    assertEquals("8192 bytes", CatalogFunctions.sizePretty(8192L));
    assertEquals("16 kB", CatalogFunctions.sizePretty(16384L));
    assertEquals("10 MB", CatalogFunctions.sizePretty(10L * 1024 * 1024));
  }

  /** Values from PostgreSQL 15: md5('abc'), md5('\x616263'::bytea), md5(''). */
  @Test
  void md5OfTextAndByteaAsPostgreSqlGivesIt() {
    assertEquals("900150983cd24fb0d6963f7d28e17f72", CatalogFunctions.md5("abc"));
    assertEquals("900150983cd24fb0d6963f7d28e17f72", CatalogFunctions.md5(new byte[] {0x61, 0x62, 0x63}));
    assertEquals("d41d8cd98f00b204e9800998ecf8427e", CatalogFunctions.md5(""));
    assertNull(CatalogFunctions.md5(null));
  }

  @Test
  void checkConstraintsNamedAsPostgreSqlNamesThem() {
    List<CheckConstraints.Check> checks = CheckConstraints.of("t", "CREATE TABLE t (id INTEGER"
        + " PRIMARY KEY, qty int CHECK (qty > 0), lo int, hi int, CHECK (lo < hi),"
        + " CONSTRAINT named CHECK (hi < 100), CHECK (lo > 0), CHECK (hi > 0), CHECK (1 = 1))");
    assertEquals(List.of(
        new CheckConstraints.Check("t_qty_check", "qty > 0", 2),
        new CheckConstraints.Check("t_check", "lo < hi", 0),
        new CheckConstraints.Check("named", "hi < 100", 4),
        new CheckConstraints.Check("t_lo_check", "lo > 0", 3),
        new CheckConstraints.Check("t_hi_check", "hi > 0", 4),
        new CheckConstraints.Check("t_check1", "1 = 1", 0)), checks);
    assertEquals("[]", CheckConstraints.json("t", "CREATE TABLE t (a int)"));
  }

  @Test
  void regexpFindsLikePostgreSqlTilde() {
    assertEquals(1L, CatalogFunctions.regexp("^(books)$", "books"));
    assertEquals(0L, CatalogFunctions.regexp("^pg_", "public"));
    assertNull(CatalogFunctions.regexp(null, "x"));
  }
}
