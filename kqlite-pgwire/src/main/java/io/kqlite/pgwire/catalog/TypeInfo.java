package io.kqlite.pgwire.catalog;

import io.kqlite.pgwire.types.ArrayValues;
import io.kqlite.pgwire.types.DeclaredTypes;
import io.kqlite.pgwire.types.PgType;
import java.util.Locale;

/**
 * What the catalog says about a type: derived from {@link PgType} (the one type registry) and,
 * for table columns, from the declared type SQLite keeps ({@code varchar(100)},
 * {@code numeric(8,2)}), whose modifiers become PostgreSQL's {@code atttypmod}.
 */
final class TypeInfo {

  /** PostgreSQL's header added to a length or precision in typmod. */
  private static final int VARHDRSZ = 4;
  static final int DEFAULT_COLLATION = 100;

  private TypeInfo() {
  }

  /** The type a column declared as {@code declared} has in PostgreSQL. */
  static PgType ofDeclared(String declared) {
    return DeclaredTypes.of(declared, false);
  }

  /** atttypmod for a declared type: -1 unless it carries a length or precision. */
  static int typmod(String declared) {
    if (declared == null) {
      return -1;
    }
    int open = declared.indexOf('(');
    int close = declared.lastIndexOf(')');
    if (open < 0 || close < open) {
      return -1;
    }
    String[] args = declared.substring(open + 1, close).split(",");
    try {
      int first = Integer.parseInt(args[0].trim());
      switch (ofDeclared(declared)) {
        case VARCHAR, BPCHAR:
          return first + VARHDRSZ;
        case NUMERIC:
          int scale = args.length > 1 ? Integer.parseInt(args[1].trim()) : 0;
          return ((first << 16) | scale) + VARHDRSZ;
        default:
          return -1;
      }
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** PostgreSQL's format_type(oid, typmod): the SQL name, with modifiers when typmod has them. */
  static String formatType(Long oid, Long typmod) {
    if (oid == null) {
      return null;
    }
    if (oid == 0) {
      return "-"; // no type: PostgreSQL's format_type(0, NULL) and 0::regtype
    }
    PgType type = PgType.byOid(oid.intValue());
    if (type == null) {
      PgType element = elementOf(oid.intValue());
      return element == null ? "???" : formatType((long) element.oid(), typmod) + "[]";
    }
    int mod = typmod == null ? -1 : typmod.intValue();
    return switch (type) {
      case BOOL -> "boolean";
      case CHAR -> "\"char\"";
      case INT8 -> "bigint";
      case INT2 -> "smallint";
      case INT4 -> "integer";
      case FLOAT4 -> "real";
      case FLOAT8 -> "double precision";
      case BPCHAR -> mod >= VARHDRSZ ? "character(" + (mod - VARHDRSZ) + ")" : "bpchar";
      case VARCHAR -> mod >= VARHDRSZ
          ? "character varying(" + (mod - VARHDRSZ) + ")" : "character varying";
      case NUMERIC -> mod >= VARHDRSZ
          ? "numeric(" + ((mod - VARHDRSZ) >> 16) + "," + ((mod - VARHDRSZ) & 0xffff) + ")"
          : "numeric";
      case TIME -> "time without time zone";
      case TIMESTAMP -> "timestamp without time zone";
      case TIMESTAMPTZ -> "timestamp with time zone";
      default -> type.typeName();
    };
  }

  static PgType elementOf(int arrayOid) {
    return ArrayValues.elementOf(arrayOid);
  }

  static boolean byValue(PgType type) {
    int size = type.size();
    return size == 1 || size == 2 || size == 4 || size == 8;
  }

  /** typstorage: p plain for fixed length, m main for numeric, x extended otherwise. */
  static String storage(PgType type) {
    if (type.size() > 0) {
      return "p";
    }
    return type == PgType.NUMERIC ? "m" : "x";
  }

  static String align(PgType type) {
    return switch (type.size()) {
      case 1, 64 -> "c";
      case 2 -> "s";
      case 8, 16 -> "d";
      default -> "i";
    };
  }

  static boolean collatable(PgType type) {
    return switch (type) {
      case TEXT, VARCHAR, BPCHAR, NAME -> true;
      default -> false;
    };
  }

  /** typcategory, which drivers use to group types. */
  static String category(PgType type) {
    return switch (type) {
      case BOOL -> "B";
      case CHAR, NAME, TEXT, BPCHAR, VARCHAR -> "S";
      case INT2, INT4, INT8, OID, FLOAT4, FLOAT8, NUMERIC -> "N";
      case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> "D";
      case INTERVAL -> "T";
      case UNKNOWN -> "X";
      default -> "U";
    };
  }

  /** One property of a declared column type, for the catalog's SQL (see kq_type). */
  static Object property(String declared, String property) {
    PgType type = ofDeclared(declared);
    return switch (property.toLowerCase(Locale.ROOT)) {
      case "oid" -> (long) type.oid();
      case "typmod" -> (long) typmod(declared);
      case "len" -> (long) type.size();
      case "byval" -> byValue(type) ? 1L : 0L;
      case "storage" -> storage(type);
      case "align" -> align(type);
      case "collation" -> collatable(type) ? (long) DEFAULT_COLLATION : 0L;
      case "format" -> formatType((long) type.oid(), (long) typmod(declared));
      default -> throw new IllegalArgumentException("no type property " + property);
    };
  }
}
