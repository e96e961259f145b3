package io.kqlite.pgwire.sql;

import io.kqlite.pgwire.sql.StatementClassifier.Classification;
import java.util.List;

/**
 * Translates one PostgreSQL statement into what kqlite needs to run it: SQLite SQL, its kind,
 * command tag and parameter count, and for session-level statements their parsed meaning.
 *
 * <p>Pipeline: lex → reject unterminated tokens → one statement only → classify → for QUERY and
 * WRITE, a chain of token rewriters (DDL, casts, expressions), each on freshly lexed text. The
 * chain is the extension point: a parser-based rewriter (JSqlParser) can be added to it later
 * without changing callers. Translation is a pure function of the text, so callers cache it.
 */
public final class PgToSqlite {

  /** Highest parameter number PostgreSQL accepts in a Parse message. */
  private static final int MAX_PARAMETER = 65535;

  /** Applied in order to QUERY and WRITE; {@link ExpressionRewriter} stays last ($n → ?n). */
  private static final List<TokenRewriter> REWRITERS =
      List.of(new DdlRewriter(), new LockingClauseRewriter(), new DistinctOnRewriter(), new CatalogNameRewriter(), new CatalogFunctionRewriter(),
          new SpecialFormRewriter(), new CastRewriter(), new JsonOperatorRewriter(), new ClockRewriter(), new DeleteUsingRewriter(), new ValuesAliasRewriter(),
          new ExpressionRewriter());

  private PgToSqlite() {
  }

  /**
   * Translates the single statement {@code pgSql} (a trailing {@code ;} is allowed).
   *
   * @throws SqlTranslationException with SQLSTATE 42601 for unterminated strings, identifiers
   *         or comments, several statements, or unknown commands; 0A000 for statements and
   *         constructs kqlite does not support; 42P02 for {@code $0} or too high a parameter
   */
  public static TranslatedStatement translate(String pgSql) {
    List<Token> statement = singleStatement(SqlLexer.tokenize(pgSql));
    Words words = Words.of(statement);
    Classification c = StatementClassifier.classify(words);
    if (c.rejection() != null) {
      throw c.rejection().toException();
    }
    int parameterCount = parameterCount(statement);
    if (SequenceStatements.isSequenceStatement(words)) {
      return new TranslatedStatement(
          "", c.kind(), parameterCount, c.tag(), false, SequenceStatements.script(words));
    }
    StatementDetail detail = c.kind() == StatementKind.COPY ? CopyStatements.parse(words, statement)
        : c.kind() == StatementKind.WRITE ? TableStatements.parse(words)
        : c.kind() == StatementKind.ACCESS ? AccessStatements.parse(words)
        : UtilityStatements.parse(c.kind(), c.tag(), words);
    String sqliteSql;
    switch (c.kind()) {
      case QUERY:
      case WRITE:
        sqliteSql = detail == null ? rewrite(statement) : "";
        break;
      case TRANSACTION:
        sqliteSql = TransactionStatements.sqliteSql((StatementDetail.Transaction) detail);
        break;
      default:
        sqliteSql = "";
    }
    return new TranslatedStatement(
        sqliteSql, c.kind(), parameterCount, c.tag(), c.returnsRows(), detail);
  }

  /**
   * The tokens of the one statement in {@code tokens}, without the trailing {@code ;} and
   * without leading or trailing whitespace and comments; empty if there is no statement.
   *
   * @throws SqlTranslationException 42601 for an unterminated token or more than one statement
   */
  static List<Token> singleStatement(List<Token> tokens) {
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).type() == Token.Type.UNTERMINATED) {
      throw unterminated(tokens.get(tokens.size() - 1));
    }
    List<List<Token>> statements = SqlSplitter.splitTokens(tokens);
    if (statements.isEmpty()) {
      return List.of();
    }
    if (statements.size() > 1) {
      throw new SqlTranslationException(SqlTranslationException.SYNTAX_ERROR,
          "cannot insert multiple commands into a prepared statement");
    }
    List<Token> statement = statements.get(0);
    int first = 0;
    int last = statement.size() - 1;
    while (statement.get(first).isTrivia()) {
      first++;
    }
    while (statement.get(last).isTrivia()) {
      last--;
    }
    return statement.subList(first, last + 1);
  }

  private static String rewrite(List<Token> statement) {
    String sql = text(statement);
    for (TokenRewriter rewriter : REWRITERS) {
      sql = rewriter.rewrite(SqlLexer.tokenize(sql));
    }
    return sql;
  }

  private static int parameterCount(List<Token> statement) {
    int max = 0;
    for (Token token : statement) {
      if (token.type() == Token.Type.PARAM) {
        String digits = token.text().substring(1);
        int n = digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (n < 1 || n > MAX_PARAMETER) {
          throw new SqlTranslationException("42P02", "there is no parameter " + token.text());
        }
        max = Math.max(max, n);
      }
    }
    return max;
  }

  private static String text(List<Token> tokens) {
    StringBuilder out = new StringBuilder();
    for (Token token : tokens) {
      out.append(token.text());
    }
    return out.toString();
  }

  /** PostgreSQL's wording for each kind of unterminated token. */
  private static SqlTranslationException unterminated(Token token) {
    String text = token.text();
    char first = text.charAt(0);
    String what;
    if (first == '/') {
      what = "unterminated /* comment";
    } else if (first == '$') {
      what = "unterminated dollar-quoted string";
    } else if (first == '"' || ((first == 'u' || first == 'U') && text.charAt(2) == '"')) {
      what = "unterminated quoted identifier";
    } else {
      what = "unterminated quoted string";
    }
    return new SqlTranslationException(
        SqlTranslationException.SYNTAX_ERROR, what + " at or near \"" + text + "\"");
  }
}
