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
        // One row per role from kq_roles() (the stored roles, and the login user when it has no
        // role row); flags join kq_bool so that they stay typed bool.
        "CREATE TEMP VIEW pg_roles AS SELECT json_extract(j.value, '$[0]') AS rolname,"
            + " s.b AS rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, l.b AS rolcanlogin,"
            + " r.rolreplication, r.rolconnlimit, r.rolpassword, r.rolvaliduntil, r.rolbypassrls,"
            + " r.rolconfig, json_extract(j.value, '$[3]') AS oid"
            + " FROM json_each(kq_roles()) j CROSS JOIN kq_role r"
            + " JOIN kq_bool s ON s.b = json_extract(j.value, '$[1]')"
            + " JOIN kq_bool l ON l.b = json_extract(j.value, '$[2]')",
        "CREATE TEMP VIEW pg_authid AS SELECT * FROM pg_roles",
        "CREATE TEMP VIEW pg_user AS SELECT r.rolname AS usename, r.oid AS usesysid,"
            + " r.rolcreatedb AS usecreatedb, r.rolsuper AS usesuper, r.rolreplication AS userepl,"
            + " r.rolbypassrls AS usebypassrls, r.rolpassword AS passwd,"
            + " r.rolvaliduntil AS valuntil, r.rolconfig AS useconfig FROM pg_roles r WHERE r.rolcanlogin",
        // One row per database file; the current database keeps kq_database's oid, the others
        // get oids after it in name order.
        "CREATE TEMP VIEW pg_database AS SELECT CASE WHEN j.value = current_database() THEN d.oid"
            + " ELSE d.oid + 1 + j.key END AS oid, CAST(j.value AS TEXT) AS datname, d.datdba,"
            + " d.encoding, d.datlocprovider, d.datistemplate, d.datallowconn, d.datconnlimit,"
            + " d.datfrozenxid, d.datminmxid, d.dattablespace, d.datcollate, d.datctype,"
            + " d.daticulocale, d.datcollversion, d.datacl"
            + " FROM json_each(kq_databases()) j CROSS JOIN kq_database d",
        "CREATE TEMP VIEW pg_tables AS SELECT 'public' AS schemaname, c.relname AS tablename,"
            + " current_user() AS tableowner, NULL AS tablespace, c.relhasindex AS hasindexes,"
            + " c.relhasrules AS hasrules, c.relhastriggers AS hastriggers,"
            + " c.relrowsecurity AS rowsecurity FROM pg_class c WHERE c.relkind = 'r'",
        "CREATE TEMP VIEW pg_indexes AS SELECT 'public' AS schemaname, t.relname AS tablename,"
            + " i.relname AS indexname, NULL AS tablespace, d.indexdef AS indexdef FROM pg_index x"
            + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            + " LEFT JOIN kq_indexdef d ON d.kq_key = x.indexrelid");
  }
}
