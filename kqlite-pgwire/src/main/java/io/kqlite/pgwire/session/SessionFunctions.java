package io.kqlite.pgwire.session;

import io.kqlite.pgwire.catalog.JsonText;
import io.kqlite.statemachine.LocalFunction;
import java.util.List;

/**
 * PostgreSQL's session information functions, evaluated on this node's read connections for the
 * session whose statement is running on the current thread.
 */
public final class SessionFunctions {

  public static final String VERSION = "PostgreSQL " + SessionSettings.SERVER_VERSION
      + " (kqlite 0.1.0, SQLite storage, Raft replication) on x86_64-pc-linux-gnu, 64-bit";

  private static final long BOOTSTRAP_USER = 10;
  private static final long PG_DATABASE_OWNER = 6171;

  private static final ThreadLocal<Session> CURRENT = new ThreadLocal<>();

  private SessionFunctions() {}

  /** The functions to register on every read connection. */
  public static List<LocalFunction> all() {
    return List.of(
        new LocalFunction("version", 0, args -> VERSION),
        new LocalFunction("current_database", 0, args -> session().database()),
        new LocalFunction("current_catalog", 0, args -> session().database()),
        new LocalFunction("current_role", 0, args -> session().user()),
        new LocalFunction("current_user", 0, args -> session().user()),
        new LocalFunction("session_user", 0, args -> session().user()),
        new LocalFunction("current_schema", 0, args -> "public"),
        new LocalFunction("pg_backend_pid", 0, args -> (long) session().processId()),
        new LocalFunction("inet_client_addr", 0, args -> address(session().client())),
        new LocalFunction("inet_client_port", 0, args -> port(session().client())),
        new LocalFunction("inet_server_addr", 0, args -> address(session().server())),
        new LocalFunction("inet_server_port", 0, args -> port(session().server())),
        new LocalFunction("pg_get_userbyid", 1, args -> userById(args[0])),
        new LocalFunction("kq_databases", 0, args -> databasesJson()),
        new LocalFunction("kq_roles", 0, args -> RoleRows.json(session().roles(), session().user())),
        new LocalFunction("current_setting", 1, args -> session().settings().get(String.valueOf(args[0]))));
  }

  /** NULL when the connection's ends are unknown, as PostgreSQL over a Unix socket. */
  private static String address(SocketEnd end) {
    return end == null ? null : end.address();
  }

  private static Long port(SocketEnd end) {
    return end == null ? null : (long) end.port();
  }

  /** The role names the catalog refers to: the login user (OID 10) and pg_database_owner. */
  private static Object userById(Object oid) {
    if (oid == null) {
      return null;
    }
    long id = oid instanceof Number n ? n.longValue() : Long.parseLong(oid.toString().trim());
    if (id == PG_DATABASE_OWNER) {
      return "pg_database_owner";
    }
    return id == BOOTSTRAP_USER ? session().user() : "unknown (OID=" + id + ")";
  }

  static void runAs(Session session, Runnable action) {
    Session previous = CURRENT.get();
    CURRENT.set(session);
    try {
      action.run();
    } finally {
      CURRENT.set(previous);
    }
  }

  /** The databases as a JSON array of names, for the pg_database view. */
  private static String databasesJson() {
    return JsonText.array(session().databases());
  }

  private static Session session() {
    Session session = CURRENT.get();
    if (session == null) {
      throw new IllegalStateException("no session on this thread");
    }
    return session;
  }
}
