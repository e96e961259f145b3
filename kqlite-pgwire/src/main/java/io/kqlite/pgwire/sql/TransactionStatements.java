package io.kqlite.pgwire.sql;

import io.kqlite.pgwire.sql.StatementDetail.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses transaction control (BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT,
 * SAVEPOINT, RELEASE, ROLLBACK TO) into a {@link Transaction}, and gives the SQLite statement
 * with the same effect. The session decides whether to run it; the parse is strict so that a
 * typo is a syntax error, as in PostgreSQL, rather than a silently different transaction.
 */
final class TransactionStatements {

  /** A mode of BEGIN / START TRANSACTION / SET TRANSACTION, as a setting suffix and value. */
  record Mode(String setting, String value) {
  }

  private TransactionStatements() {
  }

  /** The SQLite statement equivalent to a transaction control statement. */
  static String sqliteSql(Transaction t) {
    switch (t.op()) {
      case BEGIN: return "BEGIN";
      case COMMIT: return "COMMIT";
      case ROLLBACK: return "ROLLBACK";
      case SAVEPOINT: return "SAVEPOINT " + SqlLiterals.quoteIdentifier(t.savepointName());
      case RELEASE: return "RELEASE SAVEPOINT " + SqlLiterals.quoteIdentifier(t.savepointName());
      default: return "ROLLBACK TO SAVEPOINT " + SqlLiterals.quoteIdentifier(t.savepointName());
    }
  }

  /**
   * Parses a statement the classifier tagged {@code tag}: BEGIN, START TRANSACTION, COMMIT,
   * ROLLBACK, SAVEPOINT or RELEASE.
   */
  static Transaction parse(Words w, String tag) {
    Transaction.Op op;
    int i = 1;
    String savepoint = null;
    List<Mode> modes = List.of();
    switch (tag) {
      case "BEGIN":
        i = skipWorkOrTransaction(w, i);
        modes = modes(w, i);
        i = w.size();
        op = Transaction.Op.BEGIN;
        break;
      case "START TRANSACTION":
        modes = modes(w, 2);
        i = w.size();
        op = Transaction.Op.BEGIN;
        break;
      case "COMMIT":
        i = chain(w, skipWorkOrTransaction(w, i));
        op = Transaction.Op.COMMIT;
        break;
      case "ROLLBACK":
        i = skipWorkOrTransaction(w, i);
        if (w.isWord(i, "to")) {
          i = w.isWord(i + 1, "savepoint") ? i + 2 : i + 1;
          savepoint = w.identifier(i++);
          op = Transaction.Op.ROLLBACK_TO;
        } else {
          i = chain(w, i);
          op = Transaction.Op.ROLLBACK;
        }
        break;
      case "SAVEPOINT":
        savepoint = w.identifier(i++);
        op = Transaction.Op.SAVEPOINT;
        break;
      default: // RELEASE [SAVEPOINT] name
        i = w.isWord(i, "savepoint") ? i + 1 : i;
        savepoint = w.identifier(i++);
        op = Transaction.Op.RELEASE;
    }
    if (i < w.size()) {
      throw SqlTranslationException.syntaxErrorAt(w.get(i));
    }
    String isolation = null;
    boolean readOnly = false;
    for (Mode mode : modes) {
      if (mode.setting().equals("isolation")) {
        isolation = mode.value();
      } else if (mode.setting().equals("read_only")) {
        readOnly = mode.value().equals("on");
      }
    }
    return new Transaction(op, savepoint, isolation, readOnly);
  }

  private static int skipWorkOrTransaction(Words w, int i) {
    return w.isWord(i, "work") || w.isWord(i, "transaction") ? i + 1 : i;
  }

  /** Accepts AND NO CHAIN; AND CHAIN would need a new transaction with the same modes. */
  private static int chain(Words w, int i) {
    if (!w.isWord(i, "and")) {
      return i;
    }
    if (w.isWord(i + 1, "no") && w.isWord(i + 2, "chain")) {
      return i + 3;
    }
    if (w.isWord(i + 1, "chain")) {
      throw SqlTranslationException.notSupported(w.upperText(0, 0) + " AND CHAIN");
    }
    throw SqlTranslationException.syntaxErrorAt(w.get(i + 1));
  }

  /** Transaction modes, separated by commas or just spaces, from {@code from} to the end. */
  static List<Mode> modes(Words w, int from) {
    List<Mode> modes = new ArrayList<>();
    int j = from;
    while (j < w.size()) {
      if (w.isSymbol(j, ",")) {
        j++;
      } else if (w.isWord(j, "isolation") && w.isWord(j + 1, "level")) {
        j += 2;
        int words = w.isWord(j, "serializable") ? 1
            : w.isWord(j, "repeatable") && w.isWord(j + 1, "read") ? 2
            : w.isWord(j, "read")
                && (w.isWord(j + 1, "committed") || w.isWord(j + 1, "uncommitted")) ? 2
            : 0;
        if (words == 0) {
          throw SqlTranslationException.syntaxErrorAt(w.get(j));
        }
        String level = words == 1 ? w.word(j) : w.word(j) + " " + w.word(j + 1);
        modes.add(new Mode("isolation", level));
        j += words;
      } else if (w.isWord(j, "read") && (w.isWord(j + 1, "only") || w.isWord(j + 1, "write"))) {
        modes.add(new Mode("read_only", w.isWord(j + 1, "only") ? "on" : "off"));
        j += 2;
      } else if (w.isWord(j, "deferrable")) {
        modes.add(new Mode("deferrable", "on"));
        j++;
      } else if (w.isWord(j, "not") && w.isWord(j + 1, "deferrable")) {
        modes.add(new Mode("deferrable", "off"));
        j += 2;
      } else {
        throw SqlTranslationException.syntaxErrorAt(w.get(j));
      }
    }
    return modes;
  }
}
