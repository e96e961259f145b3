package io.kqlite.pgwire.types;

import java.util.HashMap;
import java.util.Map;

/**
 * The PostgreSQL types kqlite speaks, with their real OIDs (clients look types up by OID).
 * One registry: RowDescription, ParameterDescription and value encoding all read from here.
 */
public enum PgType {
  BOOL(16, "bool", 1, 1000),
  BYTEA(17, "bytea", -1, 1001),
  CHAR(18, "char", 1, 1002),
  NAME(19, "name", 64, 1003),
  INT8(20, "int8", 8, 1016),
  INT2(21, "int2", 2, 1005),
  INT4(23, "int4", 4, 1007),
  TEXT(25, "text", -1, 1009),
  OID(26, "oid", 4, 1028),
  JSON(114, "json", -1, 199),
  FLOAT4(700, "float4", 4, 1021),
  FLOAT8(701, "float8", 8, 1022),
  UNKNOWN(705, "unknown", -2, 0),
  BPCHAR(1042, "bpchar", -1, 1014),
  VARCHAR(1043, "varchar", -1, 1015),
  DATE(1082, "date", 4, 1182),
  TIME(1083, "time", 8, 1183),
  TIMESTAMP(1114, "timestamp", 8, 1115),
  TIMESTAMPTZ(1184, "timestamptz", 8, 1185),
  INTERVAL(1186, "interval", 16, 1187),
  NUMERIC(1700, "numeric", -1, 1231),
  UUID(2950, "uuid", 16, 2951),
  JSONB(3802, "jsonb", -1, 3807);

  private static final Map<Integer, PgType> BY_OID = new HashMap<>();

  static {
    for (PgType type : values()) {
      BY_OID.put(type.oid, type);
    }
  }

  private final int oid;
  private final String typeName;
  private final int size;
  private final int arrayOid;

  PgType(int oid, String typeName, int size, int arrayOid) {
    this.oid = oid;
    this.typeName = typeName;
    this.size = size;
    this.arrayOid = arrayOid;
  }

  public int oid() {
    return oid;
  }

  public String typeName() {
    return typeName;
  }

  /** pg_type.typlen: bytes, or -1 for variable length. */
  public int size() {
    return size;
  }

  public int arrayOid() {
    return arrayOid;
  }

  /** The type for an OID a client sent; OID 0 (unspecified) and unknown OIDs give null. */
  public static PgType byOid(int oid) {
    return BY_OID.get(oid);
  }
}
