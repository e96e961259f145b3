package io.kqlite.pgwire.catalog;

import io.kqlite.pgwire.types.PgType;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog tables whose rows do not depend on the schema: namespaces, types (generated from the
 * {@link PgType} registry), access methods, collations, tablespaces, the single role and
 * database rows, and the tables psql always queries but kqlite has nothing for (policies,
 * inheritance, publications, triggers, ...), present and empty.
 */
final class FixedTables {

  static final String INFORMATION_SCHEMA_OID = "13000";

  private FixedTables() {
  }

  static final CatalogTable PG_NAMESPACE = CatalogTable.named("pg_namespace")
      .column("oid", "oid", "0").column("nspname", "name", "NULL")
      .column("nspowner", "oid", "10").column("nspacl", "text", "NULL")
      .rows(null, "oid", "11", "nspname", "'pg_catalog'")
      .rows(null, "oid", "99", "nspname", "'pg_toast'")
      // Owned by pg_database_owner, as in PostgreSQL 15.
      .rows(null, "oid", SchemaTables.PUBLIC_OID, "nspname", "'public'", "nspowner", "6171")
      .rows(null, "oid", INFORMATION_SCHEMA_OID, "nspname", "'information_schema'");

  static final CatalogTable PG_AM = CatalogTable.named("pg_am")
      .column("oid", "oid", "0").column("amname", "name", "NULL")
      .column("amhandler", "oid", "0").column("amtype", "internal_char", "'t'")
      .rows(null, "oid", "2", "amname", "'heap'")
      .rows(null, "oid", "403", "amname", "'btree'", "amtype", "'i'");

  static final CatalogTable PG_COLLATION = CatalogTable.named("pg_collation")
      .column("oid", "oid", "0").column("collname", "name", "NULL")
      .column("collnamespace", "oid", "11").column("collowner", "oid", "10")
      .column("collprovider", "internal_char", "'c'").column("collisdeterministic", "bool", "1")
      .column("collencoding", "int4", "-1").column("collcollate", "text", "NULL")
      .column("collctype", "text", "NULL").column("colliculocale", "text", "NULL")
      .column("collversion", "text", "NULL")
      .rows(null, "oid", "100", "collname", "'default'", "collprovider", "'d'")
      .rows(null, "oid", "950", "collname", "'C'", "collcollate", "'C'", "collctype", "'C'")
      .rows(null, "oid", "951", "collname", "'POSIX'", "collcollate", "'POSIX'",
          "collctype", "'POSIX'");

  static final CatalogTable PG_TABLESPACE = CatalogTable.named("pg_tablespace")
      .column("oid", "oid", "0").column("spcname", "name", "NULL")
      .column("spcowner", "oid", "10").column("spcacl", "text", "NULL")
      .column("spcoptions", "text", "NULL")
      .rows(null, "oid", "1663", "spcname", "'pg_default'")
      .rows(null, "oid", "1664", "spcname", "'pg_global'");

  /** The flags of the one role; its name is the session's user (see {@link SessionViews}). */
  static final CatalogTable ROLE = CatalogTable.named("kq_role")
      .column("oid", "oid", "10").column("rolsuper", "bool", "1")
      .column("rolinherit", "bool", "1").column("rolcreaterole", "bool", "0")
      .column("rolcreatedb", "bool", "0").column("rolcanlogin", "bool", "1")
      .column("rolreplication", "bool", "0").column("rolconnlimit", "int4", "-1")
      .column("rolpassword", "text", "'********'").column("rolvaliduntil", "timestamptz", "NULL")
      .column("rolbypassrls", "bool", "0").column("rolconfig", "text", "NULL")
      .rows(null);

  /**
   * The two booleans: pg_roles joins role flags from JSON to it, so its columns keep the type
   * bool (SQLite declares a type only for table columns).
   */
  static final CatalogTable BOOL = CatalogTable.named("kq_bool")
      .column("b", "bool", "0")
      .rows(null, "b", "0")
      .rows(null, "b", "1");

  /** The current database's flags; its name comes from the session. */
  static final CatalogTable DATABASE = CatalogTable.named("kq_database")
      .column("oid", "oid", "16384").column("datdba", "oid", "10")
      .column("encoding", "int4", "6").column("datlocprovider", "internal_char", "'c'")
      .column("datistemplate", "bool", "0").column("datallowconn", "bool", "1")
      .column("datconnlimit", "int4", "-1").column("datfrozenxid", "int8", "0")
      .column("datminmxid", "int8", "1").column("dattablespace", "oid", "1663")
      .column("datcollate", "text", "'C.UTF-8'").column("datctype", "text", "'C.UTF-8'")
      .column("daticulocale", "text", "NULL").column("datcollversion", "text", "NULL")
      .column("datacl", "text", "NULL")
      .rows(null);

