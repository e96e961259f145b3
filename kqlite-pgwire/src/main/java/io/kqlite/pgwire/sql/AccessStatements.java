package io.kqlite.pgwire.sql;

import io.kqlite.pgwire.sql.StatementDetail.Grant;
import io.kqlite.pgwire.sql.StatementDetail.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses role and privilege statements into {@link Role} and {@link Grant}: the subset of
 * PostgreSQL's grammar kqlite enforces. Anything beyond it is refused (0A000) rather than
 * accepted and ignored, since a silently dropped REVOKE would leave access open.
 */
final class AccessStatements {

  private static final Set<String> TABLE_PRIVILEGES =
      Set.of("select", "insert", "update", "delete", "truncate");
  private static final List<String> ALL_TABLE_PRIVILEGES =
      List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE");

  private AccessStatements() {
  }

  static StatementDetail parse(Words w) {
    String first = w.word(0);
    return switch (first) {
      case "create" -> role(w, Role.Op.CREATE);
      case "alter" -> role(w, Role.Op.ALTER);
      case "drop" -> drop(w);
      case "grant" -> grant(w, true);
      case "revoke" -> grant(w, false);
      default -> throw SqlTranslationException.syntaxErrorAt(w.get(0));
    };
  }

  /** CREATE|ALTER ROLE|USER name [WITH] [LOGIN|NOLOGIN|SUPERUSER|NOSUPERUSER|[ENCRYPTED] PASSWORD 'x'|NULL]… */
  private static Role role(Words w, Role.Op op) {
    boolean user = w.isWord(1, "user");
    String name = w.identifier(2);
    int i = 3;
    if (w.isWord(i, "with")) {
      i++;
    }
    if (op == Role.Op.ALTER && (w.isWord(3, "rename") || w.isWord(3, "set") || w.isWord(3, "reset"))) {
      throw SqlTranslationException.notSupported("ALTER ROLE " + w.word(3).toUpperCase(Locale.ROOT));
    }
    Boolean login = op == Role.Op.CREATE ? user : null;
    Boolean superuser = null;
    String password = null;
    boolean setsPassword = false;
    while (i < w.size()) {
      String option = w.word(i);
      if (option == null) {
        throw SqlTranslationException.syntaxErrorAt(w.get(i));
      }
      switch (option) {
        case "login", "nologin" -> login = option.equals("login");
        case "superuser", "nosuperuser" -> superuser = option.equals("superuser");
        case "encrypted", "password" -> {
          if (option.equals("encrypted")) {
            i++;
            if (!w.isWord(i, "password")) {
              throw SqlTranslationException.syntaxErrorAt(w.get(i));
            }
          }
          i++;
          Token value = w.get(i);
          setsPassword = true;
          if (w.isWord(i, "null")) {
            password = null;
          } else if (value != null && (value.type() == Token.Type.STRING
              || value.type() == Token.Type.DOLLAR_STRING)) {
            password = SqlLiterals.stringValue(value);
          } else {
            throw SqlTranslationException.syntaxErrorAt(value);
          }
        }
        default -> throw SqlTranslationException.notSupported("role option " + option.toUpperCase(Locale.ROOT));
      }
      i++;
    }
    return new Role(op, name, false, login, superuser, password, setsPassword);
  }

  /** DROP ROLE|USER [IF EXISTS] name. */
  private static Role drop(Words w) {
    boolean ifExists = w.isIfExists(2);
    int i = ifExists ? 4 : 2;
    String name = w.identifier(i);
    if (w.isSymbol(i + 1, ",")) {
      throw SqlTranslationException.notSupported("DROP ROLE with several roles");
    }
    if (i + 1 < w.size()) {
      throw SqlTranslationException.syntaxErrorAt(w.get(i + 1));
    }
    return new Role(Role.Op.DROP, name, ifExists, null, null, null, false);
  }

