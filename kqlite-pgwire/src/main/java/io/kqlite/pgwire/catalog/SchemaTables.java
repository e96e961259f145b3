package io.kqlite.pgwire.catalog;

import java.util.List;

/**
 * The catalog tables derived from the SQLite schema: relations, columns, indexes, constraints and
 * defaults, read from {@code sqlite_schema} and the {@code pragma_*} table-valued functions each
 * time the schema changes. SQLite's own objects, kqlite's {@code kqlite_applied} and COPY staging tables are hidden;
 * the indexes SQLite makes for PRIMARY KEY and UNIQUE (or none, for an INTEGER PRIMARY KEY) are
 * shown under PostgreSQL's names {@code t_pkey} and {@code t_col_key}, with their constraints.
 *
 * <p>The {@code kq_} tables are intermediate results the {@code pg_} tables are built from.
 */
final class SchemaTables {

  static final String PUBLIC_OID = "2200";
  static final String OWNER_OID = "10";

  private static final String INDEX_NAME = "CASE il.origin WHEN 'pk' THEN r.name || '_pkey'"
      + " WHEN 'u' THEN r.name || '_' || (SELECT group_concat(ii.name, '_') FROM"
      + " (SELECT name FROM pragma_index_info(il.name) ORDER BY seqno) ii) || '_key'"
      + " ELSE il.name END";
  private static final String FK_NAME = "r.name || '_' || group_concat(f.\"from\", '_') || '_fkey'";
  private static final String FK_TO =
      "coalesce(f.\"to\", (SELECT p.name FROM pragma_table_info(f.\"table\") p WHERE p.pk = f.seq + 1))";

  /** The rowid-alias column of a table declared with AUTOINCREMENT. */
  private static final String AUTOINCREMENT_COLUMN = autoincrementColumn("r");
  /** The sequence PostgreSQL would own for a serial column: {@code t_col_seq}. */
  private static final String SERIAL_SEQUENCE = "s.name || '_' || p.name || '_seq'";
  private static final String SERIAL_COLUMNS = "main.sqlite_schema s, pragma_table_info(s.name) p"
      + " WHERE s.name NOT LIKE 'sqlite^_%' ESCAPE '^' AND " + autoincrementColumn("s");

  /** A column's declared type, a bigint/smallint rowid alias's from its marker. */
  private static final String DECLARED_TYPE = "kq_declared_type(r.sql, p.name, p.type)";

  private SchemaTables() {
  }

  static final CatalogTable RELATION = CatalogTable.named("kq_relation")
      .column("oid", "oid", "0").column("name", "text", "NULL").column("type", "text", "NULL")
      .column("sql", "text", "NULL")
      .rows("main.sqlite_schema s WHERE s.type IN ('table', 'view')"
              + " AND s.name NOT LIKE 'sqlite^_%' ESCAPE '^'"
              + " AND s.name NOT IN ('kqlite_applied', 'kqlite_sequences', 'kqlite_parts')"
              + " AND s.name NOT LIKE 'kqlite^_copy^_%' ESCAPE '^'",
          "oid", "kq_oid(s.name)", "name", "s.name", "type", "s.type", "sql", "s.sql")
      .rows("main.kqlite_sequences q", "oid", "kq_oid(q.name)", "name", "q.name", "type", "'sequence'")
      .rows(SERIAL_COLUMNS, "oid", "kq_oid(" + SERIAL_SEQUENCE + ")", "name", SERIAL_SEQUENCE,
          "type", "'sequence'");

  /** Sequences live as rows of kqlite_sequences (see the store's Sequences). */
  static final CatalogTable PG_SEQUENCE = CatalogTable.named("pg_sequence")
      .column("seqrelid", "oid", "0").column("seqtypid", "oid", "20").column("seqstart", "int8", "1")
      .column("seqincrement", "int8", "1").column("seqmax", "int8", "0")
      .column("seqmin", "int8", "1").column("seqcache", "int8", "1")
      .column("seqcycle", "bool", "0")
      .rows("main.kqlite_sequences q",
          "seqrelid", "kq_oid(q.name)",
          "seqtypid", "CASE q.data_type WHEN 'smallint' THEN 21 WHEN 'integer' THEN 23 ELSE 20 END",
          "seqstart", "q.start_value", "seqincrement", "q.increment", "seqmax", "q.max_value",
          "seqmin", "q.min_value", "seqcache", "q.cache_size", "seqcycle", "q.cycle")
      .rows(SERIAL_COLUMNS,
          "seqrelid", "kq_oid(" + SERIAL_SEQUENCE + ")",
          "seqtypid", "kq_type(kq_declared_type(s.sql, p.name, p.type), 'oid')",
          "seqmax", "CASE kq_declared_type(s.sql, p.name, p.type) WHEN 'INT2' THEN 32767"
              + " WHEN 'INT8' THEN 9223372036854775807 ELSE 2147483647 END");

