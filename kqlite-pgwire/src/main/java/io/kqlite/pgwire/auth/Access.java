package io.kqlite.pgwire.auth;

import io.kqlite.pgwire.sql.StatementDetail;
import io.kqlite.pgwire.sql.StatementKind;
import io.kqlite.pgwire.sql.TranslatedStatement;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What one session's user may do. A superuser — or a user with no role row, who could only have
 * logged in by {@code trust} (loopback by default) — may do everything, with no check on the
 * statement path. Any other role needs a privilege for each table a statement touches, as in
 * PostgreSQL 15 where non-owners need grants and nobody but superusers may create in
 * {@code public}: kqlite records no table owners, so DDL is for superusers only.
 */
public final class Access {

  private final RoleStore roles;
  private final String user;
  private final boolean superuser;

  private Access(RoleStore roles, String user, boolean superuser) {
    this.roles = roles;
    this.user = user;
    this.superuser = superuser;
  }

  /** Everything allowed (embedded use and tests without roles). */
  public static Access unrestricted(RoleStore roles, String user) {
    return new Access(roles, user, true);
  }

  /** The access of {@code user} as authenticated, given its role row (null: none). */
  public static Access of(RoleStore roles, String user, Role role) {
    return new Access(roles, user, role == null || role.superuser());
  }

  public boolean isSuperuser() {
    return superuser;
  }

  public String user() {
    return user;
  }

  public RoleStore roles() {
    return roles;
  }

  /** 42501 unless the user may connect to {@code database}. */
  public void checkConnect(String database) {
    if (database.equals(RoleStore.SYSTEM_DATABASE)) {
      throw new SqlException("42501", "permission denied for database \"" + database + "\"");
    }
    if (!superuser && !roles.mayConnect(user, database)) {
      throw new SqlException("42501", "permission denied for database \"" + database + "\"");
    }
  }

  /**
   * 42501 unless the user holds the privileges {@code statement} needs in {@code database};
   * {@code reader} runs a statement on the session's view of that database.
   */
  public void checkStatement(String database, TranslatedStatement statement, List<Object> parameters,
      Function<Statement, StatementResult> reader) {
    if (superuser) {
      return;
    }
    StatementKind kind = statement.kind();
    if (kind == StatementKind.QUERY) {
      requireAll(database, "SELECT", TablesTouched.of(statement.sqliteSql(), parameters, reader).read());
    } else if (kind == StatementKind.WRITE) {
      checkWrite(database, statement, parameters, reader);
    } else if (kind == StatementKind.CREATE_DATABASE || kind == StatementKind.DROP_DATABASE) {
      throw new SqlException("42501", "permission denied to create database");
    }
  }

  /** COPY: INSERT on the table for FROM, SELECT for TO; {@code selectSql} reads what is copied. */
  public void checkCopy(String database, boolean from, String selectSql,
      Function<Statement, StatementResult> reader) {
    if (superuser) {
      return;
    }
    TablesTouched touched = TablesTouched.of(selectSql, List.of(), reader);
    requireAll(database, from ? "INSERT" : "SELECT", touched.read());
  }

  private void checkWrite(String database, TranslatedStatement statement, List<Object> parameters,
      Function<Statement, StatementResult> reader) {
    String tag = statement.tag().name();
    String privilege = switch (tag) {
      case "INSERT", "UPDATE", "DELETE" -> tag;
      case "TRUNCATE TABLE" -> "TRUNCATE";
      default -> throw new SqlException("42501", "permission denied for schema public");
    };
    List<String> script = statement.detail() instanceof StatementDetail.Script s
        ? s.sqliteStatements() : List.of(statement.sqliteSql());
    for (String sql : script) {
      TablesTouched touched = TablesTouched.of(sql, script.size() == 1 ? parameters : List.of(), reader);
      requireAll(database, privilege, touched.written());
      requireAll(database, "SELECT", touched.read());
    }
  }

  private void requireAll(String database, String privilege, Iterable<String> tables) {
    for (String table : tables) {
      if (!roles.hasTablePrivilege(user, database, table.toLowerCase(Locale.ROOT), privilege)) {
        throw new SqlException("42501", "permission denied for table " + table);
      }
    }
  }
}
