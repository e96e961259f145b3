package io.kqlite.pgwire.catalog;

import java.util.List;

/**
 * Catalog relations with values that belong to the session (the login user, the database name),
 * as TEMP views over the typed tables: a view column that reads a table column keeps its
 * declared type, so the flags stay {@code bool}. The {@code information_schema} views are here
 * too; they are named {@code "information_schema.x"}, which the translator maps
 * {@code information_schema.x} to.
 */
final class SessionViews {

  private SessionViews() {
  }

  static List<String> createSql() {
    return List.of(
        "CREATE TEMP VIEW pg_roles AS SELECT current_user() AS rolname, r.rolsuper, r.rolinherit,"
            + " r.rolcreaterole, r.rolcreatedb, r.rolcanlogin, r.rolreplication, r.rolconnlimit,"
            + " r.rolpassword, r.rolvaliduntil, r.rolbypassrls, r.rolconfig, r.oid FROM kq_role r",
        "CREATE TEMP VIEW pg_authid AS SELECT * FROM pg_roles",
        "CREATE TEMP VIEW pg_user AS SELECT current_user() AS usename, r.oid AS usesysid,"
            + " r.rolcreatedb AS usecreatedb, r.rolsuper AS usesuper, r.rolreplication AS userepl,"
            + " r.rolbypassrls AS usebypassrls, r.rolpassword AS passwd,"
            + " r.rolvaliduntil AS valuntil, r.rolconfig AS useconfig FROM kq_role r",
        "CREATE TEMP VIEW pg_database AS SELECT d.oid, current_database() AS datname, d.datdba,"
            + " d.encoding, d.datlocprovider, d.datistemplate, d.datallowconn, d.datconnlimit,"
            + " d.datfrozenxid, d.datminmxid, d.dattablespace, d.datcollate, d.datctype,"
            + " d.daticulocale, d.datcollversion, d.datacl FROM kq_database d",
        "CREATE TEMP VIEW pg_tables AS SELECT 'public' AS schemaname, c.relname AS tablename,"
            + " current_user() AS tableowner, NULL AS tablespace, c.relhasindex AS hasindexes,"
            + " c.relhasrules AS hasrules, c.relhastriggers AS hastriggers,"
            + " c.relrowsecurity AS rowsecurity FROM pg_class c WHERE c.relkind = 'r'",
        "CREATE TEMP VIEW \"information_schema.schemata\" AS SELECT current_database()"
            + " AS catalog_name, n.nspname AS schema_name, current_user() AS schema_owner"
            + " FROM pg_namespace n",
        "CREATE TEMP VIEW \"information_schema.tables\" AS SELECT current_database()"
            + " AS table_catalog, 'public' AS table_schema, c.relname AS table_name,"
            + " CASE c.relkind WHEN 'v' THEN 'VIEW' ELSE 'BASE TABLE' END AS table_type,"
            + " NULL AS self_referencing_column_name, NULL AS reference_generation,"
            + " NULL AS user_defined_type_catalog, NULL AS user_defined_type_schema,"
            + " NULL AS user_defined_type_name,"
            + " CASE c.relkind WHEN 'r' THEN 'YES' ELSE 'NO' END AS is_insertable_into,"
            + " 'NO' AS is_typed, NULL AS commit_action"
            + " FROM pg_class c WHERE c.relkind IN ('r', 'v')",
        "CREATE TEMP VIEW \"information_schema.columns\" AS SELECT current_database()"
            + " AS table_catalog, 'public' AS table_schema, c.relname AS table_name,"
            + " a.attname AS column_name, a.attnum AS ordinal_position,"
            + " d.adbin AS column_default,"
            + " CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS is_nullable,"
            + " CASE WHEN a.atttypid IN (1043, 1042) THEN"
            + "   replace(format_type(a.atttypid, NULL), 'bpchar', 'character')"
            + " ELSE format_type(a.atttypid, NULL) END AS data_type,"
            + " CASE WHEN a.atttypid IN (1043, 1042) AND a.atttypmod > 0 THEN a.atttypmod - 4 END"
            + " AS character_maximum_length,"
            + " CASE a.atttypid WHEN 21 THEN 16 WHEN 23 THEN 32 WHEN 20 THEN 64 WHEN 700 THEN 24"
            + " WHEN 701 THEN 53 WHEN 1700 THEN CASE WHEN a.atttypmod > 0"
            + " THEN (a.atttypmod - 4) >> 16 END END AS numeric_precision,"
            + " CASE WHEN a.atttypid IN (21, 23, 20) THEN 0 WHEN a.atttypid = 1700"
            + " AND a.atttypmod > 0 THEN (a.atttypmod - 4) & 65535 END AS numeric_scale,"
            + " t.typname AS udt_name, 'NO' AS is_identity, 'NEVER' AS is_generated,"
            + " 'YES' AS is_updatable"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE c.relkind IN ('r', 'v') AND a.attnum > 0");
  }
}
