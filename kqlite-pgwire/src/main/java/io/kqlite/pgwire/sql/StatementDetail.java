package io.kqlite.pgwire.sql;

import java.util.List;
import java.util.Objects;

/**
 * What a statement that is not plain SQL for SQLite means, already parsed, so the session can
 * act on it without looking at SQL text again. Which variant a statement carries follows from
 * its {@link StatementKind}.
 */
public sealed interface StatementDetail {

  /**
   * CREATE DATABASE / DROP DATABASE.
   *
   * @param name        the database name as PostgreSQL resolves it: unquoted names fold to
   *                    lower case, quoted names keep their case
   * @param ifExists    DROP DATABASE IF EXISTS
   * @param ifNotExists CREATE DATABASE IF NOT EXISTS (not PostgreSQL syntax; accepted for convenience)
   */
  record Database(String name, boolean ifExists, boolean ifNotExists) implements StatementDetail {
    public Database {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * SET, RESET and SHOW of one setting, or of all of them.
   *
   * @param name  the setting name, folded like an identifier, dotted names kept whole
   *              ({@code kqlite.read_consistency}); <b>null</b> for RESET ALL and SHOW ALL.
   *              Special syntax is mapped to the setting it changes: TIME ZONE → {@code timezone},
   *              TRANSACTION ISOLATION LEVEL → {@code transaction_isolation}, NAMES →
   *              {@code client_encoding}, SCHEMA → {@code search_path}, ROLE → {@code role},
   *              SESSION AUTHORIZATION → {@code session_authorization}
   * @param value the new value with quotes removed (a list stays as text: {@code "a, b"});
   *              null for SHOW, for RESET and for {@code SET x TO DEFAULT} (both of which
   *              mean: back to the default)
   * @param local SET LOCAL: the change lasts until the end of the current transaction
   */
  record Setting(String name, String value, boolean local) implements StatementDetail {
  }

  /**
   * A transaction control statement.
   *
   * @param op             what to do
   * @param savepointName  the savepoint for SAVEPOINT, RELEASE and ROLLBACK TO (folded like an
   *                       identifier); null otherwise
   * @param isolationLevel for BEGIN / START TRANSACTION: {@code "serializable"},
   *                       {@code "repeatable read"}, {@code "read committed"} or
   *                       {@code "read uncommitted"}; null if not given
   * @param readOnly       BEGIN ... READ ONLY
   */
  record Transaction(Op op, String savepointName, String isolationLevel, boolean readOnly)
      implements StatementDetail {

    /** Transaction control operations. END is COMMIT, ABORT is ROLLBACK. */
    public enum Op { BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO }

    public Transaction {
      Objects.requireNonNull(op, "op");
    }
  }

  /**
   * The object a utility statement names: the prepared statement of DEALLOCATE, the channel
   * of LISTEN / UNLISTEN.
   *
   * @param target the name (folded like an identifier), or null for {@code DEALLOCATE ALL}
   *               and {@code UNLISTEN *}
   */
  record Utility(String target) implements StatementDetail {
  }

  /**
   * COPY … FROM STDIN / TO STDOUT.
   *
   * @param from     true for FROM STDIN (rows come from the client), false for TO STDOUT
   * @param table    the table as written (PostgreSQL text, quoting kept); null for COPY (query)
   * @param columns  the column list (folded like identifiers); empty for all columns
   * @param query    the query of {@code COPY (query) TO STDOUT}; null otherwise
   * @param options  the data format
   */
  record Copy(boolean from, String table, List<String> columns, String query, CopyOptions options)
      implements StatementDetail {
    public Copy {
      columns = List.copyOf(columns);
      Objects.requireNonNull(options, "options");
    }
  }

  /**
   * A statement SQLite needs as several: {@code DROP TABLE a, b}, {@code TRUNCATE a, b}. They run
   * in order in the same write, so they succeed or fail together.
   */
  record Script(List<String> sqliteStatements) implements StatementDetail {
    public Script {
      sqliteStatements = List.copyOf(sqliteStatements);
    }
  }

  /**
   * {@code ALTER TABLE t ADD [CONSTRAINT name] PRIMARY KEY (cols)}: SQLite cannot add a key to a
   * table, so the session rebuilds it (see its table rebuild), which needs the current definition.
   *
   * @param table      the table name as SQLite knows it (unquoted, folded)
   * @param constraint the constraint name (PostgreSQL's default is {@code table_pkey})
   * @param columns    the key columns (folded)
   */
  record AddPrimaryKey(String table, String constraint, List<String> columns)
      implements StatementDetail {
    public AddPrimaryKey {
      columns = List.copyOf(columns);
    }
  }

  /**
   * CREATE / ALTER / DROP ROLE (or USER, which differs only in LOGIN being the default).
   *
   * @param op        what to do
   * @param name      the role (folded like an identifier)
   * @param ifExists  DROP ROLE IF EXISTS
   * @param login     LOGIN / NOLOGIN, or null when not given
   * @param superuser SUPERUSER / NOSUPERUSER, or null when not given
   * @param password  the PASSWORD text as given (clear text or an already hashed form), or null
   * @param setsPassword true when a PASSWORD clause is present ({@code PASSWORD NULL} clears it)
   */
  record Role(Op op, String name, boolean ifExists, Boolean login, Boolean superuser,
      String password, boolean setsPassword) implements StatementDetail {

    /** Role statements. */
    public enum Op { CREATE, ALTER, DROP }

    public Role {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() { // never log a password
      return "Role[" + op + " " + name + (setsPassword ? " PASSWORD ***" : "") + "]";
    }
  }

  /**
   * GRANT / REVOKE of table privileges or of CONNECT on databases.
   *
   * @param grant      true for GRANT, false for REVOKE
   * @param privileges upper case: SELECT, INSERT, UPDATE, DELETE, TRUNCATE (ALL expanded), or CONNECT
   * @param onDatabase true for {@code ON DATABASE}, false for tables
   * @param objects    table or database names (folded)
   * @param roles      grantees (folded); {@code public} stands for PUBLIC
   */
  record Grant(boolean grant, List<String> privileges, boolean onDatabase, List<String> objects,
      List<String> roles) implements StatementDetail {
    public Grant {
      privileges = List.copyOf(privileges);
      objects = List.copyOf(objects);
      roles = List.copyOf(roles);
    }
  }

  /**
   * ALTER TABLE t ALTER [COLUMN] c [SET DATA] TYPE type [COLLATE …] [USING …], one or more: the
   * session compares each new type with the column's (see TableScripts).
   */
  record AlterColumnTypes(String table, List<ColumnType> columns) implements StatementDetail {
    public AlterColumnTypes {
      columns = List.copyOf(columns);
    }
  }

  /** One column's new PostgreSQL type, as written. */
  record ColumnType(String column, String type) {}

  /**
   * ALTER TABLE t ALTER [COLUMN] c SET DEFAULT e | DROP DEFAULT | SET NOT NULL | DROP NOT NULL,
   * one or more: SQLite's ALTER TABLE has none of these, so the table is rebuilt (see TableScripts).
   */
  record AlterColumnConstraints(String table, List<ColumnChange> changes) implements StatementDetail {
    public AlterColumnConstraints {
      changes = List.copyOf(changes);
    }
  }

  /**
   * One column change; {@code defaultSql} is the new default already in SQLite's dialect (for
   * {@code SET_DEFAULT} only).
   */
  record ColumnChange(String column, ColumnAction action, String defaultSql) {}

  enum ColumnAction { SET_DEFAULT, DROP_DEFAULT, SET_NOT_NULL, DROP_NOT_NULL }
}
