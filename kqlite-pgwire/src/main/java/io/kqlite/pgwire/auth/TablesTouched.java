package io.kqlite.pgwire.auth;

import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The tables a SQLite statement reads and writes, taken from SQLite's own plan rather than from
 * the SQL text: {@code EXPLAIN} lists an OpenRead or OpenWrite per table or index the statement
 * opens (a Clear for a DELETE without WHERE), with its root page, which {@code sqlite_schema}
 * maps back to the table. Views, CTEs,
 * subqueries and quoting therefore need no parsing here. Only the main database counts (the
 * catalog's TEMP tables are readable by everyone, as pg_catalog is in PostgreSQL).
 */
record TablesTouched(Set<String> read, Set<String> written) {

  private static final int MAIN_DATABASE = 0;

  static TablesTouched of(String sqliteSql, List<Object> parameters,
      Function<Statement, StatementResult> reader) {
    Map<Long, String> tableOfPage = new HashMap<>();
    for (Object[] row : reader.apply(Statement.of(
        "SELECT rootpage, tbl_name FROM sqlite_schema WHERE rootpage > 0")).rows()) {
      tableOfPage.put(((Number) row[0]).longValue(), (String) row[1]);
    }
    Set<String> read = new LinkedHashSet<>();
    Set<String> written = new LinkedHashSet<>();
    StatementResult plan = reader.apply(new Statement("EXPLAIN " + sqliteSql, parameters));
    for (Object[] op : plan.rows()) { // addr, opcode, p1, p2, p3, p4, p5, comment
      String opcode = String.valueOf(op[1]);
      boolean write;
      int page;
      int database;
      switch (opcode) {
        case "OpenRead", "ReopenIdx", "OpenWrite" -> {
          write = opcode.equals("OpenWrite");
          page = 3;
          database = 4;
        }
        case "Clear" -> { // DELETE without WHERE empties the table without opening it
          write = true;
          page = 2;
          database = 3;
        }
        default -> {
          continue;
        }
      }
      if (((Number) op[database]).intValue() != MAIN_DATABASE) {
        continue;
      }
      String table = tableOfPage.get(((Number) op[page]).longValue());
      if (table != null) {
        (write ? written : read).add(table);
      }
    }
    read.removeAll(written);
    return new TablesTouched(read, written);
  }
}
