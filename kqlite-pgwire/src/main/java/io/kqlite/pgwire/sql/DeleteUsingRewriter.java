package io.kqlite.pgwire.sql;

import java.util.List;

/**
 * {@code DELETE FROM t [AS a] USING items WHERE cond [RETURNING …]} — PostgreSQL's join delete,
 * which SQLite lacks — becomes {@code DELETE FROM t [AS a] WHERE EXISTS (SELECT 1 FROM items WHERE
 * cond) [RETURNING …]}: the same rows, since {@code cond} still sees the target's alias. kine's
 * compaction sends exactly this shape.
 */
final class DeleteUsingRewriter implements TokenRewriter {

  @Override
  public String rewrite(List<Token> tokens) {
    Words w = Words.of(tokens);
    if (w.size() < 4 || !w.isWord(0, "delete") || !w.isWord(1, "from")) {
      return render(tokens);
    }
    int using = w.findAtDepth(2, "using");
    if (using < 0) {
      return render(tokens);
    }
    TokenEdits edits = new TokenEdits(tokens);
    int where = w.findAtDepth(using + 1, "where");
    int returning = w.findAtDepth(Math.max(using, where) + 1, "returning");
    edits.replace(w.tokenIndex(using), "WHERE EXISTS (SELECT 1 FROM");
    int end = returning >= 0 ? returning - 1 : w.size() - 1;
    edits.insertAfter(w.tokenIndex(end), ")");
    return edits.render();
  }

  private static String render(List<Token> tokens) {
    StringBuilder out = new StringBuilder();
    tokens.forEach(t -> out.append(t.text()));
    return out.toString();
  }
}