  static final CatalogTable INDEX = CatalogTable.named("kq_index")
      .column("oid", "oid", "0").column("name", "text", "NULL")
      .column("sqlite_name", "text", "NULL").column("tbl", "text", "NULL")
      .column("tbloid", "oid", "0").column("isunique", "bool", "1")
      .column("isprimary", "bool", "0").column("origin", "text", "'pk'")
      .column("predicate", "text", "NULL").column("items", "text", "NULL")
      .rows("kq_relation r, pragma_index_list(r.name) il WHERE r.type = 'table'",
          "oid", "kq_oid(" + INDEX_NAME + ")", "name", INDEX_NAME, "sqlite_name", "il.name",
          "tbl", "r.name", "tbloid", "r.oid", "isunique", "il.\"unique\"",
          "isprimary", "il.origin = 'pk'", "origin", "il.origin",
          "predicate", "kq_index_predicate((SELECT s.sql FROM main.sqlite_schema s"
              + " WHERE s.type = 'index' AND s.name = il.name))",
          "items", "kq_index_items((SELECT s.sql FROM main.sqlite_schema s"
              + " WHERE s.type = 'index' AND s.name = il.name))")
      // An INTEGER PRIMARY KEY is the rowid itself: SQLite has no index for it, PostgreSQL does.
      .rows("kq_relation r WHERE r.type = 'table'"
              + " AND EXISTS (SELECT 1 FROM pragma_table_info(r.name) p WHERE p.pk > 0)"
              + " AND NOT EXISTS (SELECT 1 FROM pragma_index_list(r.name) il WHERE il.origin = 'pk')",
          "oid", "kq_oid(r.name || '_pkey')", "name", "r.name || '_pkey'", "tbl", "r.name",
          "tbloid", "r.oid", "isprimary", "1");

  static final CatalogTable INDEX_COLUMN = CatalogTable.named("kq_index_column")
      .column("indexoid", "oid", "0").column("tbloid", "oid", "0").column("n", "int4", "0")
      .column("attnum", "int2", "0").column("name", "text", "NULL")
      .rows("kq_index x, pragma_index_info(x.sqlite_name) ii WHERE x.sqlite_name IS NOT NULL",
          "indexoid", "x.oid", "tbloid", "x.tbloid", "n", "ii.seqno + 1", "attnum", "ii.cid + 1",
          "name", "ii.name")
      .rows("kq_index x, pragma_table_info(x.tbl) p WHERE x.sqlite_name IS NULL AND p.pk > 0",
          "indexoid", "x.oid", "tbloid", "x.tbloid", "n", "p.pk", "attnum", "p.cid + 1",
          "name", "p.name");

  static final CatalogTable FOREIGN_KEY = CatalogTable.named("kq_foreign_key")
      .column("oid", "oid", "0").column("name", "text", "NULL").column("tbloid", "oid", "0")
      .column("reftbl", "text", "NULL").column("refoid", "oid", "0")
      .column("fromcols", "text", "NULL").column("tocols", "text", "NULL")
      .column("conkey", "text", "NULL").column("confkey", "text", "NULL")
      .column("on_update", "text", "NULL").column("on_delete", "text", "NULL")
      .rows("kq_relation r, pragma_foreign_key_list(r.name) f WHERE r.type = 'table'"
              + " GROUP BY r.name, f.id",
          "oid", "kq_oid('pg_constraint', r.name, " + FK_NAME + ")", "name", FK_NAME,
          "tbloid", "r.oid", "reftbl", "f.\"table\"",
          "refoid", "(SELECT r2.oid FROM kq_relation r2 WHERE r2.name = f.\"table\" COLLATE NOCASE)",
          "fromcols", "group_concat(f.\"from\", ', ')", "tocols", "group_concat(" + FK_TO + ", ', ')",
          "conkey", "'{' || group_concat((SELECT p.cid + 1 FROM pragma_table_info(r.name) p"
              + " WHERE p.name = f.\"from\"), ',') || '}'",
          "confkey", "'{' || group_concat((SELECT p.cid + 1 FROM pragma_table_info(f.\"table\") p"
              + " WHERE p.name = " + FK_TO + "), ',') || '}'",
          "on_update", "f.on_update", "on_delete", "f.on_delete");

