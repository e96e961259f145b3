package io.kqlite.pgwire.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Expected texts are PostgreSQL 15's pg_get_indexdef for the same indexes. */
class IndexItemsTest {

  @Test
  void columnsExpressionsAndOrderAsPostgresqlShowsThem() {
    assertEquals("lower(name)", IndexItems.of("CREATE INDEX \"g_lower_idx\" ON g (lower(name))"));
    assertEquals("v DESC, \"Weird Col\"", IndexItems.of("CREATE INDEX gv ON g (v DESC, \"Weird Col\")"));
    assertEquals("name", IndexItems.of("CREATE INDEX gn ON g (\"name\" COLLATE BINARY ASC) WHERE v > 0"));
    assertEquals("name COLLATE nocase", IndexItems.of("CREATE INDEX gn ON g (name COLLATE NOCASE)"));
  }

  @Test
  void noTextNoItems() {
    assertNull(IndexItems.of(null));
  }
}
