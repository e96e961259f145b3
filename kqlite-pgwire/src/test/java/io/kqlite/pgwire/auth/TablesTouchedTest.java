package io.kqlite.pgwire.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.WriteCommand;
import io.kqlite.statemachine.store.SqliteDatabase;
import io.kqlite.statemachine.store.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which tables SQLite's plan says a statement reads and writes, on a real SQLite file. */
class TablesTouchedTest {

  private static SqliteStore store;
  private static SqliteDatabase db;

  @BeforeAll
  static void schema() throws Exception {
    Path dir = Files.createTempDirectory("tables-touched-");
    store = new SqliteStore(dir);
    List<Statement> ddl = List.of(
        Statement.of("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT UNIQUE)"),
        Statement.of("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id), v TEXT)"),
        Statement.of("CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT)"),
        Statement.of("CREATE INDEX child_v ON child (v)"),
        Statement.of("CREATE VIEW named_children AS SELECT c.v, p.name FROM child c JOIN parent p ON p.id = c.parent_id"));
    store.apply(1, new WriteCommand(WriteCommand.Kind.EXECUTE, SqliteStore.DEFAULT_DATABASE, ddl, 0, 0));
    db = store.forRead(SqliteStore.DEFAULT_DATABASE);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static TablesTouched touched(String sql, Object... parameters) {
    return TablesTouched.of(sql, List.of(parameters), db::query);
  }

  @Test
  void selectsThroughJoinsSubqueriesAndViewsReadTheBaseTables() {
    assertEquals(Set.of("parent"), touched("SELECT * FROM parent WHERE id = ?1", 1L).read());
    assertEquals(Set.of("child", "parent"),
        touched("SELECT v FROM child WHERE parent_id IN (SELECT id FROM parent WHERE name = 'x')").read());
    assertEquals(Set.of("child", "parent"), touched("SELECT * FROM named_children").read());
    assertEquals(Set.of("child"), touched("SELECT v FROM child WHERE v = 'a'").read(), "index maps to its table");
    assertEquals(Set.of(), touched("SELECT 1").read());
  }

  @Test
  void writesNameTheirTargetAndWhatTheyRead() {
    TablesTouched insertSelect = touched("INSERT INTO audit (what) SELECT name FROM parent");
    assertEquals(Set.of("audit"), insertSelect.written());
    assertEquals(Set.of("parent"), insertSelect.read());
    assertEquals(Set.of("child"), touched("UPDATE child SET v = 'b' WHERE id = 1").written());
    assertEquals(Set.of("audit"), touched("DELETE FROM audit WHERE id > 1").written());
    assertEquals(Set.of("audit"), touched("DELETE FROM audit").written(), "truncate optimisation: Clear, no cursor");
  }

  /**
   * Read connections do not enforce foreign keys, so their plan has no parent lookup: like
   * PostgreSQL, writing a child row needs no SELECT on the parent.
   */
  @Test
  void foreignKeyCheckNeedsNoPrivilegeOnTheParent() {
    TablesTouched insert = touched("INSERT INTO child (parent_id, v) VALUES (?1, 'x')", 1L);
    assertEquals(Set.of("child"), insert.written());
    assertEquals(Set.of(), insert.read());
  }
}
