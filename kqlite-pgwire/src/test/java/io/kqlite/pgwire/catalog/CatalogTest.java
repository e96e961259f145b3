package io.kqlite.pgwire.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kqlite.pgwire.sql.PgToSqlite;
import io.kqlite.statemachine.LocalFunction;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import io.kqlite.statemachine.WriteCommand;
import io.kqlite.statemachine.store.SqliteStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog over a real SQLite file, queried with PostgreSQL SQL through the translator. */
class CatalogTest {

  @TempDir Path dir;
  private SqliteStore store;
  private long index;

  @BeforeEach
  void open() {
    List<LocalFunction> session = List.of(new LocalFunction("current_user", 0, a -> "alice"),
        new LocalFunction("current_database", 0, a -> "postgres"));
    store = new SqliteStore(dir, Catalog.readSetup(session));
    write("CREATE TABLE parent (id integer PRIMARY KEY, code varchar(10) NOT NULL UNIQUE)");
    write("CREATE TABLE child (a int, b int, parent_id int REFERENCES parent ON DELETE CASCADE,"
        + " amount numeric(10,3) DEFAULT 0, note text DEFAULT 'n/a', PRIMARY KEY (a, b))");
    write("CREATE INDEX child_note ON child (note) WHERE note IS NOT NULL");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void write(String pgSql) {
    String sql = PgToSqlite.translate(pgSql).sqliteSql();
    store.apply(++index, new WriteCommand(WriteCommand.Kind.EXECUTE, "postgres",
        List.of(Statement.of(sql)), 1_000_000L, 1L));
  }

  private List<String> rows(String pgSql) {
    StatementResult result = store.forRead("postgres")
        .query(Statement.of(PgToSqlite.translate(pgSql).sqliteSql()));
    List<String> rows = new ArrayList<>();
    for (Object[] row : result.rows()) {
      rows.add(String.join("|", Arrays.stream(row).map(String::valueOf).toList()));
    }
    return rows;
  }

  @Test
  void relationsHideSqliteAndKqliteObjects() {
    assertEquals(List.of("child|r", "child_note|i", "child_pkey|i", "parent|r",
            "parent_code_key|i", "parent_pkey|i"),
        rows("SELECT relname, relkind FROM pg_catalog.pg_class ORDER BY 1"));
    assertEquals(List.of("child", "parent"), rows(
        "SELECT table_name FROM information_schema.tables ORDER BY 1"));
  }

  @Test
  void columnsCarryTypesModifiersAndNullability() {
    assertEquals(List.of(
            "a|integer|1|0", "b|integer|1|0", "parent_id|integer|0|0",
            "amount|numeric(10,3)|0|1", "note|text|0|1"),
        rows("SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " a.atthasdef FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " WHERE c.relname = 'child' AND a.attnum > 0 ORDER BY a.attnum"));
    assertEquals(List.of("14"), rows("SELECT atttypmod FROM pg_attribute a"
        + " WHERE a.attrelid = 'parent'::regclass AND attname = 'code'"));
    assertEquals(List.of("0", "'n/a'::text"), rows("SELECT pg_get_expr(adbin, adrelid)"
        + " FROM pg_attrdef WHERE adrelid = 'child'::regclass ORDER BY adnum"));
  }

  @Test
  void constraintsAndIndexesUnderPostgreSqlNames() {
    assertEquals(List.of(
            "child_parent_id_fkey|f|FOREIGN KEY (parent_id) REFERENCES parent(id) ON DELETE CASCADE",
            "child_pkey|p|PRIMARY KEY (a, b)",
            "parent_code_key|u|UNIQUE (code)",
            "parent_pkey|p|PRIMARY KEY (id)"),
        rows("SELECT conname, contype, pg_get_constraintdef(oid, true) FROM pg_constraint"
            + " ORDER BY 1"));
    assertEquals(List.of(
            "child_note|CREATE INDEX child_note ON public.child USING btree (note)"
                + " WHERE note IS NOT NULL|5",
            "child_pkey|CREATE UNIQUE INDEX child_pkey ON public.child USING btree (a, b)|1 2"),
        rows("SELECT c.relname, pg_get_indexdef(i.indexrelid, 0, true), i.indkey FROM pg_index i"
            + " JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'child'::regclass"
            + " ORDER BY 1"));
  }

  @Test
  void serialColumnsShowTheirSequenceAndChecksAreConstraints() {
    write("CREATE TABLE items (id serial PRIMARY KEY, qty int CHECK (qty > 0))");
    assertEquals(List.of("nextval('items_id_seq'::regclass)"), rows("SELECT adbin FROM pg_attrdef"
        + " WHERE adrelid = 'items'::regclass"));
    assertEquals(List.of("items_qty_check|c|CHECK (qty > 0)|1"), rows("SELECT conname, contype,"
        + " pg_get_constraintdef(oid), (SELECT relchecks FROM pg_class WHERE oid = conrelid)"
        + " FROM pg_constraint WHERE conrelid = 'items'::regclass AND contype <> 'p'"));
  }

  @Test
  void followsSchemaChanges() {
    write("ALTER TABLE parent ADD COLUMN extra bigint");
    write("DROP INDEX child_note");
    assertEquals(List.of("bigint"), rows("SELECT format_type(atttypid, atttypmod)"
        + " FROM pg_attribute WHERE attname = 'extra'"));
    assertEquals(List.of("0"), rows("SELECT count(*) FROM pg_class WHERE relname = 'child_note'"));
  }

  @Test
  void oidsAreStableAndInTheUserRange() {
    String before = rows("SELECT oid FROM pg_class WHERE relname = 'parent'").get(0);
    write("CREATE TABLE another (x int)");
    assertEquals(before, rows("SELECT oid FROM pg_class WHERE relname = 'parent'").get(0));
    assertEquals(List.of("0"), rows("SELECT count(*) FROM pg_class WHERE oid < 16384"));
  }
}
