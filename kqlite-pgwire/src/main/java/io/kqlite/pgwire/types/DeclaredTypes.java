package io.kqlite.pgwire.types;

import java.util.Locale;
import java.util.Map;

/**
 * Maps what SQLite reports for a result column — the declared type from CREATE TABLE, or for an
 * expression the storage class of its value — to the PostgreSQL type clients should see.
 */
public final class DeclaredTypes {

  private static final Map<String, PgType> NAMES = Map.ofEntries(
      Map.entry("bool", PgType.BOOL), Map.entry("boolean", PgType.BOOL),
      Map.entry("bytea", PgType.BYTEA), Map.entry("blob", PgType.BYTEA),
      Map.entry("smallint", PgType.INT2), Map.entry("int2", PgType.INT2),
      Map.entry("int", PgType.INT4), Map.entry("int4", PgType.INT4),
      Map.entry("integer", PgType.INT4), Map.entry("serial", PgType.INT4),
      Map.entry("bigint", PgType.INT8), Map.entry("int8", PgType.INT8),
      Map.entry("bigserial", PgType.INT8),
      Map.entry("real", PgType.FLOAT4), Map.entry("float4", PgType.FLOAT4),
      Map.entry("double precision", PgType.FLOAT8), Map.entry("float8", PgType.FLOAT8),
      Map.entry("float", PgType.FLOAT8), Map.entry("double", PgType.FLOAT8),
      Map.entry("numeric", PgType.NUMERIC), Map.entry("decimal", PgType.NUMERIC),
      Map.entry("text", PgType.TEXT), Map.entry("varchar", PgType.VARCHAR),
      Map.entry("character varying", PgType.VARCHAR), Map.entry("char", PgType.BPCHAR),
      Map.entry("character", PgType.BPCHAR), Map.entry("bpchar", PgType.BPCHAR),
      Map.entry("name", PgType.NAME),
      Map.entry("date", PgType.DATE), Map.entry("time", PgType.TIME),
      Map.entry("timestamp", PgType.TIMESTAMP),
      Map.entry("timestamp without time zone", PgType.TIMESTAMP),
      Map.entry("timestamptz", PgType.TIMESTAMPTZ),
      Map.entry("timestamp with time zone", PgType.TIMESTAMPTZ),
      Map.entry("interval", PgType.INTERVAL),
      Map.entry("uuid", PgType.UUID), Map.entry("json", PgType.JSON),
      Map.entry("jsonb", PgType.JSONB), Map.entry("oid", PgType.OID),
      // PostgreSQL's one-byte "char" (catalog columns such as relkind); plain CHAR is bpchar.
      Map.entry("internal_char", PgType.CHAR));

  private DeclaredTypes() {}

  /**
   * @param declared e.g. {@code VARCHAR}, {@code integer}, {@code TIMESTAMP WITH TIME ZONE}; for
   *     expressions SQLite's storage class ({@code INTEGER} is then a 64-bit value), or empty
   * @param expression true when the column is an expression, not a table column
   */
  public static PgType of(String declared, boolean expression) {
    String name = declared == null ? "" : declared.trim().toLowerCase(Locale.ROOT);
    int paren = name.indexOf('(');
    if (paren >= 0) {
      name = name.substring(0, paren).trim();
    }
    if (expression) {
      return switch (name) {
        case "integer" -> PgType.INT8;
        case "float", "real" -> PgType.FLOAT8;
        case "blob" -> PgType.BYTEA;
        default -> PgType.TEXT;
      };
    }
    PgType type = NAMES.get(name);
    if (type != null) {
      return type;
    }
    // SQLite's affinity rules, for declared names PostgreSQL would not know either.
    if (name.contains("int")) {
      return PgType.INT8;
    }
    if (name.contains("char") || name.contains("clob") || name.contains("text")) {
      return PgType.TEXT;
    }
    if (name.contains("real") || name.contains("floa") || name.contains("doub")) {
      return PgType.FLOAT8;
    }
    return PgType.TEXT;
  }
}