  /**
   * GRANT privileges ON [TABLE] t[, …] TO role[, …] / ON DATABASE d[, …];
   * REVOKE privileges ON … FROM role[, …] [CASCADE|RESTRICT].
   */
  private static Grant grant(Words w, boolean grant) {
    int i = 1;
    List<String> privileges = new ArrayList<>();
    if (w.isWord(i, "all")) {
      i++;
      if (w.isWord(i, "privileges")) {
        i++;
      }
      privileges.add("ALL");
    } else {
      while (true) {
        String privilege = w.word(i);
        if (privilege == null || !(TABLE_PRIVILEGES.contains(privilege) || privilege.equals("connect"))) {
          throw privilege != null && !privilege.equals("on")
              ? SqlTranslationException.notSupported("privilege " + privilege.toUpperCase(Locale.ROOT))
              : SqlTranslationException.syntaxErrorAt(w.get(i));
        }
        if (w.isSymbol(i + 1, "(")) {
          throw SqlTranslationException.notSupported("column privileges");
        }
        privileges.add(privilege.toUpperCase(Locale.ROOT));
        i++;
        if (!w.isSymbol(i, ",")) {
          break;
        }
        i++;
      }
    }
    if (!w.isWord(i, "on")) {
      throw w.isWord(i, "to") || w.isWord(i, "from")
          ? SqlTranslationException.notSupported("granting role membership")
          : SqlTranslationException.syntaxErrorAt(w.get(i));
    }
    i++;
    boolean onDatabase = w.isWord(i, "database");
    if (onDatabase || w.isWord(i, "table")) {
      i++;
    } else if (w.isWord(i, "all") || w.isWord(i, "schema") || w.isWord(i, "sequence")
        || w.isWord(i, "function")) {
      throw SqlTranslationException.notSupported(
          (grant ? "GRANT" : "REVOKE") + " ON " + w.word(i).toUpperCase(Locale.ROOT));
    }
    List<String> objects = new ArrayList<>();
    while (true) {
      String name = w.identifier(i);
      if (!onDatabase && w.isSymbol(i + 1, ".") && w.isName(i + 2)) {
        if (!name.equals("public")) {
          throw new SqlTranslationException("3F000", "schema \"" + name + "\" does not exist");
        }
        i += 2;
        name = w.identifier(i);
      }
      objects.add(name);
      i++;
      if (!w.isSymbol(i, ",")) {
        break;
      }
      i++;
    }
    if (!w.isWord(i, grant ? "to" : "from")) {
      throw SqlTranslationException.syntaxErrorAt(w.get(i));
    }
    i++;
    List<String> roles = new ArrayList<>();
    while (true) {
      roles.add(w.identifier(i));
      i++;
      if (!w.isSymbol(i, ",")) {
        break;
      }
      i++;
    }
    if (!grant && (w.isWord(i, "cascade") || w.isWord(i, "restrict"))) {
      i++;
    }
    if (i < w.size()) {
      throw w.isWord(i, "with") ? SqlTranslationException.notSupported("WITH GRANT OPTION")
          : SqlTranslationException.syntaxErrorAt(w.get(i));
    }
    return new Grant(grant, expand(privileges, onDatabase), onDatabase, objects, roles);
  }

  private static List<String> expand(List<String> privileges, boolean onDatabase) {
    if (onDatabase) {
      for (String privilege : privileges) {
        if (!privilege.equals("CONNECT") && !privilege.equals("ALL")) {
          throw new SqlTranslationException("0LP01", "invalid privilege type " + privilege + " for database");
        }
      }
      return List.of("CONNECT");
    }
    if (privileges.contains("CONNECT")) {
      throw new SqlTranslationException("0LP01", "invalid privilege type CONNECT for relation");
    }
    return privileges.contains("ALL") ? ALL_TABLE_PRIVILEGES : List.copyOf(new java.util.LinkedHashSet<>(privileges));
  }
}
