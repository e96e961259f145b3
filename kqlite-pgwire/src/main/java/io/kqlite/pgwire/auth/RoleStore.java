package io.kqlite.pgwire.auth;

import io.kqlite.statemachine.SqlCluster;
import io.kqlite.statemachine.SqlError;
import io.kqlite.statemachine.SqlException;
import io.kqlite.statemachine.Statement;
import io.kqlite.statemachine.StatementResult;
import io.kqlite.statemachine.WriteOutcome;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Roles and privileges, kept in the replicated system database {@value #SYSTEM_DATABASE} through
 * the ordinary {@link SqlCluster} paths: reads from this node's replica, changes as log entries.
 * Every change carries final values (verifiers are computed before the write), so each replica
 * stores identical bytes. Clients cannot connect to the system database.
 *
 * <p>The database and its tables are created on first change: every change entry starts with
 * {@code CREATE TABLE IF NOT EXISTS}, so no separate bootstrap step has to win a race.
 */
public final class RoleStore {

  public static final String SYSTEM_DATABASE = "kqlite_system";
  /** The grantee name that stands for PUBLIC (every role). */
  public static final String PUBLIC = "public";

  private static final List<Statement> SCHEMA = List.of(
      Statement.of("CREATE TABLE IF NOT EXISTS roles (name TEXT PRIMARY KEY, superuser INTEGER NOT NULL,"
          + " login INTEGER NOT NULL, password TEXT)"),
      Statement.of("CREATE TABLE IF NOT EXISTS table_privileges (role TEXT NOT NULL, db TEXT NOT NULL,"
          + " table_name TEXT NOT NULL COLLATE NOCASE, privilege TEXT NOT NULL,"
          + " PRIMARY KEY (role, db, table_name, privilege))"),
      Statement.of("CREATE TABLE IF NOT EXISTS database_privileges (db TEXT NOT NULL, role TEXT NOT NULL,"
          + " PRIMARY KEY (db, role))"),
      Statement.of("CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL)"));
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SqlCluster cluster;
  private volatile byte[] mockSecret;

  public RoleStore(SqlCluster cluster) {
    this.cluster = cluster;
  }

  /**
   * The cluster-wide secret from which made-up SCRAM salts for unknown users are derived: the
   * same on every node and after restarts, like a real user's salt, so comparing salts tells
   * nothing. It is stored with the first change; before any, no role exists to hide, and a
   * random per-process value serves.
   */
  public byte[] mockSecret() {
    byte[] secret = mockSecret;
    if (secret != null) {
      return secret;
    }
    List<Object[]> rows = read(Statement.of("SELECT value FROM secrets WHERE name = 'mock_salt'"));
    if (rows.isEmpty()) {
      return PROCESS_SECRET;
    }
    mockSecret = (byte[]) rows.get(0)[0];
    return mockSecret;
  }

  private static final byte[] PROCESS_SECRET = new byte[32];

  static {
    RANDOM.nextBytes(PROCESS_SECRET);
  }

  /** The role on this node's replica (a role created moments ago elsewhere may not be here yet). */
  public Optional<Role> find(String name) {
    List<Object[]> rows = read(Statement.of(
        "SELECT name, superuser, login, password FROM roles WHERE name = ?1", name));
    return rows.isEmpty() ? Optional.empty() : Optional.of(role(rows.get(0)));
  }

  public List<Role> all() {
    List<Role> roles = new ArrayList<>();
    for (Object[] row : read(Statement.of("SELECT name, superuser, login, password FROM roles ORDER BY name"))) {
      roles.add(role(row));
    }
    return roles;
  }

  /** True if no role has been created yet (bootstrap). */
  public boolean isEmpty() {
    return read(Statement.of("SELECT 1 FROM roles LIMIT 1")).isEmpty();
  }

  /** Whether {@code role} (or PUBLIC) holds {@code privilege} on table {@code table} of {@code database}. */
  public boolean hasTablePrivilege(String role, String database, String table, String privilege) {
    return !read(Statement.of("SELECT 1 FROM table_privileges WHERE role IN (?1, '" + PUBLIC + "')"
        + " AND db = ?2 AND table_name = ?3 AND privilege = ?4 LIMIT 1",
        role, database, table, privilege)).isEmpty();
  }

  /**
   * Whether {@code role} may connect to {@code database}: PostgreSQL's default grants CONNECT to
   * PUBLIC, so a database without recorded privileges is open to every role.
   */
  public boolean mayConnect(String role, String database) {
    List<Object[]> rows = read(Statement.of(
        "SELECT role FROM database_privileges WHERE db = ?1", database));
    return rows.isEmpty() || rows.stream().anyMatch(r -> r[0].equals(role) || r[0].equals(PUBLIC));
  }

  /** @throws SqlException 42710 when the role exists */
  public long create(Role role) {
    WriteOutcome outcome = write(Statement.of(
        "INSERT INTO roles (name, superuser, login, password) VALUES (?1, ?2, ?3, ?4)",
        role.name(), role.superuser() ? 1L : 0L, role.login() ? 1L : 0L, role.password()));
    SqlError error = outcome.result().error();
    if (error != null && error.sqlState().equals("23505")) {
      throw new SqlException("42710", "role \"" + role.name() + "\" already exists");
    }
    return check(outcome);
  }

  /** Creates {@code role} unless a role of that name exists (bootstrap on every node). */
  public long createIfAbsent(Role role) {
    return check(write(Statement.of(
        "INSERT OR IGNORE INTO roles (name, superuser, login, password) VALUES (?1, ?2, ?3, ?4)",
        role.name(), role.superuser() ? 1L : 0L, role.login() ? 1L : 0L, role.password())));
  }

  /** Replaces the stored role; 42704 when it does not exist. */
  public long update(Role role) {
    WriteOutcome outcome = write(Statement.of(
        "UPDATE roles SET superuser = ?2, login = ?3, password = ?4 WHERE name = ?1",
        role.name(), role.superuser() ? 1L : 0L, role.login() ? 1L : 0L, role.password()));
    return checkChanged(outcome, role.name());
  }

  /** Drops the role and its privileges; 42704 when it does not exist. */
  public long drop(String name) {
    WriteOutcome outcome = write(
        Statement.of("DELETE FROM table_privileges WHERE role = ?1", name),
        Statement.of("DELETE FROM database_privileges WHERE role = ?1", name),
        Statement.of("DELETE FROM roles WHERE name = ?1", name));
    return checkChanged(outcome, name);
  }

  /** Grants or revokes table privileges, one log entry for the whole statement. */
  public long changeTablePrivileges(boolean grant, String database, List<String> tables,
      List<String> privileges, List<String> roles) {
    List<Statement> statements = new ArrayList<>();
    for (String role : roles) {
      for (String table : tables) {
        for (String privilege : privileges) {
          statements.add(Statement.of(grant
              ? "INSERT OR IGNORE INTO table_privileges VALUES (?1, ?2, ?3, ?4)"
              : "DELETE FROM table_privileges WHERE role = ?1 AND db = ?2 AND table_name = ?3 AND privilege = ?4",
              role, database, table, privilege));
        }
      }
    }
    return check(write(statements.toArray(Statement[]::new)));
  }

  /**
   * Grants or revokes CONNECT. The first change to a database records PostgreSQL's default
   * (CONNECT for PUBLIC) before applying itself, so REVOKE … FROM PUBLIC closes it.
   */
  public long changeConnectPrivileges(boolean grant, List<String> databases, List<String> roles) {
    List<Statement> statements = new ArrayList<>();
    for (String database : databases) {
      statements.add(Statement.of("INSERT INTO database_privileges SELECT ?1, '" + PUBLIC + "'"
          + " WHERE NOT EXISTS (SELECT 1 FROM database_privileges WHERE db = ?1)", database));
      // Role '' marks the privileges as recorded, so revoking the last grant leaves it closed.
      statements.add(Statement.of("INSERT OR IGNORE INTO database_privileges VALUES (?1, '')", database));
      for (String role : roles) {
        statements.add(Statement.of(grant
            ? "INSERT OR IGNORE INTO database_privileges VALUES (?1, ?2)"
            : "DELETE FROM database_privileges WHERE db = ?1 AND role = ?2", database, role));
      }
    }
    return check(write(statements.toArray(Statement[]::new)));
  }

  private List<Object[]> read(Statement statement) {
    if (!cluster.databaseExists(SYSTEM_DATABASE)) {
      return List.of();
    }
    try {
      StatementResult result = cluster.query(SYSTEM_DATABASE, statement, 0);
      return result.rows();
    } catch (SqlException e) {
      if (e.error().sqlState().equals("42P01")) {
        return List.of(); // created, but no role written yet
      }
      throw e;
    }
  }

  private WriteOutcome write(Statement... change) {
    if (!cluster.databaseExists(SYSTEM_DATABASE)) {
      SqlError error = cluster.createDatabase(SYSTEM_DATABASE).result().error();
      if (error != null && !error.sqlState().equals("42P04")) {
        throw new SqlException(error);
      }
    }
    List<Statement> statements = new ArrayList<>(SCHEMA);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret); // chosen here, so every replica stores the same bytes
    statements.add(Statement.of("INSERT OR IGNORE INTO secrets VALUES ('mock_salt', ?1)", (Object) secret));
    statements.addAll(List.of(change));
    return cluster.write(SYSTEM_DATABASE, statements);
  }

  private static long check(WriteOutcome outcome) {
    if (outcome.result().error() != null) {
      throw new SqlException(outcome.result().error());
    }
    return outcome.logIndex();
  }

  private static long checkChanged(WriteOutcome outcome, String name) {
    check(outcome);
    List<StatementResult> results = outcome.result().results();
    if (results.get(results.size() - 1).rowsChanged() == 0) {
      throw new SqlException("42704", "role \"" + name + "\" does not exist");
    }
    return outcome.logIndex();
  }

  private static Role role(Object[] row) {
    return new Role((String) row[0], ((Number) row[1]).longValue() != 0,
        ((Number) row[2]).longValue() != 0, (String) row[3]);
  }
}