  /** Settings clients read from pg_settings rather than with SHOW. */
  static final CatalogTable PG_SETTINGS = CatalogTable.named("pg_settings")
      .column("name", "text", "NULL").column("setting", "text", "NULL")
      .column("unit", "text", "NULL").column("category", "text", "'Preset Options'")
      .column("short_desc", "text", "NULL").column("context", "text", "'internal'")
      .column("vartype", "text", "'integer'").column("source", "text", "'default'")
      .column("boot_val", "text", "NULL").column("reset_val", "text", "NULL")
      .rows(null, "name", "'max_index_keys'", "setting", "'32'")
      .rows(null, "name", "'max_identifier_length'", "setting", "'63'")
      .rows(null, "name", "'block_size'", "setting", "'8192'")
      .rows(null, "name", "'server_encoding'", "setting", "'UTF8'", "vartype", "'string'");

  static final List<CatalogTable> EMPTY = List.of(
      CatalogTable.named("pg_inherits").column("inhrelid", "oid", "0")
          .column("inhparent", "oid", "0").column("inhseqno", "int4", "0")
          .column("inhdetachpending", "bool", "0"),
      CatalogTable.named("pg_policy").column("oid", "oid", "0").column("polname", "name", "NULL")
          .column("polrelid", "oid", "0").column("polcmd", "internal_char", "NULL")
          .column("polpermissive", "bool", "1").column("polroles", "text", "NULL")
          .column("polqual", "text", "NULL").column("polwithcheck", "text", "NULL"),
      CatalogTable.named("pg_statistic_ext").column("oid", "oid", "0")
          .column("stxrelid", "oid", "0").column("stxname", "name", "NULL")
          .column("stxnamespace", "oid", "0").column("stxowner", "oid", "0")
          .column("stxstattarget", "int4", "-1").column("stxkeys", "text", "NULL")
          .column("stxkind", "text", "NULL").column("stxexprs", "text", "NULL"),
      CatalogTable.named("pg_publication").column("oid", "oid", "0")
          .column("pubname", "name", "NULL").column("pubowner", "oid", "10")
          .column("puballtables", "bool", "0").column("pubinsert", "bool", "1")
          .column("pubupdate", "bool", "1").column("pubdelete", "bool", "1")
          .column("pubtruncate", "bool", "1").column("pubviaroot", "bool", "0"),
      CatalogTable.named("pg_publication_namespace").column("oid", "oid", "0")
          .column("pnpubid", "oid", "0").column("pnnspid", "oid", "0"),
      CatalogTable.named("pg_publication_rel").column("oid", "oid", "0")
          .column("prpubid", "oid", "0").column("prrelid", "oid", "0")
          .column("prqual", "text", "NULL").column("prattrs", "text", "NULL"),
      CatalogTable.named("pg_trigger").column("oid", "oid", "0").column("tgrelid", "oid", "0")
          .column("tgparentid", "oid", "0").column("tgname", "name", "NULL")
          .column("tgfoid", "oid", "0").column("tgtype", "int2", "0")
          .column("tgenabled", "internal_char", "'O'").column("tgisinternal", "bool", "0")
          .column("tgconstrrelid", "oid", "0").column("tgconstrindid", "oid", "0")
          .column("tgconstraint", "oid", "0").column("tgdeferrable", "bool", "0")
          .column("tginitdeferred", "bool", "0").column("tgnargs", "int2", "0")
          .column("tgattr", "text", "''").column("tgargs", "bytea", "NULL")
          .column("tgqual", "text", "NULL").column("tgoldtable", "name", "NULL")
          .column("tgnewtable", "name", "NULL"),
      CatalogTable.named("pg_description").column("objoid", "oid", "0")
          .column("classoid", "oid", "0").column("objsubid", "int4", "0")
          .column("description", "text", "NULL"),
      CatalogTable.named("pg_auth_members").column("oid", "oid", "0")
          .column("roleid", "oid", "0").column("member", "oid", "0")
          .column("grantor", "oid", "0").column("admin_option", "bool", "0"),
      CatalogTable.named("pg_proc").column("oid", "oid", "0").column("proname", "name", "NULL")
          .column("pronamespace", "oid", "11").column("proowner", "oid", "10")
          .column("prolang", "oid", "12").column("prokind", "internal_char", "'f'")
          .column("proretset", "bool", "0").column("prorettype", "oid", "0")
          .column("pronargs", "int2", "0").column("proargtypes", "text", "''")
          .column("proallargtypes", "text", "NULL").column("proargmodes", "text", "NULL")
          .column("proargnames", "text", "NULL").column("prosrc", "text", "NULL"),
      CatalogTable.named("pg_enum").column("oid", "oid", "0").column("enumtypid", "oid", "0")
          .column("enumsortorder", "float4", "0").column("enumlabel", "name", "NULL"),
      CatalogTable.named("pg_range").column("rngtypid", "oid", "0")
          .column("rngsubtype", "oid", "0").column("rngmultitypid", "oid", "0"),
      CatalogTable.named("pg_rewrite").column("oid", "oid", "0")
          .column("rulename", "name", "NULL").column("ev_class", "oid", "0"),
      CatalogTable.named("pg_depend").column("classid", "oid", "0").column("objid", "oid", "0")
          .column("objsubid", "int4", "0").column("refclassid", "oid", "0")
          .column("refobjid", "oid", "0").column("refobjsubid", "int4", "0")
          .column("deptype", "internal_char", "'n'"),
      CatalogTable.named("pg_extension").column("oid", "oid", "0")
          .column("extname", "name", "NULL").column("extowner", "oid", "10")
          .column("extnamespace", "oid", "11").column("extrelocatable", "bool", "0")
          .column("extversion", "text", "NULL"),
      CatalogTable.named("pg_partitioned_table").column("partrelid", "oid", "0")
          .column("partstrat", "internal_char", "'h'").column("partnatts", "int2", "0"));

