package io.kqlite.pgwire.sql;

import java.util.List;
import java.util.Set;

/**
 * Token-for-token rewrites of PostgreSQL syntax SQLite spells differently:
 *
 * <ul>
 *   <li>{@code $n} → {@code ?n}: SQLite's numbered parameters keep PostgreSQL's numbering, so a
 *       reused {@code $1} still binds one value.</li>
 *   <li>{@code E'...'}, {@code U&'...'}, {@code N'...'} and dollar-quoted strings → plain
 *       {@code '...'} literals with the same value; {@code U&"..."} → plain {@code "..."}.</li>
 *   <li>{@code a ILIKE b} → {@code lower(a) LIKE lower(b)}; plain LIKE stays, and is
 *       case-sensitive as in PostgreSQL (the store sets {@code PRAGMA case_sensitive_like}).</li>
 *   <li>{@code LIMIT ALL} → removed, or {@code LIMIT -1} when OFFSET follows (SQLite needs a
 *       LIMIT before OFFSET).</li>
 *   <li>{@code COLLATE "C"} / {@code "POSIX"} → {@code COLLATE BINARY} (both compare bytes);
 *       {@code COLLATE "default"} → removed.</li>
 *   <li>{@code TABLE x} → {@code SELECT * FROM x}.</li>
 *   <li>{@code DEFAULT f(…)} → {@code DEFAULT (f(…))}, the form SQLite takes for a column default.</li>
 *   <li>{@code AS default} (a label SQLite reserves) → {@code AS "default"}.</li>
 * </ul>
 * Strings, quoted identifiers and comments are single tokens, so nothing inside them changes.
 */
final class ExpressionRewriter implements TokenRewriter {

  private static final Set<String> BYTEWISE_COLLATIONS = Set.of("C", "POSIX", "ucs_basic");
  /**
   * Words SQLite reserves that PostgreSQL takes as a column label after AS ({@code … AS default},
   * SQLAlchemy's column reflection). Left out: what may follow AS in SQL itself ({@code AS SELECT},
   * {@code AS VALUES}, {@code AS NOT MATERIALIZED}).
   */
  private static final Set<String> RESERVED_LABELS = Set.of("add", "all", "alter", "and",
      "autoincrement", "between", "case", "check", "collate", "commit", "constraint", "create",
      "default", "deferrable", "delete", "distinct", "drop", "else", "escape", "except", "exists",
      "foreign", "from", "group", "having", "in", "index", "insert", "intersect", "into", "is",
      "isnull", "join", "limit", "notnull", "null", "on", "or", "order", "primary", "references",
      "returning", "set", "table", "then", "to", "transaction", "union", "unique", "update",
      "using", "when", "where");

  @Override
  public String rewrite(List<Token> tokens) {
    Words w = Words.of(tokens);
    TokenEdits edits = new TokenEdits(tokens);
    int first = 0;
    while (w.isSymbol(first, "(")) {
      first++;
    }
    for (int k = 0; k < w.size(); k++) {
      Token t = w.get(k);
      int index = w.tokenIndex(k);
      switch (t.type()) {
        case PARAM:
          edits.replace(index, "?" + t.text().substring(1));
          break;
        case STRING:
          if ("eEuUnN".indexOf(t.text().charAt(0)) >= 0) {
            edits.replace(index, plainLiteral(t));
          }
          break;
        case DOLLAR_STRING:
          edits.replace(index, plainLiteral(t));
          break;
        case QUOTED_IDENT:
          if (t.text().charAt(0) != '"') {
            edits.replace(index, SqlLiterals.quoteIdentifier(SqlLiterals.identifierValue(t)));
          }
          break;
        case KEYWORD_OR_IDENT:
          k = word(w, k, k == first, edits);
          break;
        default:
          break;
      }
    }
    return edits.render();
  }

  /** The string as a standard literal; like PostgreSQL, refuses a NUL character an escape produced. */
  private static String plainLiteral(Token t) {
    String value = SqlLiterals.stringValue(t);
    if (value.indexOf('\0') >= 0) {
      throw new SqlTranslationException("22021", "invalid byte sequence for encoding \"UTF8\": 0x00");
    }
    return SqlLiterals.quoteString(value);
  }

  /**
   * {@code a [NOT] ILIKE b} → {@code lower(a) [NOT] LIKE lower(b)}: kqlite's LIKE is case-sensitive
   * like PostgreSQL's. Operands are a name ({@code t.col}), a literal, a parameter, a function
   * call or a parenthesised group; anything else is refused rather than lowered wrongly.
   */
  private static void ilike(Words w, int k, TokenEdits edits) {
    int leftEnd = w.isWord(k - 1, "not") ? k - 2 : k - 1;
    int leftStart = Operands.start(w, leftEnd);
    int rightEnd = Operands.end(w, k + 1);
    if (leftStart < 0 || rightEnd < 0) {
      throw SqlTranslationException.notSupported("ILIKE with this operand");
    }
    edits.insertBefore(w.tokenIndex(leftStart), "lower(");
    edits.insertAfter(w.tokenIndex(leftEnd), ")");
    edits.replace(w.tokenIndex(k), "LIKE");
    edits.insertBefore(w.tokenIndex(k + 1), "lower(");
    edits.insertAfter(w.tokenIndex(rightEnd), ")");
  }

  /** Rewrites the word at {@code k}; returns the last significant index it consumed. */
  private static int word(Words w, int k, boolean statementStart, TokenEdits edits) {
    if (w.isWord(k, "ilike")) {
      ilike(w, k, edits);
    } else if (w.isWord(k, "limit") && w.isWord(k + 1, "all")) {
      if (w.isWord(k + 2, "offset")) {
        edits.replace(w.tokenIndex(k + 1), "-1");
      } else {
        edits.removeWithLeadingSpace(w, k, k + 1);
      }
      return k + 1;
    } else if (w.isWord(k, "collate")) {
      return collate(w, k, edits);
    } else if (w.isWord(k, "as") && w.isWordIn(k + 1, RESERVED_LABELS) && !w.isSymbol(k + 2, "(")) {
      edits.replace(w.tokenIndex(k + 1), SqlLiterals.quoteIdentifier(w.word(k + 1)));
      return k + 1;
    } else if (w.isWord(k, "default") && w.get(k + 1) != null
        && w.get(k + 1).type() == Token.Type.KEYWORD_OR_IDENT && w.isSymbol(k + 2, "(")
        && w.closing(k + 2) < w.size()) {
      // SQLite takes a function call as a column default only in parentheses.
      edits.insertBefore(w.tokenIndex(k + 1), "(");
      edits.insertAfter(w.tokenIndex(w.closing(k + 2)), ")");
    } else if (statementStart && w.isWord(k, "table")) {
      edits.replace(w.tokenIndex(k), "SELECT * FROM");
      if (w.isWord(k + 1, "only")) {
        edits.removeWithLeadingSpace(w, k + 1, k + 1);
        return k + 1;
      }
    }
    return k;
  }

  private static int collate(Words w, int k, TokenEdits edits) {
    int name = w.isWord(k + 1, "pg_catalog") && w.isSymbol(k + 2, ".") ? k + 3 : k + 1;
    if (!w.isName(name)) {
      return k;
    }
    String collation = SqlLiterals.identifierValue(w.get(name));
    if (BYTEWISE_COLLATIONS.contains(collation)) {
      edits.remove(w.tokenIndex(k + 1), w.tokenIndex(name));
      edits.replace(w.tokenIndex(k + 1), "BINARY");
    } else if (collation.equals("default")) {
      edits.removeWithLeadingSpace(w, k, name);
    }
    return name;
  }
}
