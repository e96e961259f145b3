package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a simple-Query string into its statements, as PostgreSQL does before running them one
 * by one.
 *
 * <p>A statement ends at a {@code ;} that is outside strings, quoted identifiers, dollar strings
 * and comments (the lexer already makes those single tokens), outside parentheses, and outside a
 * {@code BEGIN ... END} body of CREATE FUNCTION / PROCEDURE / TRIGGER (PostgreSQL's
 * {@code BEGIN ATOMIC}, SQLite's trigger bodies), so their inner semicolons stay inside.
 *
 * <p>Statements that are empty or only whitespace and comments are dropped. An entirely empty
 * query ({@code ""}, {@code ";"}, {@code "-- ping"}) therefore gives an <b>empty list</b>: the
 * caller must answer it with EmptyQueryResponse, as PostgreSQL does.
 *
 * <p>PostgreSQL parses the whole query string before running any of it, so a syntax error in
 * the third statement means the first two never run. To match, translate every part before
 * executing the first.
 */
public final class SqlSplitter {

  private static final Set<String> ROUTINE_WORDS = Set.of("function", "procedure", "trigger");
  /** Words after CREATE that may precede FUNCTION/PROCEDURE/TRIGGER (OR REPLACE, TEMP, ...). */
  private static final int ROUTINE_WORD_WINDOW = 4;

  private SqlSplitter() {
  }

  /**
   * The statements of {@code sql}, each without its terminating {@code ;} and without
   * surrounding whitespace (comments are kept). Empty list for a query with no statement.
   * Never throws; unterminated strings simply end the last statement.
   */
  public static List<String> split(String sql) {
    List<String> statements = new ArrayList<>();
    for (List<Token> statement : splitTokens(SqlLexer.tokenize(sql))) {
      int first = 0;
      int last = statement.size() - 1;
      while (statement.get(first).type() == Token.Type.WHITESPACE) {
        first++;
      }
      while (statement.get(last).type() == Token.Type.WHITESPACE) {
        last--;
      }
      StringBuilder text = new StringBuilder();
      for (int i = first; i <= last; i++) {
        text.append(statement.get(i).text());
      }
      statements.add(text.toString());
    }
    return statements;
  }

  /**
   * Token-level split: each element holds the tokens of one statement (without the {@code ;}),
   * and contains at least one non-trivia token.
   */
  static List<List<Token>> splitTokens(List<Token> tokens) {
    List<List<Token>> statements = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    Boundary boundary = new Boundary();
    for (Token token : tokens) {
      if (boundary.endsStatement(token)) {
        addIfNotEmpty(statements, current);
        current = new ArrayList<>();
        boundary = new Boundary();
      } else {
        current.add(token);
      }
    }
    addIfNotEmpty(statements, current);
    return statements;
  }

  private static void addIfNotEmpty(List<List<Token>> statements, List<Token> statement) {
    for (Token token : statement) {
      if (!token.isTrivia()) {
        statements.add(List.copyOf(statement));
        return;
      }
    }
  }

  /** Tracks nesting inside one statement to decide whether a {@code ;} ends it. */
  private static final class Boundary {
    private int parenDepth;
    private int blockDepth;
    private int words;
    private boolean create;
    private boolean routine;

    boolean endsStatement(Token token) {
      if (token.isTrivia()) {
        return false;
      }
      if (token.isSymbol("(") || token.isSymbol("[")) {
        parenDepth++;
      } else if (token.isSymbol(")") || token.isSymbol("]")) {
        parenDepth = Math.max(0, parenDepth - 1);
      } else if (token.isSymbol(";")) {
        return parenDepth == 0 && blockDepth == 0;
      } else if (token.type() == Token.Type.KEYWORD_OR_IDENT && parenDepth == 0) {
        trackBlocks(SqlLiterals.foldIdentifier(token.text()));
      }
      return false;
    }

    private void trackBlocks(String word) {
      words++;
      if (words == 1) {
        create = word.equals("create");
      } else if (create && words <= ROUTINE_WORD_WINDOW + 1 && ROUTINE_WORDS.contains(word)) {
        routine = true;
      }
      if (blockDepth > 0) {
        if (word.equals("begin") || word.equals("case")) {
          blockDepth++;
        } else if (word.equals("end")) {
          blockDepth--;
        }
      } else if (routine && word.equals("begin")) {
        blockDepth = 1;
      }
    }
  }
}
