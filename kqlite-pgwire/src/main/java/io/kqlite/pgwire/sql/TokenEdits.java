package io.kqlite.pgwire.sql;

import java.util.List;

/**
 * Collects text edits against a token list and renders the edited SQL. Rewriters record what to
 * replace, remove or insert by token index, so untouched tokens (strings, comments, spacing)
 * come out byte for byte as they went in.
 */
final class TokenEdits {

  private final List<Token> tokens;
  private final String[] replacement;
  private final String[] before;
  private final String[] after;

  TokenEdits(List<Token> tokens) {
    this.tokens = tokens;
    this.replacement = new String[tokens.size()];
    this.before = new String[tokens.size()];
    this.after = new String[tokens.size()];
  }

  /** Replaces the text of token {@code i}. */
  void replace(int i, String text) {
    replacement[i] = text;
  }

  /** Removes tokens {@code from} to {@code to}, both inclusive. */
  void remove(int from, int to) {
    for (int i = from; i <= to; i++) {
      replacement[i] = "";
    }
  }

  /**
   * Removes the tokens from significant token {@code first} to significant token {@code last}
   * of {@code w} (a view of the same token list), plus one whitespace token before them.
   */
  void removeWithLeadingSpace(Words w, int first, int last) {
    int from = w.tokenIndex(first);
    if (from > 0 && tokens.get(from - 1).type() == Token.Type.WHITESPACE) {
      from--;
    }
    remove(from, w.tokenIndex(Math.min(last, w.size() - 1)));
  }

  /** Inserts {@code text} before token {@code i}, outside anything inserted there earlier. */
  void insertBefore(int i, String text) {
    before[i] = before[i] == null ? text : text + before[i];
  }

  /** Inserts {@code text} after token {@code i}, outside anything inserted there earlier. */
  void insertAfter(int i, String text) {
    after[i] = after[i] == null ? text : after[i] + text;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      if (before[i] != null) {
        out.append(before[i]);
      }
      out.append(replacement[i] != null ? replacement[i] : tokens.get(i).text());
      if (after[i] != null) {
        out.append(after[i]);
      }
    }
    return out.toString();
  }
}
