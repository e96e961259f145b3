package io.kqlite.pgwire.sql;

import java.util.List;

/**
 * One PostgreSQL → SQLite rewrite over the tokens of a single statement. Each rewriter gets
 * freshly lexed tokens and returns SQL text, so rewriters stay independent and the chain in
 * {@link PgToSqlite} can grow (a parser-based rewriter can slot in the same way).
 */
interface TokenRewriter {

  /**
   * Returns the rewritten statement text.
   *
   * @throws SqlTranslationException if the statement uses something that cannot be translated
   */
  String rewrite(List<Token> tokens);
}
