package io.kqlite.pgwire.auth;

import io.kqlite.pgwire.sql.StatementDetail;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs CREATE/ALTER/DROP ROLE, GRANT and REVOKE for a session: permission checks, password
 * hashing (before the write, so the log carries the final verifier), then one change through
 * {@link RoleStore}. Returns the log index of the change, for the session's read-your-writes.
 */
public final class RoleCommands {

  private final Access access;

  public RoleCommands(Access access) {
    this.access = access;
  }

  /**
   * @param database the session's database (GRANT on tables refers to it)
   * @param reader   runs a statement on the session's view of {@code database}
   * @param notices  receives (SQLSTATE, message) of notices for the client
   */
  public long run(StatementDetail detail, String database,
      Function<Statement, StatementResult> reader, BiConsumer<String, String> notices) {
    if (detail instanceof StatementDetail.Role role) {
      return switch (role.op()) {
        case CREATE -> create(role, notices);
        case ALTER -> alter(role, notices);
        case DROP -> drop(role, notices);
      };
    }
    return grant((StatementDetail.Grant) detail, database, reader);
  }

  private long create(StatementDetail.Role statement, BiConsumer<String, String> notices) {
    if (!access.isSuperuser()) {
      throw new SqlException("42501", "permission denied to create role");
    }
    checkName(statement.name());
    Role role = new Role(statement.name(), Boolean.TRUE.equals(statement.superuser()),
        Boolean.TRUE.equals(statement.login()), stored(statement, notices));
    return access.roles().create(role);
  }

  private long alter(StatementDetail.Role statement, BiConsumer<String, String> notices) {
    boolean onlyOwnPassword = statement.name().equals(access.user())
        && statement.login() == null && statement.superuser() == null;
    if (!access.isSuperuser() && !onlyOwnPassword) {
      throw new SqlException("42501", "permission denied to alter role");
    }
    Role current = access.roles().find(statement.name()).orElseThrow(() -> unknown(statement.name()));
    Role changed = new Role(current.name(),
        statement.superuser() != null ? statement.superuser() : current.superuser(),
        statement.login() != null ? statement.login() : current.login(),
        statement.setsPassword() ? stored(statement, notices) : current.password());
    return access.roles().update(changed);
  }

  private long drop(StatementDetail.Role statement, BiConsumer<String, String> notices) {
    if (!access.isSuperuser()) {
      throw new SqlException("42501", "permission denied to drop role");
    }
    if (statement.name().equals(access.user())) {
      throw new SqlException("55006", "current user cannot be dropped");
    }
    try {
      return access.roles().drop(statement.name());
    } catch (SqlException e) {
      if (statement.ifExists() && e.error().sqlState().equals("42704")) {
        notices.accept("00000", "role \"" + statement.name() + "\" does not exist, skipping");
        return 0;
      }
      throw e;
    }
  }

  private long grant(StatementDetail.Grant grant, String database,
      Function<Statement, StatementResult> reader) {
    for (String role : grant.roles()) {
      if (!role.equals(RoleStore.PUBLIC) && access.roles().find(role).isEmpty()) {
        throw unknown(role);
      }
    }
    if (grant.onDatabase()) {
      if (!access.isSuperuser()) {
        throw new SqlException("42501", "permission denied for database " + grant.objects().get(0));
      }
      return access.roles().changeConnectPrivileges(grant.grant(), grant.objects(), grant.roles());
    }
    for (String table : grant.objects()) {
      if (reader.apply(Statement.of("SELECT 1 FROM sqlite_schema WHERE type IN ('table', 'view')"
          + " AND name = ?1 COLLATE NOCASE", table)).rows().isEmpty()) {
        throw new SqlException("42P01", "relation \"" + table + "\" does not exist");
      }
      if (!access.isSuperuser()) {
        throw new SqlException("42501", "permission denied for table " + table);
      }
    }
    return access.roles().changeTablePrivileges(grant.grant(), database, grant.objects(),
        grant.privileges(), grant.roles());
  }

  /**
   * The stored form of a PASSWORD clause: a verifier or MD5 hash given by the client is kept as
   * is (psql's {@code \password} sends one); clear text becomes a new SCRAM verifier.
   */
  private static String stored(StatementDetail.Role statement, BiConsumer<String, String> notices) {
    String password = statement.password();
    if (password == null) {
      return null;
    }
    if (password.isEmpty()) {
      notices.accept("00000", "empty string is not a valid password, clearing password");
      return null;
    }
    if (ScramVerifier.parse(password) != null || Md5Password.isStored(password)) {
      return password;
    }
    return ScramVerifier.create(password).text();
  }

  private static void checkName(String name) {
    if (name.equals(RoleStore.PUBLIC) || name.equals("none") || name.startsWith("pg_")) {
      throw new SqlException("42939",
          "role name \"" + name + "\" is reserved");
    }
  }

  private static SqlException unknown(String role) {
    return new SqlException("42704", "role \"" + role + "\" does not exist");
  }
}
