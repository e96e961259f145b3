package io.kqlite.pgwire.catalog;

import java.util.List;

/**
 * The {@code information_schema} views clients use most, built on the catalog tables. The rows
 * live in typed TEMP tables (so {@code ordinal_position} is an int4 and names are
 * {@code name}, as in PostgreSQL); the views add the session's database name. They are named
 * {@code "information_schema.x"}, which the translator maps {@code information_schema.x} to.
 */
final class InformationSchema {

  private InformationSchema() {
  }

  static final CatalogTable TABLES = CatalogTable.named("kq_is_tables")
      .column("table_schema", "name", "'public'").column("table_name", "name", "NULL")
      .column("table_type", "varchar", "'BASE TABLE'")
      .column("self_referencing_column_name", "name", "NULL")
      .column("reference_generation", "varchar", "NULL")
      .column("user_defined_type_catalog", "name", "NULL")
      .column("user_defined_type_schema", "name", "NULL")
      .column("user_defined_type_name", "name", "NULL")
      .column("is_insertable_into", "varchar", "'YES'").column("is_typed", "varchar", "'NO'")
      .column("commit_action", "varchar", "NULL")
      .rows("pg_class c WHERE c.relkind IN ('r', 'v')",
          "table_name", "c.relname",
          "table_type", "CASE c.relkind WHEN 'v' THEN 'VIEW' ELSE 'BASE TABLE' END",
          "is_insertable_into", "CASE c.relkind WHEN 'r' THEN 'YES' ELSE 'NO' END");

  static final CatalogTable COLUMNS = CatalogTable.named("kq_is_columns")
      .column("table_schema", "name", "'public'").column("table_name", "name", "NULL")
      .column("column_name", "name", "NULL").column("ordinal_position", "int4", "0")
      .column("column_default", "varchar", "NULL").column("is_nullable", "varchar", "'YES'")
      .column("data_type", "varchar", "NULL").column("character_maximum_length", "int4", "NULL")
      .column("character_octet_length", "int4", "NULL")
      .column("numeric_precision", "int4", "NULL").column("numeric_precision_radix", "int4", "NULL")
      .column("numeric_scale", "int4", "NULL").column("datetime_precision", "int4", "NULL")
      .column("udt_schema", "name", "'pg_catalog'").column("udt_name", "name", "NULL")
      .column("is_identity", "varchar", "'NO'").column("is_generated", "varchar", "'NEVER'")
      .column("is_updatable", "varchar", "'YES'")
      .rows("pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
              + " JOIN pg_type t ON t.oid = a.atttypid"
              + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
              + " WHERE c.relkind IN ('r', 'v') AND a.attnum > 0",
          "table_name", "c.relname", "column_name", "a.attname",
          "ordinal_position", "a.attnum", "column_default", "d.adbin",
          "is_nullable", "CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END",
          "data_type", "CASE a.atttypid WHEN 1042 THEN 'character'"
              + " ELSE format_type(a.atttypid, NULL) END",
          "character_maximum_length",
          "CASE WHEN a.atttypid IN (1043, 1042) AND a.atttypmod > 0 THEN a.atttypmod - 4 END",
          "character_octet_length", "CASE WHEN a.atttypid IN (25, 1043, 1042) THEN"
              + " CASE WHEN a.atttypmod > 0 THEN 4 * (a.atttypmod - 4) ELSE 1073741824 END END",
          "numeric_precision", "CASE a.atttypid WHEN 21 THEN 16 WHEN 23 THEN 32 WHEN 20 THEN 64"
              + " WHEN 700 THEN 24 WHEN 701 THEN 53 WHEN 1700 THEN CASE WHEN a.atttypmod > 0"
              + " THEN (a.atttypmod - 4) >> 16 END END",
          "numeric_precision_radix", "CASE WHEN a.atttypid IN (21, 23, 20, 700, 701) THEN 2"
              + " WHEN a.atttypid = 1700 THEN 10 END",
          "numeric_scale", "CASE WHEN a.atttypid IN (21, 23, 20) THEN 0 WHEN a.atttypid = 1700"
              + " AND a.atttypmod > 0 THEN (a.atttypmod - 4) & 65535 END",
          "udt_name", "t.typname");

  /** Filled after the catalog tables they read. */
  static List<CatalogTable> all() {
    return List.of(TABLES, COLUMNS);
  }

  static List<String> createViewSql() {
    return List.of(
        "CREATE TEMP VIEW \"information_schema.schemata\" AS SELECT current_database()"
            + " AS catalog_name, n.nspname AS schema_name, current_user() AS schema_owner"
            + " FROM pg_namespace n",
        "CREATE TEMP VIEW \"information_schema.tables\" AS SELECT current_database()"
            + " AS table_catalog, t.* FROM kq_is_tables t",
        "CREATE TEMP VIEW \"information_schema.columns\" AS SELECT current_database()"
            + " AS table_catalog, c.* FROM kq_is_columns c");
  }
}
