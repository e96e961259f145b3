/**
 * PostgreSQL's system catalog ({@code pg_catalog}, a little of {@code information_schema}) for
 * kqlite, so psql's describe commands and drivers' metadata calls work.
 *
 * <p>Design: nothing is stored or replicated. Each read connection gets, through the state
 * machine's PostgreSQL-agnostic {@link io.kqlite.statemachine.ReadSetup} hook:
 * <ul>
 *   <li>TEMP tables named like the catalog tables, whose columns are declared with PostgreSQL
 *       types ({@code bool}, {@code oid}, {@code name}, {@code internal_char} for
 *       {@code "char"}) so RowDescription carries the right OIDs and booleans print as
 *       {@code t}/{@code f}. Each is a {@link io.kqlite.pgwire.catalog.CatalogTable}: columns
 *       with defaults plus row sources over {@code sqlite_schema} and the {@code pragma_*}
 *       table-valued functions ({@link io.kqlite.pgwire.catalog.SchemaTables}), refilled when
 *       {@code PRAGMA schema_version} moves, or fixed rows
 *       ({@link io.kqlite.pgwire.catalog.FixedTables}, {@code pg_type} generated from
 *       {@link io.kqlite.pgwire.types.PgType}).</li>
 *   <li>TEMP views for what belongs to the session (role and database names) and
 *       {@code information_schema} ({@link io.kqlite.pgwire.catalog.SessionViews}).</li>
 *   <li>Functions ({@link io.kqlite.pgwire.catalog.CatalogFunctions}): format_type,
 *       pg_table_is_visible, array helpers, regexp, ... Lookups that need catalog rows
 *       (pg_get_indexdef, pg_get_constraintdef, pg_get_viewdef, ::regclass) are rewritten into
 *       subqueries by the translator ({@code io.kqlite.pgwire.sql.CatalogFunctionRewriter}).</li>
 * </ul>
 *
 * <p>Mapping from SQLite: tables, views and indexes get stable OIDs (a hash of the name, from
 * 16384 up), in namespace {@code public} (2200), owned by OID 10, the login user. SQLite's
 * automatic indexes for PRIMARY KEY and UNIQUE, and the missing index of an INTEGER PRIMARY KEY,
 * appear as {@code t_pkey} / {@code t_col_key} with matching constraints; foreign keys as
 * {@code t_col_fkey}. SQLite's own objects and {@code kqlite_applied} are hidden.
 *
 * <p>Known gaps: CHECK constraints, expression and DESC index columns, named FOREIGN KEY
 * constraints (shown under the default name), sequences, comments (pg_description is empty),
 * pg_proc (empty), one pg_database row (the current database). pg_roles lists the roles of the
 * replicated system database (see io.kqlite.pgwire.auth), plus a trust login without a role.
 */
package io.kqlite.pgwire.catalog;