  /** CHECK constraints, parsed from the CREATE TABLE text (see {@link CheckConstraints}). */
  static final CatalogTable CHECK = CatalogTable.named("kq_check")
      .column("oid", "oid", "0").column("name", "text", "NULL").column("tbloid", "oid", "0")
      .column("expression", "text", "NULL").column("attnum", "int2", "0")
      .rows("kq_relation r, json_each(kq_checks(r.name, r.sql)) j WHERE r.type = 'table'",
          "oid", "kq_oid('pg_constraint', r.name, json_extract(j.value, '$[0]'))",
          "name", "json_extract(j.value, '$[0]')", "tbloid", "r.oid",
          "expression", "json_extract(j.value, '$[1]')",
          "attnum", "json_extract(j.value, '$[2]')");

  private static final String INDEX_COLUMNS = "(SELECT group_concat(quote_ident(c.name), ', ')"
      + " FROM (SELECT name FROM kq_index_column WHERE indexoid = x.oid ORDER BY n) c)";

  /**
   * pg_get_indexdef(oid, 0, ...) text, looked up by the translator's rewrite. Neither a column
   * nor a rowid is called {@code oid}, so an unqualified {@code oid} argument means the outer
   * row's.
   */
  static final CatalogTable INDEX_DEF = CatalogTable.named("kq_indexdef").withoutRowid("kq_key")
      .column("kq_key", "oid", "0").column("indexdef", "text", "NULL")
      .rows("kq_index x",
          "kq_key", "x.oid",
          "indexdef", "'CREATE ' || CASE WHEN x.isunique THEN 'UNIQUE ' ELSE '' END || 'INDEX '"
              + " || quote_ident(x.name) || ' ON public.' || quote_ident(x.tbl)"
              + " || ' USING btree (' || coalesce(x.items, " + INDEX_COLUMNS + ") || ')'"
              + " || coalesce(' WHERE ' || x.predicate, '')");

  /** pg_get_constraintdef(oid) text, looked up by the translator's rewrite. */
  static final CatalogTable CONSTRAINT_DEF = CatalogTable.named("kq_constraintdef").withoutRowid("kq_key")
      .column("kq_key", "oid", "0").column("condef", "text", "NULL")
      .rows("kq_index x WHERE x.origin IN ('pk', 'u')",
          "kq_key", "kq_oid('pg_constraint', x.tbl, x.name)",
          "condef", "CASE WHEN x.isprimary THEN 'PRIMARY KEY (' ELSE 'UNIQUE (' END || "
              + INDEX_COLUMNS + " || ')'")
      .rows("kq_check c", "kq_key", "c.oid", "condef", "'CHECK (' || c.expression || ')'")
      .rows("kq_foreign_key f",
          "kq_key", "f.oid",
          "condef", "'FOREIGN KEY (' || f.fromcols || ') REFERENCES ' || quote_ident(f.reftbl)"
              + " || '(' || f.tocols || ')'"
              + " || CASE f.on_update WHEN 'NO ACTION' THEN '' ELSE ' ON UPDATE ' || f.on_update END"
              + " || CASE f.on_delete WHEN 'NO ACTION' THEN '' ELSE ' ON DELETE ' || f.on_delete END");

  /** pg_get_viewdef text: the view's query as it was written. */
  static final CatalogTable VIEW_DEF = CatalogTable.named("kq_viewdef").withoutRowid("kq_key")
      .column("kq_key", "oid", "0").column("definition", "text", "NULL")
      .rows("kq_relation r WHERE r.type = 'view'",
          "kq_key", "r.oid", "definition", "kq_view_definition(r.sql)");

