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
            + " c.relrowsecurity AS rowsecurity FROM pg_class c WHERE c.relkind = 'r'");
  }
}
