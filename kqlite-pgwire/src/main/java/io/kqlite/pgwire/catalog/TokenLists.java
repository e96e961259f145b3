package io.kqlite.pgwire.catalog;

import io.kqlite.pgwire.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Small reads over the significant tokens of a stored CREATE statement: the elements of a
 * parenthesised list, a bracket's partner, and an expression's text as the catalog shows it.
 */
final class TokenLists {

  private TokenLists() {
  }

  static List<List<Token>> elements(List<Token> tokens, int open) {
    List<List<Token>> elements = new ArrayList<>();
    int close = closing(tokens, open);
    int start = open + 1;
    int depth = 0;
    for (int i = open + 1; i <= close; i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")") && i != close) {
        depth--;
      } else if (depth == 0 && (t.isSymbol(",") || i == close)) {
        elements.add(tokens.subList(start, i));
        start = i + 1;
      }
    }
    return elements;
  }

  static int closing(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol("(")) {
        depth++;
      } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
        return i;
      }
    }
    return tokens.size() - 1;
  }

  static int indexOf(List<Token> tokens, int from, String symbol) {
    for (int i = from; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol(symbol)) {
        return i;
      }
    }
    return -1;
  }

  static List<Token> significant(List<Token> tokens) {
    return tokens.stream().filter(t -> !t.isTrivia()).toList();
  }

  /** The expression's tokens joined by single spaces, except around parentheses and commas. */
  static String text(List<Token> tokens) {
    StringBuilder out = new StringBuilder();
    Token previous = null;
    for (Token t : tokens) {
      boolean tight = previous == null || previous.isSymbol("(") || t.isSymbol(")")
          || t.isSymbol(",") || t.isSymbol(".") || previous.isSymbol(".")
          || (t.isSymbol("(") && previous.isName());
      out.append(tight ? "" : " ").append(t.text());
      previous = t;
    }
    return out.toString();
  }
}
