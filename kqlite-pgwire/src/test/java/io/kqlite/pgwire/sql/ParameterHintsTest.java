package io.kqlite.pgwire.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kqlite.pgwire.sql.ParameterHints.ColumnHint;
import io.kqlite.pgwire.sql.ParameterHints.TypeHint;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterHintsTest {

  @Test
  void comparisonsWithQualifiedAndPlainColumns() {
    Map<Integer, ParameterHints.Hint> hints = ParameterHints.of(
        "SELECT * FROM kine AS kv WHERE kv.name LIKE $1 AND kv.id > $2 AND $3 <= deleted");
    assertEquals(new ColumnHint("kine", "name"), hints.get(1));
    assertEquals(new ColumnHint("kine", "id"), hints.get(2));
    assertEquals(new ColumnHint("kine", "deleted"), hints.get(3));
  }

  @Test
  void insertWithoutAColumnListTakesTheTablesColumnsByPosition() {
    Map<Integer, ParameterHints.Hint> hints = ParameterHints.of(
        "INSERT INTO t VALUES ($1, $2, 'x', $3), ($4, now(), $5, $6)");
    assertEquals(new ParameterHints.ColumnPositionHint("t", 0), hints.get(1));
    assertEquals(new ParameterHints.ColumnPositionHint("t", 1), hints.get(2));
    assertEquals(new ParameterHints.ColumnPositionHint("t", 3), hints.get(3));
    assertEquals(new ParameterHints.ColumnPositionHint("t", 2), hints.get(5));
  }

  @Test
  void insertValuesTakeTheirColumns() {
    Map<Integer, ParameterHints.Hint> hints = ParameterHints.of(
        "INSERT INTO kine(name, created, deleted, create_revision, prev_revision, lease, value, old_value) "
            + "values($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id");
    assertEquals(new ColumnHint("kine", "name"), hints.get(1));
    assertEquals(new ColumnHint("kine", "old_value"), hints.get(8));
  }

  @Test
  void insertSelectItemsTakeTheirColumns() {
    Map<Integer, ParameterHints.Hint> hints = ParameterHints.of(
        "INSERT INTO kine(name, created, deleted, create_revision, prev_revision, lease, value, old_value) "
            + "SELECT $1, $2, $3, $4, $5, $6, $7, (SELECT value FROM kine WHERE id = $8) AS old_value RETURNING id");
    assertEquals(new ColumnHint("kine", "name"), hints.get(1));
    assertEquals(new ColumnHint("kine", "value"), hints.get(7));
    assertEquals(new ColumnHint("kine", "id"), hints.get(8));
  }

  @Test
  void castsLimitsBooleansUpdatesAndIn() {
    assertEquals(new TypeHint("int8"), ParameterHints.of("SELECT $1::int8").get(1));
    assertEquals("int4", ParameterHints.of("SELECT * FROM t WHERE id <> ALL($1::int4[])").get(1) instanceof TypeHint t
        ? t.elementTypeName() : null);
    assertEquals(new TypeHint("double precision[]"), ParameterHints.of("SELECT CAST($1 AS double precision[])").get(1));
    assertEquals(new TypeHint("double precision"), ParameterHints.of("SELECT CAST($1 AS double precision)").get(1));
    assertEquals(new TypeHint("int8"), ParameterHints.of("SELECT * FROM t LIMIT $1 OFFSET $2").get(2));
    assertEquals(new TypeHint("bool"), ParameterHints.of("SELECT * FROM t WHERE ($1 OR deleted = 0)").get(1));
    assertEquals(new ColumnHint("t", "v"), ParameterHints.of("UPDATE t SET v = $1 WHERE id = $2").get(1));
    assertEquals(new ColumnHint("t", "id"), ParameterHints.of("UPDATE t SET v = $1 WHERE id = $2").get(2));
    assertEquals(new ColumnHint("t", "id"), ParameterHints.of("SELECT * FROM t WHERE id IN ($1, $2, $3)").get(3));
    assertEquals(new ColumnHint("t", "n"), ParameterHints.of("SELECT * FROM t WHERE n BETWEEN $1 AND $2").get(2));
  }

  @Test
  void ambiguousOrUnknownStaysUnknown() {
    assertEquals(new ColumnHint(null, "id"), ParameterHints.of("SELECT * FROM a, b WHERE id = $1").get(1));
    assertFalse(ParameterHints.of("SELECT $1").containsKey(1));
    assertFalse(ParameterHints.of("SELECT lower($1)").containsKey(1));
  }

  @Test
  void untypedStringLiteralsGetTheColumnTheyAreStoredIntoOrComparedWith() {
    String sql = "INSERT INTO t (a, b) VALUES ('x', 'y'::text) ON CONFLICT (a) DO UPDATE SET b = $$z$$ "
        + "RETURNING a";
    Map<Token, ParameterHints.Hint> literals = ParameterHints.literalTargets(sql);
    assertEquals(Map.of("'x'", new ColumnHint("t", "a"), "$$z$$", new ColumnHint("t", "b")),
        byText(literals));
    assertEquals(Map.of("'p'", new ParameterHints.ColumnPositionHint("t", 1)),
        byText(ParameterHints.literalTargets("INSERT INTO t VALUES (1, 'p', X'01')")));
    assertEquals(Map.of("'a'", new ColumnHint("t", "c"), "'b'", new ColumnHint("t", "c")),
        byText(ParameterHints.literalTargets("SELECT * FROM t WHERE c IN ('a', 'b') AND date '2020-01-01' < d")));
  }

  private static Map<String, ParameterHints.Hint> byText(Map<Token, ParameterHints.Hint> literals) {
    Map<String, ParameterHints.Hint> byText = new java.util.HashMap<>();
    literals.forEach((token, hint) -> byText.put(token.text(), hint));
    return byText;
  }
}
