package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The significant tokens of one statement (no whitespace, no comments) with the look-ups the
 * classifier and the utility parsers need. Out-of-range indexes are allowed and match nothing,
 * so callers can look ahead without bounds checks.
 */
final class Words {

  private final List<Token> tokens;
  /** For each significant token, its index in the full token list it was taken from. */
  private final int[] tokenIndex;

  private Words(List<Token> significant, int[] tokenIndex) {
    this.tokens = significant;
    this.tokenIndex = tokenIndex;
  }

  /** Keeps only the non-trivia tokens of {@code tokens}. */
  static Words of(List<Token> tokens) {
    List<Token> significant = new ArrayList<>(tokens.size());
    int[] index = new int[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isTrivia()) {
        index[significant.size()] = i;
        significant.add(tokens.get(i));
      }
    }
    return new Words(significant, index);
  }

  /** Index in the full token list of significant token {@code i}. */
  int tokenIndex(int i) {
    return tokenIndex[i];
  }

  /** The source text of significant tokens {@code from}..{@code to}, a space where trivia was. */
  String text(int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i <= to; i++) {
      if (i > from && tokenIndex(i) > tokenIndex(i - 1) + 1) {
        out.append(' ');
      }
      out.append(get(i).text());
    }
    return out.toString();
  }

  int size() {
    return tokens.size();
  }

  /** The token at {@code i}, or null past either end. */
  Token get(int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
  }

  /** The folded unquoted word at {@code i}, or null if there is none. */
  String word(int i) {
    Token token = get(i);
    return token != null && token.type() == Token.Type.KEYWORD_OR_IDENT
        ? SqlLiterals.foldIdentifier(token.text()) : null;
  }

  boolean isWord(int i, String lowerCaseWord) {
    Token token = get(i);
    return token != null && token.isWord(lowerCaseWord);
  }

  /** True if {@code IF EXISTS} starts at {@code i}. */
  boolean isIfExists(int i) {
    return isWord(i, "if") && isWord(i + 1, "exists");
  }

  /** True if the token at {@code i} is an unquoted word in {@code lowerCaseWords}. */
  boolean isWordIn(int i, Set<String> lowerCaseWords) {
    String word = word(i);
    return word != null && lowerCaseWords.contains(word);
  }

  boolean isSymbol(int i, String symbol) {
    Token token = get(i);
    return token != null && token.isSymbol(symbol);
  }

  boolean isName(int i) {
    Token token = get(i);
    return token != null && token.isName();
  }

  /**
   * The identifier at {@code i}, folded as PostgreSQL folds it.
   *
   * @throws SqlTranslationException 42601 if there is no identifier at {@code i}
   */
  String identifier(int i) {
    if (!isName(i)) {
      throw SqlTranslationException.syntaxErrorAt(get(i));
    }
    return SqlLiterals.identifierValue(get(i));
  }

  /**
   * Index just after the possibly qualified name ({@code a.b.c}) that starts at {@code i}.
   *
   * @throws SqlTranslationException 42601 when no name starts there
   */
  int skipQualifiedName(int i) {
    if (!isName(i)) {
      throw SqlTranslationException.syntaxErrorAt(get(i));
    }
    i++;
    while (isSymbol(i, ".") && isName(i + 1)) {
      i += 2;
    }
    return i;
  }

  /** Index of the bracket closing the one opened at {@code open}, or {@link #size()} if unbalanced. */
  int closing(int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isSymbol("(") || token.isSymbol("[")) {
        depth++;
      } else if ((token.isSymbol(")") || token.isSymbol("]")) && --depth == 0) {
        return i;
      }
    }
    return tokens.size();
  }

  /** Index of the bracket opening the one closed at {@code close}, or -1 if unbalanced. */
  int opening(int close) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      Token token = tokens.get(i);
      if (token.isSymbol(")") || token.isSymbol("]")) {
        depth++;
      } else if ((token.isSymbol("(") || token.isSymbol("[")) && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Index of the first {@code word} at or after {@code from} at the same bracket depth as
   * {@code from}, stopping at an unmatched closing bracket; -1 if none.
   */
  int findAtDepth(int from, String word) {
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isSymbol("(") || token.isSymbol("[")) {
        depth++;
      } else if (token.isSymbol(")") || token.isSymbol("]")) {
        if (--depth < 0) {
          return -1;
        }
      } else if (depth == 0 && token.isWord(word)) {
        return i;
      }
    }
    return -1;
  }

  /** True if a {@code symbol} occurs at bracket depth 0 from {@code from} on. */
  boolean hasSymbolAtDepth0(int from, String symbol) {
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isSymbol("(") || token.isSymbol("[")) {
        depth++;
      } else if (token.isSymbol(")") || token.isSymbol("]")) {
        depth--;
      } else if (depth == 0 && token.isSymbol(symbol)) {
        return true;
      }
    }
    return false;
  }

  /** Upper-cased text of the tokens {@code from} to {@code to} inclusive, joined by spaces. */
  String upperText(int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i <= to && i < tokens.size(); i++) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(tokens.get(i).text().toUpperCase(Locale.ROOT));
    }
    return out.toString();
  }
}
