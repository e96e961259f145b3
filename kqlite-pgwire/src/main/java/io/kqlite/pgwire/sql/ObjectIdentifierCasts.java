package io.kqlite.pgwire.sql;

import java.util.Map;

/**
 * Casts to PostgreSQL's object identifier types, answered from kqlite's catalog tables. A
 * literal is input ({@code '16442'::regclass} is that OID, {@code 'books'::regclass} the OID of
 * table books); anything else is an OID to show by name, as psql uses them
 * ({@code conrelid::regclass} → {@code books}).
 */
final class ObjectIdentifierCasts {

  /** Per type: the catalog lookup of an OID's name, around the operand. */
  private static final Map<String, String[]> BY_NAME = Map.of(
      "regclass", new String[] {
          "(SELECT kq_r.relname FROM pg_class kq_r WHERE kq_r.oid = (", "))"},
      "regnamespace", new String[] {
          "(SELECT kq_n.nspname FROM pg_namespace kq_n WHERE kq_n.oid = (", "))"},
      "regtype", new String[] {"kq_regtype(", ")"},
      "regproc", new String[] {"(", ")"},
      "regprocedure", new String[] {"(", ")"});

  private ObjectIdentifierCasts() {
  }

  static boolean handles(String type) {
    return BY_NAME.containsKey(type);
  }

  static String prefix(String type) {
    return BY_NAME.get(type)[0];
  }

  static String suffix(String type) {
    return BY_NAME.get(type)[1];
  }

  /** The SQL for {@code 'text'::type}: the OID itself, or a lookup of the named object. */
  static String ofLiteral(String type, String text) {
    String value = text.strip();
    if (value.matches("\\d{1,10}")) {
      return value;
    }
    String name = value;
    int dot = name.lastIndexOf('.');
    if (dot >= 0 && !name.endsWith("\"")) {
      name = name.substring(dot + 1);
    }
    if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
      name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
    } else {
      name = SqlLiterals.foldIdentifier(name);
    }
    String quoted = SqlLiterals.quoteString(name);
    return switch (type) {
      case "regclass" -> "(SELECT kq_r.oid FROM pg_class kq_r WHERE kq_r.relname = " + quoted + ")";
      case "regnamespace" ->
          "(SELECT kq_n.oid FROM pg_namespace kq_n WHERE kq_n.nspname = " + quoted + ")";
      case "regtype" -> "(SELECT kq_t.oid FROM pg_type kq_t WHERE kq_t.typname = " + quoted + ")";
      default -> "0";
    };
  }
}