  /** Which SQLite b-tree holds each relation, for the size functions (tbloid: the table). */
  static final CatalogTable STORAGE = CatalogTable.named("kq_storage")
      .column("kq_key", "oid", "0").column("tbloid", "oid", "0")
      .column("sqlite_name", "text", "NULL")
      .rows("kq_relation r", "kq_key", "r.oid", "tbloid", "r.oid",
          "sqlite_name", "CASE r.type WHEN 'table' THEN r.name END")
      .rows("kq_index x", "kq_key", "x.oid", "tbloid", "x.tbloid", "sqlite_name", "x.sqlite_name");

  static final CatalogTable PG_CLASS = CatalogTable.named("pg_class")
      .column("oid", "oid", "0").column("relname", "name", "NULL")
      .column("relnamespace", "oid", PUBLIC_OID).column("reltype", "oid", "0")
      .column("reloftype", "oid", "0").column("relowner", "oid", OWNER_OID)
      .column("relam", "oid", "0").column("relfilenode", "oid", "0")
      .column("reltablespace", "oid", "0").column("relpages", "int4", "0")
      .column("reltuples", "float4", "-1").column("relallvisible", "int4", "0")
      .column("reltoastrelid", "oid", "0").column("relhasindex", "bool", "0")
      .column("relisshared", "bool", "0").column("relpersistence", "internal_char", "'p'")
      .column("relkind", "internal_char", "'r'").column("relnatts", "int2", "0")
      .column("relchecks", "int2", "0").column("relhasrules", "bool", "0")
      .column("relhastriggers", "bool", "0").column("relhassubclass", "bool", "0")
      .column("relrowsecurity", "bool", "0").column("relforcerowsecurity", "bool", "0")
      .column("relispopulated", "bool", "1").column("relreplident", "internal_char", "'n'")
      .column("relispartition", "bool", "0").column("relrewrite", "oid", "0")
      .column("relfrozenxid", "int8", "0").column("relminmxid", "int8", "0")
      .column("relacl", "text", "NULL").column("reloptions", "text", "NULL")
      .column("relpartbound", "text", "NULL")
      .rows("kq_relation r",
          "oid", "r.oid", "relname", "r.name",
          "relam", "CASE r.type WHEN 'table' THEN 2 ELSE 0 END",
          "relhasindex", "EXISTS (SELECT 1 FROM kq_index x WHERE x.tbloid = r.oid)",
          "relkind", "CASE r.type WHEN 'table' THEN 'r' WHEN 'sequence' THEN 'S' ELSE 'v' END",
          "relnatts", "CASE r.type WHEN 'sequence' THEN 3 ELSE (SELECT count(*) FROM pragma_table_info(r.name)) END",
          "relchecks", "(SELECT count(*) FROM kq_check c WHERE c.tbloid = r.oid)",
          "relhasrules", "r.type = 'view'",
          // PostgreSQL implements foreign keys with triggers on both tables.
          "relhastriggers", "EXISTS (SELECT 1 FROM kq_foreign_key f"
              + " WHERE f.tbloid = r.oid OR f.refoid = r.oid)",
          "relreplident", "CASE r.type WHEN 'table' THEN 'd' ELSE 'n' END")
      .rows("kq_index x",
          "oid", "x.oid", "relname", "x.name", "relam", "403", "relkind", "'i'", "reltuples", "0", "relpages", "1",
          "relnatts", "(SELECT count(*) FROM kq_index_column c WHERE c.indexoid = x.oid)");

