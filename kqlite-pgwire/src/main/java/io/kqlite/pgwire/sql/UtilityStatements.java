package io.kqlite.pgwire.sql;

import io.kqlite.pgwire.sql.StatementDetail.Database;
import io.kqlite.pgwire.sql.StatementDetail.Utility;

/**
 * Parses the statements the session executes itself into a {@link StatementDetail}: SET, SHOW
 * and RESET ({@link SettingStatements}), transaction control ({@link TransactionStatements}),
 * CREATE/DROP DATABASE, DEALLOCATE and LISTEN/UNLISTEN. These never reach SQLite, so their
 * small grammar is handled completely here rather than passed on.
 */
final class UtilityStatements {

  private UtilityStatements() {
  }

  /** The detail of a statement classified as {@code kind} with {@code tag}; null if none. */
  static StatementDetail parse(StatementKind kind, CommandTag tag, Words w) {
    switch (kind) {
      case CREATE_DATABASE: return database(w, false);
      case DROP_DATABASE: return database(w, true);
      case SET:
        return tag.name().equals("RESET") ? SettingStatements.reset(w) : SettingStatements.set(w);
      case SHOW: return SettingStatements.show(w);
      case TRANSACTION: return TransactionStatements.parse(w, tag.name());
      case UTILITY_NOOP: return utility(w, tag.name());
      default: return null;
    }
  }

  /** CREATE DATABASE [IF NOT EXISTS] name [options] / DROP DATABASE [IF EXISTS] name [options]. */
  private static Database database(Words w, boolean drop) {
    int i = 2;
    boolean ifExists = false;
    boolean ifNotExists = false;
    if (drop && w.isIfExists(i)) {
      ifExists = true;
      i += 2;
    } else if (!drop && w.isWord(i, "if") && w.isWord(i + 1, "not") && w.isWord(i + 2, "exists")) {
      ifNotExists = true;
      i += 3;
    }
    return new Database(w.identifier(i), ifExists, ifNotExists);
  }

  /** DEALLOCATE [PREPARE] name|ALL, LISTEN channel, UNLISTEN channel|*; null for other utilities. */
  private static Utility utility(Words w, String tag) {
    switch (tag) {
      case "DEALLOCATE":
        return new Utility(w.identifier(w.isWord(1, "prepare") ? 2 : 1));
      case "DEALLOCATE ALL":
        return new Utility(null);
      case "LISTEN":
        return new Utility(w.identifier(1));
      case "UNLISTEN":
        return new Utility(w.isSymbol(1, "*") ? null : w.identifier(1));
      default:
        return null;
    }
  }
}
