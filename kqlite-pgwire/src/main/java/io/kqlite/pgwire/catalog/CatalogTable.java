package io.kqlite.pgwire.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One PostgreSQL catalog table, declared as columns (name, PostgreSQL type, default value) and row
 * sources (a FROM clause and the expressions that fill some columns; the rest take their
 * default). It becomes a TEMP table on each read connection whose declared column types are the
 * PostgreSQL ones, so SQLite reports them and clients see {@code bool}, {@code oid},
 * {@code name} and {@code "char"} columns (psql compares booleans with {@code t}); TEMP views
 * would lose the type of every computed column.
 */
final class CatalogTable {

  /** A column: its PostgreSQL type as declared to SQLite, and the value rows get by default. */
  record Column(String name, String type, String defaultValue) {
  }

  /** Rows from {@code from} (e.g. {@code kq_relation r WHERE ...}); values by column name. */
  record Source(String from, Map<String, String> values) {
  }

  private final String name;
  private final List<Column> columns = new ArrayList<>();
  private final List<Source> sources = new ArrayList<>();
  private String primaryKey;

  private CatalogTable(String name) {
    this.name = name;
  }

  static CatalogTable named(String name) {
    return new CatalogTable(name);
  }

  String name() {
    return name;
  }

  List<Column> columns() {
    return columns;
  }

  CatalogTable column(String column, String type, String defaultValue) {
    columns.add(new Column(column, type, defaultValue));
    return this;
  }

  /**
   * Adds a row source; {@code values} alternates column name and SQL expression.
   *
   * @throws IllegalArgumentException for a column the table does not have
   */
  CatalogTable rows(String from, String... values) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i += 2) {
      String column = values[i];
      if (columns.stream().noneMatch(c -> c.name().equals(column))) {
        throw new IllegalArgumentException(name + " has no column " + column);
      }
      map.put(column, values[i + 1]);
    }
    sources.add(new Source(from, map));
    return this;
  }

  /**
   * Makes {@code column} the primary key of a WITHOUT ROWID table: such a table has no implicit
   * {@code oid}/{@code rowid} column, so an unqualified {@code oid} in a subquery over it means
   * the outer query's.
   */
  CatalogTable withoutRowid(String column) {
    this.primaryKey = column;
    return this;
  }

  /** {@code CREATE TEMP TABLE} with PostgreSQL column types. */
  String createSql() {
    StringJoiner defs = new StringJoiner(", ", "CREATE TEMP TABLE " + quoted(name) + " (",
        primaryKey == null ? ")" : ") WITHOUT ROWID");
    for (Column c : columns) {
      defs.add(quoted(c.name()) + " " + c.type());
    }
    if (primaryKey != null) {
      defs.add("PRIMARY KEY (" + quoted(primaryKey) + ")");
    }
    return defs.toString();
  }

  /** The statements that replace the table's rows with what its sources give now. */
  List<String> fillSql() {
    List<String> sql = new ArrayList<>();
    sql.add("DELETE FROM temp." + quoted(name));
    for (Source source : sources) {
      StringJoiner select = new StringJoiner(", ", "INSERT INTO temp." + quoted(name) + " SELECT ", "");
      for (Column c : columns) {
        select.add(source.values().getOrDefault(c.name(), c.defaultValue()));
      }
      sql.add(source.from() == null ? select.toString() : select + " FROM " + source.from());
    }
    return sql;
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