  static final CatalogTable PG_ATTRIBUTE = CatalogTable.named("pg_attribute")
      .column("attrelid", "oid", "0").column("attname", "name", "NULL")
      .column("atttypid", "oid", "0").column("attstattarget", "int4", "-1")
      .column("attlen", "int2", "-1").column("attnum", "int2", "0")
      .column("attndims", "int4", "0").column("attcacheoff", "int4", "-1")
      .column("atttypmod", "int4", "-1").column("attbyval", "bool", "0")
      .column("attalign", "internal_char", "'i'").column("attstorage", "internal_char", "'x'")
      .column("attcompression", "internal_char", "''").column("attnotnull", "bool", "0")
      .column("atthasdef", "bool", "0").column("atthasmissing", "bool", "0")
      .column("attidentity", "internal_char", "''").column("attgenerated", "internal_char", "''")
      .column("attisdropped", "bool", "0").column("attislocal", "bool", "1")
      .column("attinhcount", "int4", "0").column("attcollation", "oid", "0")
      .column("attacl", "text", "NULL").column("attoptions", "text", "NULL")
      .column("attfdwoptions", "text", "NULL").column("attmissingval", "text", "NULL")
      .rows("kq_relation r, pragma_table_info(r.name) p",
          "attrelid", "r.oid", "attname", "p.name", "atttypid", "kq_type(" + DECLARED_TYPE + ", 'oid')",
          "attlen", "kq_type(" + DECLARED_TYPE + ", 'len')", "attnum", "p.cid + 1",
          "atttypmod", "kq_type(" + DECLARED_TYPE + ", 'typmod')", "attbyval", "kq_type(" + DECLARED_TYPE + ", 'byval')",
          "attalign", "kq_type(" + DECLARED_TYPE + ", 'align')", "attstorage", "kq_type(" + DECLARED_TYPE + ", 'storage')",
          "attnotnull", "p.\"notnull\" OR (p.pk > 0 AND r.type = 'table')",
          "atthasdef", "p.dflt_value IS NOT NULL OR (" + AUTOINCREMENT_COLUMN + ")",
          "attcollation", "kq_type(" + DECLARED_TYPE + ", 'collation')")
      .rows("kq_index_column c JOIN kq_relation r ON r.oid = c.tbloid"
              + " JOIN pragma_table_info(r.name) p ON p.cid + 1 = c.attnum",
          "attrelid", "c.indexoid", "attname", "c.name", "atttypid", "kq_type(" + DECLARED_TYPE + ", 'oid')",
          "attlen", "kq_type(" + DECLARED_TYPE + ", 'len')", "attnum", "c.n",
          "atttypmod", "kq_type(" + DECLARED_TYPE + ", 'typmod')", "attbyval", "kq_type(" + DECLARED_TYPE + ", 'byval')",
          "attalign", "kq_type(" + DECLARED_TYPE + ", 'align')", "attstorage", "kq_type(" + DECLARED_TYPE + ", 'storage')",
          "attcollation", "kq_type(" + DECLARED_TYPE + ", 'collation')");

  static final CatalogTable PG_ATTRDEF = CatalogTable.named("pg_attrdef")
      .column("oid", "oid", "0").column("adrelid", "oid", "0").column("adnum", "int2", "0")
      .column("adbin", "text", "NULL")
      .rows("kq_relation r, pragma_table_info(r.name) p WHERE p.dflt_value IS NOT NULL",
          "oid", "kq_oid('pg_attrdef', r.name, p.name)", "adrelid", "r.oid", "adnum", "p.cid + 1",
          "adbin", "kq_default_expr(p.dflt_value, p.type)")
      // serial columns became INTEGER PRIMARY KEY AUTOINCREMENT; PostgreSQL shows their sequence.
      .rows("kq_relation r, pragma_table_info(r.name) p WHERE " + AUTOINCREMENT_COLUMN,
          "oid", "kq_oid('pg_attrdef', r.name, p.name)", "adrelid", "r.oid", "adnum", "p.cid + 1",
          "adbin", "'nextval(' || quote(r.name || '_' || p.name || '_seq') || '::regclass)'");

  static final CatalogTable PG_INDEX = CatalogTable.named("pg_index")
      .column("indexrelid", "oid", "0").column("indrelid", "oid", "0")
      .column("indnatts", "int2", "0").column("indnkeyatts", "int2", "0")
      .column("indisunique", "bool", "0").column("indnullsnotdistinct", "bool", "0")
      .column("indisprimary", "bool", "0").column("indisexclusion", "bool", "0")
      .column("indimmediate", "bool", "1").column("indisclustered", "bool", "0")
      .column("indisvalid", "bool", "1").column("indcheckxmin", "bool", "0")
      .column("indisready", "bool", "1").column("indislive", "bool", "1")
      .column("indisreplident", "bool", "0").column("indkey", "text", "''")
      .column("indcollation", "text", "''").column("indclass", "text", "''")
      .column("indoption", "text", "''").column("indexprs", "text", "NULL")
      .column("indpred", "text", "NULL")
      .rows("kq_index x",
          "indexrelid", "x.oid", "indrelid", "x.tbloid",
          "indnatts", "(SELECT count(*) FROM kq_index_column c WHERE c.indexoid = x.oid)",
          "indnkeyatts", "(SELECT count(*) FROM kq_index_column c WHERE c.indexoid = x.oid)",
          "indisunique", "x.isunique", "indisprimary", "x.isprimary",
          "indkey", "(SELECT group_concat(c.attnum, ' ') FROM"
              + " (SELECT attnum FROM kq_index_column WHERE indexoid = x.oid ORDER BY n) c)",
          "indoption", "(SELECT group_concat(0, ' ') FROM kq_index_column c WHERE c.indexoid = x.oid)",
          "indpred", "x.predicate");

