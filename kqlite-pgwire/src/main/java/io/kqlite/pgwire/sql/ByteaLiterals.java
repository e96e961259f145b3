package io.kqlite.pgwire.sql;

import java.util.Comparator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Rewrites untyped string literals that are stored into, or compared with, a {@code bytea} column
 * into bytea casts. PostgreSQL reads {@code INSERT INTO t (data) VALUES ('\x0102')} as two bytes
 * because the column decides the literal's type; SQLite would store the six characters, so
 * {@code length(data)} and {@code data = '\x0102'::bytea} would differ from PostgreSQL's answers.
 * Which columns are bytea is the caller's knowledge (the schema), given as a predicate.
 */
public final class ByteaLiterals {

  private ByteaLiterals() {}

  /**
   * {@code pgSql} with each literal whose target column {@code isBytea} rewritten to
   * {@code '\x…'::bytea}; the text itself when there is none.
   *
   * @throws SqlTranslationException 22023 or 22P02 for a literal that is not valid bytea input
   */
  public static String rewrite(String pgSql, Predicate<ParameterHints.Hint> isBytea) {
    if (!mayHoldStringLiteral(pgSql)) {
      return pgSql; // kine's statements, for one: parameters only
    }
    Map<Token, ParameterHints.Hint> targets = ParameterHints.literalTargets(pgSql);
    StringBuilder rewritten = null;
    int copiedUpTo = 0;
    for (Token literal : targets.keySet().stream().sorted(Comparator.comparingInt(Token::start)).toList()) {
      if (!isBytea.test(targets.get(literal))) {
        continue;
      }
      if (rewritten == null) {
        rewritten = new StringBuilder(pgSql.length() + 16);
      }
      rewritten.append(pgSql, copiedUpTo, literal.start())
          .append("'\\x").append(CastRewriter.byteaHex(SqlLiterals.stringValue(literal)))
          .append("'::bytea");
      copiedUpTo = literal.end();
    }
    return rewritten == null ? pgSql : rewritten.append(pgSql, copiedUpTo, pgSql.length()).toString();
  }

  /** A quote, or a {@code $} that is not a parameter's ({@code $1}): a string may start there. */
  private static boolean mayHoldStringLiteral(String sql) {
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '$' && (i + 1 == sql.length() || !Character.isDigit(sql.charAt(i + 1)))) {
        return true;
      }
    }
    return false;
  }
}
