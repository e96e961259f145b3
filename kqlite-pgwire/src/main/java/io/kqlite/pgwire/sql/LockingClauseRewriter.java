package io.kqlite.pgwire.sql;

import java.util.List;

/**
 * Drops a SELECT's row-locking clauses, which SQLite has no syntax for: {@code FOR UPDATE},
 * {@code FOR NO KEY UPDATE}, {@code FOR SHARE}, {@code FOR KEY SHARE}, each with
 * {@code OF t, …} and {@code NOWAIT} or {@code SKIP LOCKED}.
 *
 * <p>No lock is needed for what they protect: a transaction's reads are checked again at COMMIT,
 * and a transaction whose rows another one changed meanwhile fails there with 40001, as a
 * serializable PostgreSQL transaction would. Outside a transaction they lock nothing in
 * PostgreSQL either. {@code SKIP LOCKED} cannot skip: two workers may pick the same row, and the
 * second to commit gets 40001 and retries.
 */
final class LockingClauseRewriter implements TokenRewriter {

  @Override
  public String rewrite(List<Token> tokens) {
    Words w = Words.of(tokens);
    TokenEdits edits = new TokenEdits(tokens);
    if (!(w.isWord(0, "select") || w.isWord(0, "with") || w.isSymbol(0, "("))) {
      return edits.render();
    }
    for (int k = 0; k < w.size(); k++) {
      int end = clauseEnd(w, k);
      if (end > k) {
        edits.removeWithLeadingSpace(w, k, end);
        k = end;
      }
    }
    return edits.render();
  }

  /** The last word of a locking clause starting at {@code k}, or -1. */
  private static int clauseEnd(Words w, int k) {
    if (!w.isWord(k, "for")) {
      return -1;
    }
    int i;
    if (w.isWord(k + 1, "update") || w.isWord(k + 1, "share")) {
      i = k + 2;
    } else if (w.isWord(k + 1, "no") && w.isWord(k + 2, "key") && w.isWord(k + 3, "update")) {
      i = k + 4;
    } else if (w.isWord(k + 1, "key") && w.isWord(k + 2, "share")) {
      i = k + 3;
    } else {
      return -1;
    }
    if (w.isWord(i, "of")) {
      i = w.skipQualifiedName(i + 1);
      while (w.isSymbol(i, ",") && w.isName(i + 1)) {
        i = w.skipQualifiedName(i + 1);
      }
    }
    if (w.isWord(i, "nowait")) {
      i++;
    } else if (w.isWord(i, "skip") && w.isWord(i + 1, "locked")) {
      i += 2;
    }
    return i - 1;
  }
}