  static final CatalogTable PG_CONSTRAINT = CatalogTable.named("pg_constraint")
      .column("oid", "oid", "0").column("conname", "name", "NULL")
      .column("connamespace", "oid", PUBLIC_OID).column("contype", "internal_char", "'p'")
      .column("condeferrable", "bool", "0").column("condeferred", "bool", "0")
      .column("convalidated", "bool", "1").column("conrelid", "oid", "0")
      .column("contypid", "oid", "0").column("conindid", "oid", "0")
      .column("conparentid", "oid", "0").column("confrelid", "oid", "0")
      .column("confupdtype", "internal_char", "' '").column("confdeltype", "internal_char", "' '")
      .column("confmatchtype", "internal_char", "' '").column("conislocal", "bool", "1")
      .column("coninhcount", "int4", "0").column("connoinherit", "bool", "1")
      .column("conkey", "text", "NULL").column("confkey", "text", "NULL")
      .column("conpfeqop", "text", "NULL").column("conppeqop", "text", "NULL")
      .column("conffeqop", "text", "NULL").column("confdelsetcols", "text", "NULL")
      .column("conexclop", "text", "NULL").column("conbin", "text", "NULL")
      .rows("kq_index x WHERE x.origin IN ('pk', 'u')",
          "oid", "kq_oid('pg_constraint', x.tbl, x.name)", "conname", "x.name",
          "contype", "CASE WHEN x.isprimary THEN 'p' ELSE 'u' END", "conrelid", "x.tbloid",
          "conindid", "x.oid",
          "conkey", "'{' || (SELECT group_concat(c.attnum, ',') FROM"
              + " (SELECT attnum FROM kq_index_column WHERE indexoid = x.oid ORDER BY n) c) || '}'")
      .rows("kq_check c",
          "oid", "c.oid", "conname", "c.name", "contype", "'c'", "conrelid", "c.tbloid",
          "connoinherit", "0",
          "conkey", "CASE WHEN c.attnum > 0 THEN '{' || c.attnum || '}' END")
      .rows("kq_foreign_key f",
          "oid", "f.oid", "conname", "f.name", "contype", "'f'", "conrelid", "f.tbloid",
          "conindid", "coalesce((SELECT x.oid FROM kq_index x WHERE x.tbloid = f.refoid"
              + " AND x.isprimary), 0)",
          "confrelid", "f.refoid", "confupdtype", action("f.on_update"),
          "confdeltype", action("f.on_delete"), "confmatchtype", "'s'",
          "conkey", "f.conkey", "confkey", "f.confkey");

  /** In the order they must be filled: later tables read earlier ones. */
  static List<CatalogTable> all() {
    return List.of(RELATION, INDEX, INDEX_COLUMN, FOREIGN_KEY, CHECK, INDEX_DEF, CONSTRAINT_DEF,
        VIEW_DEF, STORAGE, PG_CLASS, PG_ATTRIBUTE, PG_ATTRDEF, PG_INDEX, PG_CONSTRAINT, PG_SEQUENCE);
  }

  private static String autoincrementColumn(String table) {
    String t = table + ".";
    return t + "type = 'table' AND p.pk = 1"
        + " AND upper(p.type) = 'INTEGER' AND upper(" + t + "sql) LIKE '%AUTOINCREMENT%'"
        + " AND (SELECT count(*) FROM pragma_table_info(" + t + "name) k WHERE k.pk > 0) = 1";
  }

  private static String action(String column) {
    return "CASE " + column + " WHEN 'CASCADE' THEN 'c' WHEN 'SET NULL' THEN 'n'"
        + " WHEN 'SET DEFAULT' THEN 'd' WHEN 'RESTRICT' THEN 'r' ELSE 'a' END";
  }
}