  static final CatalogTable PG_TYPE = typeTable();

  /** One row per {@link PgType} and one per array of it. */
  private static CatalogTable typeTable() {
    CatalogTable t = CatalogTable.named("pg_type")
        .column("oid", "oid", "0").column("typname", "name", "NULL")
        .column("typnamespace", "oid", "11").column("typowner", "oid", "10")
        .column("typlen", "int2", "-1").column("typbyval", "bool", "0")
        .column("typtype", "internal_char", "'b'").column("typcategory", "internal_char", "'U'")
        .column("typispreferred", "bool", "0").column("typisdefined", "bool", "1")
        .column("typdelim", "internal_char", "','").column("typrelid", "oid", "0")
        .column("typsubscript", "oid", "0").column("typelem", "oid", "0")
        .column("typarray", "oid", "0").column("typinput", "oid", "0")
        .column("typoutput", "oid", "0").column("typreceive", "oid", "0")
        .column("typsend", "oid", "0").column("typalign", "internal_char", "'i'")
        .column("typstorage", "internal_char", "'p'").column("typnotnull", "bool", "0")
        .column("typbasetype", "oid", "0").column("typtypmod", "int4", "-1")
        .column("typndims", "int4", "0").column("typcollation", "oid", "0")
        .column("typdefault", "text", "NULL").column("typacl", "text", "NULL");
    for (PgType type : PgType.values()) {
      String collation = TypeInfo.collatable(type) ? "100" : "0";
      t.rows(null, "oid", Integer.toString(type.oid()), "typname", "'" + type.typeName() + "'",
          "typlen", Integer.toString(type.size()),
          "typbyval", TypeInfo.byValue(type) ? "1" : "0",
          "typtype", type == PgType.UNKNOWN ? "'p'" : "'b'",
          "typcategory", "'" + TypeInfo.category(type) + "'",
          "typarray", Integer.toString(type.arrayOid()),
          "typalign", "'" + TypeInfo.align(type) + "'",
          "typstorage", "'" + TypeInfo.storage(type) + "'",
          "typcollation", collation);
      if (type.arrayOid() != 0) {
        t.rows(null, "oid", Integer.toString(type.arrayOid()),
            "typname", "'_" + type.typeName() + "'", "typcategory", "'A'",
            "typelem", Integer.toString(type.oid()), "typstorage", "'x'",
            "typsubscript", "1", "typcollation", collation);
      }
    }
    return t;
  }

  static List<CatalogTable> all() {
    List<CatalogTable> all = new ArrayList<>(List.of(PG_NAMESPACE, PG_AM, PG_COLLATION,
        PG_TABLESPACE, ROLE, BOOL, DATABASE, PG_TYPE, PG_SETTINGS));
    all.addAll(EMPTY);
    return all;
  }
}
