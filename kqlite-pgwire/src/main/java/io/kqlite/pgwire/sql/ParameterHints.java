package io.kqlite.pgwire.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a statement's text says about the type of each {@code $n} parameter the client left
 * unspecified, so that ParameterDescription can name real types: pgx and asyncpg encode parameters
 * by those types (an int64 or bool sent against {@code text} fails in pgx).
 *
 * <p>Recognised: {@code $n::type} and {@code CAST($n AS type)}; comparisons with a column
 * ({@code col = $n}, {@code t.col < $n}, {@code $n LIKE col}, {@code col IN ($n, …)},
 * {@code col BETWEEN $n AND $m}); {@code INSERT INTO t [(cols)] VALUES (…)} and
 * {@code UPDATE t SET col = $n}; LIMIT and OFFSET; operands of AND, OR and NOT. Table aliases
 * from FROM, JOIN, INSERT INTO and UPDATE are resolved. Anything else stays unknown.
 *
 * <p>The same places tell which column an untyped string literal is stored into or compared with
 * ({@link #literalTargets}): PostgreSQL reads such a literal as that column's type.
 */
public final class ParameterHints {

  /** What one parameter is compared with or assigned to. */
  public sealed interface Hint {}

  /** A column; {@code table} is null when the statement names several tables and none was given. */
  public record ColumnHint(String table, String column) implements Hint {}

  /** An explicit or implied PostgreSQL type name ({@code int8}, {@code bool}, {@code varchar}). */
  public record TypeHint(String typeName) implements Hint {

    /** The element type's name of an array type ({@code int[]}), else null. */
    public String elementTypeName() {
      return typeName.endsWith("[]") ? typeName.substring(0, typeName.length() - 2) : null;
    }
  }

  /** {@code INSERT INTO t VALUES (…)} without a column list: the table's column at a position. */
  public record ColumnPositionHint(String table, int position) implements Hint {}

  /**
   * {@code col = ANY($n)} or {@code col <> ALL($n)}: an array of the column's values;
   * {@code element} is null when no column is compared.
   */
  public record ArrayHint(ColumnHint element) implements Hint {}

  private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");
  private static final Set<String> NOT_ALIASES = Set.of("where", "on", "using", "join", "inner",
      "left", "right", "full", "cross", "natural", "group", "order", "limit", "offset", "having",
      "union", "except", "intersect", "set", "values", "returning", "as", "for", "window", "lateral");

  /** Words that make {@code word '…'} a typed literal ({@code date '2020-01-01'}), not a value to hint. */
  private static final Set<String> TYPED_LITERAL_WORDS = Set.of("date", "time", "timestamp",
      "timestamptz", "zone", "interval", "int", "integer", "smallint", "bigint", "int2", "int4",
      "int8", "numeric", "decimal", "real", "float", "float4", "float8", "precision", "bool",
      "boolean", "text", "varchar", "char", "character", "varying", "bytea", "uuid", "json",
      "jsonb", "inet", "cidr", "money", "name", "oid");

  private final List<Token> w; // significant tokens only
  private final Map<String, String> aliases = new HashMap<>(); // alias or table → table
  private final List<String> tables = new ArrayList<>();
  private final Map<Integer, Hint> hints = new HashMap<>();
  private final Map<Token, Hint> literalHints = new HashMap<>();

  private ParameterHints(List<Token> tokens) {
    this.w = tokens.stream().filter(t -> !t.isTrivia()).toList();
  }

  /**
   * Hints by parameter number (1-based); parameters without a hint are absent. Never throws:
   * a statement the patterns do not understand simply yields fewer hints.
   */
  public static Map<Integer, Hint> of(String pgSql) {
    return Map.copyOf(collected(pgSql).hints);
  }

  /**
   * The column each untyped string literal is stored into or compared with ({@code VALUES}
   * items, {@code SET col = '…'}, {@code col = '…'}, {@code col IN ('…')}), keyed by the
   * literal's token; only {@link ColumnHint}s and {@link ColumnPositionHint}s. Never throws.
   */
  public static Map<Token, Hint> literalTargets(String pgSql) {
    return Map.copyOf(collected(pgSql).literalHints);
  }

  private static ParameterHints collected(String pgSql) {
    ParameterHints h = new ParameterHints(SqlLexer.tokenize(pgSql));
    try {
      h.collectTables();
      h.collectHints();
    } catch (RuntimeException unexpectedShape) {
      // best effort: what was found so far stands
    }
    return h;
  }

  /** The tables the statement names, for resolving {@link ColumnHint}s without a table. */
  public static List<String> tables(String pgSql) {
    ParameterHints h = new ParameterHints(SqlLexer.tokenize(pgSql));
    try {
      h.collectTables();
    } catch (RuntimeException unexpectedShape) {
      // best effort
    }
    return List.copyOf(h.tables);
  }

  private void collectTables() {
    for (int i = 0; i < w.size(); i++) {
      Token t = w.get(i);
      boolean introducesTable = t.isWord("from") || t.isWord("join") || t.isWord("into")
          || (t.isWord("update") && i == 0) || (t.isSymbol(",") && inFromList(i));
      if (introducesTable && i + 1 < w.size() && w.get(i + 1).isName()) {
        int at = i + 1;
        String table = name(at);
        if (at + 2 < w.size() && w.get(at + 1).isSymbol(".") && w.get(at + 2).isName()) {
          at += 2; // schema.table
          table = name(at);
        }
        if (!tables.contains(table)) {
          tables.add(table);
        }
        aliases.put(table, table);
        int next = at + 1;
        if (next < w.size() && w.get(next).isWord("as")) {
          next++;
        }
        if (next < w.size() && w.get(next).type() == Token.Type.KEYWORD_OR_IDENT
            && !NOT_ALIASES.contains(name(next))) {
          aliases.put(name(next), table);
        } else if (next < w.size() && w.get(next).type() == Token.Type.QUOTED_IDENT) {
          aliases.put(name(next), table);
        }
      }
    }
  }

  /** A comma continues a FROM list when the last FROM/JOIN before it is closer than any WHERE. */
  private boolean inFromList(int comma) {
    int depth = 0;
    for (int i = comma - 1; i >= 0; i--) {
      Token t = w.get(i);
      if (t.isSymbol(")")) {
        depth++;
      } else if (t.isSymbol("(")) {
        if (depth == 0) {
          return false;
        }
        depth--;
      } else if (depth == 0) {
        if (t.isWord("from") || t.isWord("join")) {
          return true;
        }
        if (t.isWord("where") || t.isWord("select") || t.isWord("values") || t.isWord("set")
            || t.isWord("on") || t.isWord("group") || t.isWord("order")) {
          return false;
        }
      }
    }
    return false;
  }

  private void collectHints() {
    insertColumns();
    for (int i = 0; i < w.size(); i++) {
      if (untypedLiteral(i)) {
        ColumnHint column = comparedColumn(i);
        if (column != null) {
          literalHints.putIfAbsent(w.get(i), column);
        }
        continue;
      }
      Integer n = param(i);
      if (n == null) {
        continue;
      }
      if (i + 2 < w.size() && w.get(i + 1).isSymbol("::") && w.get(i + 2).isName()) {
        put(n, new TypeHint(typeName(i + 2)));
      } else if (i >= 2 && w.get(i - 2).isWord("cast") && w.get(i - 1).isSymbol("(")
          && i + 2 < w.size() && w.get(i + 1).isWord("as")) {
        put(n, new TypeHint(typeName(i + 2)));
      } else if (i >= 1 && (w.get(i - 1).isWord("limit") || w.get(i - 1).isWord("offset"))) {
        put(n, new TypeHint("int8"));
      } else if (isArrayOperand(i)) {
        put(n, new ArrayHint(columnEndingAt(i - 4)));
      } else if (comparedColumn(i) != null) {
        put(n, comparedColumn(i));
      } else if (isBooleanOperand(i)) {
        put(n, new TypeHint("bool"));
      }
    }
  }

  /** {@code INSERT INTO t (c1, c2) VALUES ($1, $2), ($3, $4)}: each parameter takes its column. */
  private void insertColumns() {
    if (w.isEmpty() || !w.get(0).isWord("insert") || w.size() < 4 || !w.get(1).isWord("into")) {
      return;
    }
    int at = 2;
    String table = name(at);
    if (at + 2 < w.size() && w.get(at + 1).isSymbol(".")) {
      at += 2;
      table = name(at);
    }
    at++;
    if (at < w.size() && w.get(at).isWord("as")) {
      at += 2;
    }
    List<String> columns = null; // no column list: every column of the table, in order
    if (at < w.size() && w.get(at).isSymbol("(")) {
      columns = new ArrayList<>();
      for (at++; at < w.size() && !w.get(at).isSymbol(")"); at++) {
        if (w.get(at).isName()) {
          columns.add(name(at));
        }
      }
      at++;
    } else if (at >= w.size() || !w.get(at).isWord("values")) {
      return;
    }
    if (at < w.size() && w.get(at).isWord("select")) {
      if (columns != null) {
        selectItemsIntoColumns(table, columns, at + 1);
      }
      return;
    }
    if (at >= w.size() || !w.get(at).isWord("values")) {
      return;
    }
    int column = 0;
    int depth = 0;
    for (at++; at < w.size(); at++) {
      Token t = w.get(at);
      if (t.isSymbol("(")) {
        if (++depth == 1) {
          column = 0;
        }
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (t.isSymbol(",") && depth == 1) {
        column++;
      } else if (depth == 0 && t.type() == Token.Type.KEYWORD_OR_IDENT) {
        return; // ON CONFLICT, RETURNING: handled by the general patterns
      } else if (depth == 1 && isValue(at) && isWholeValue(at)) {
        if (columns == null) {
          putAt(at, new ColumnPositionHint(table, column));
        } else if (column < columns.size()) {
          putAt(at, new ColumnHint(table, columns.get(column)));
        }
      }
    }
  }

  /** {@code INSERT INTO t (cols) SELECT $1, $2, (…) FROM …}: item i goes into column i. */
  private void selectItemsIntoColumns(String table, List<String> columns, int from) {
    int column = 0;
    int depth = 0;
    for (int at = from; at < w.size(); at++) {
      Token t = w.get(at);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && t.isSymbol(",")) {
        column++;
      } else if (depth == 0 && (t.isWord("from") || t.isWord("where") || t.isWord("returning")
          || t.isWord("on") || t.isWord("union"))) {
        return;
      } else if (depth == 0 && isValue(at) && column < columns.size()
          && (w.get(at - 1).isSymbol(",") || w.get(at - 1).isWord("select"))
          && (at + 1 >= w.size() || w.get(at + 1).isSymbol(",") || w.get(at + 1).isWord("from")
              || w.get(at + 1).isWord("returning") || w.get(at + 1).isWord("where"))) {
        putAt(at, new ColumnHint(table, columns.get(column)));
      }
    }
  }

  /** The parameter is the whole VALUES item: nothing but a separator on both sides. */
  private boolean isWholeValue(int i) {
    boolean before = w.get(i - 1).isSymbol("(") || w.get(i - 1).isSymbol(",");
    boolean after = i + 1 < w.size() && (w.get(i + 1).isSymbol(")") || w.get(i + 1).isSymbol(","));
    return before && after;
  }

  /** {@code col OP $n}, {@code $n OP col}, {@code col IN (…, $n, …)}, {@code col BETWEEN $n AND $m}, {@code SET col = $n}. */
  private ColumnHint comparedColumn(int i) {
    if (i >= 2 && isComparison(i - 1)) {
      ColumnHint left = columnEndingAt(i - 2);
      if (left != null) {
        return left;
      }
    }
    if (i + 2 < w.size() && isComparison(i + 1)) {
      ColumnHint right = columnStartingAt(i + 2);
      if (right != null) {
        return right;
      }
    }
    if (i >= 2 && w.get(i - 1).isWord("between")) {
      return columnEndingAt(i - 2);
    }
    if (i >= 4 && w.get(i - 1).isWord("and") && w.get(i - 3).isWord("between")) {
      return columnEndingAt(i - 4);
    }
    // col IN ($1, $2, …): walk back to the opening parenthesis
    int j = i - 1;
    while (j >= 0 && (w.get(j).isSymbol(",") || isValue(j))) {
      j--;
    }
    if (j >= 2 && w.get(j).isSymbol("(") && w.get(j - 1).isWord("in")) {
      return columnEndingAt(j - 2);
    }
    return null;
  }

  /** {@code … OP ANY($n)} or {@code … OP ALL($n)}. */
  private boolean isArrayOperand(int i) {
    return i >= 3 && i + 1 < w.size() && w.get(i - 1).isSymbol("(") && w.get(i + 1).isSymbol(")")
        && (w.get(i - 2).isWord("any") || w.get(i - 2).isWord("all")) && isComparison(i - 3);
  }

  private boolean isComparison(int i) {
    Token t = w.get(i);
    return (t.type() == Token.Type.OPERATOR && COMPARISONS.contains(t.text()))
        || t.isWord("like") || t.isWord("ilike");
  }

  /** A (possibly qualified) column reference whose last token is at {@code end}. */
  private ColumnHint columnEndingAt(int end) {
    if (end < 0 || w.get(end).type() != Token.Type.KEYWORD_OR_IDENT && w.get(end).type() != Token.Type.QUOTED_IDENT) {
      return null;
    }
    String column = name(end);
    if (end >= 2 && w.get(end - 1).isSymbol(".") && w.get(end - 2).isName()) {
      return new ColumnHint(aliases.getOrDefault(name(end - 2), name(end - 2)), column);
    }
    if (end + 1 < w.size() && w.get(end + 1).isSymbol("(")) {
      return null; // a function call, not a column
    }
    return new ColumnHint(tables.size() == 1 ? tables.get(0) : null, column);
  }

  private ColumnHint columnStartingAt(int start) {
    if (start >= w.size() || !w.get(start).isName()) {
      return null;
    }
    if (start + 2 < w.size() && w.get(start + 1).isSymbol(".") && w.get(start + 2).isName()) {
      return new ColumnHint(aliases.getOrDefault(name(start), name(start)), name(start + 2));
    }
    if (start + 1 < w.size() && (w.get(start + 1).isSymbol("(") || w.get(start + 1).isSymbol("."))) {
      return null;
    }
    return new ColumnHint(tables.size() == 1 ? tables.get(0) : null, name(start));
  }

  private boolean isBooleanOperand(int i) {
    boolean before = i >= 1 && (w.get(i - 1).isWord("and") || w.get(i - 1).isWord("or")
        || w.get(i - 1).isWord("not") || w.get(i - 1).isWord("where"));
    boolean after = i + 1 < w.size() && (w.get(i + 1).isWord("and") || w.get(i + 1).isWord("or"));
    return before || after;
  }

  /** A parameter or an untyped string literal: a value whose type the context decides. */
  private boolean isValue(int i) {
    return param(i) != null || untypedLiteral(i);
  }

  /**
   * A plain, E'…' or dollar-quoted string: not a bit string ({@code B'…'}, {@code X'…'}), not
   * cast ({@code '…'::type}) and not typed ({@code date '…'}).
   */
  private boolean untypedLiteral(int i) {
    Token t = w.get(i);
    boolean string = t.type() == Token.Type.DOLLAR_STRING || t.type() == Token.Type.STRING
        && "bBxX".indexOf(t.text().charAt(0)) < 0;
    boolean typed = i > 0 && w.get(i - 1).type() == Token.Type.KEYWORD_OR_IDENT
        && TYPED_LITERAL_WORDS.contains(name(i - 1));
    return string && !typed && !(i + 1 < w.size() && w.get(i + 1).isSymbol("::"));
  }

  private Integer param(int i) {
    Token t = w.get(i);
    if (t.type() != Token.Type.PARAM) {
      return null;
    }
    try {
      return Integer.parseInt(t.text().substring(1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String name(int i) {
    return SqlLiterals.identifierValue(w.get(i));
  }

  /** A type name after {@code ::} or {@code AS}, including two-word names. */
  /** The type name starting at {@code i}, with {@code []} appended for an array type. */
  private String typeName(int i) {
    String name = name(i);
    int last = i;
    if (i + 1 < w.size() && w.get(i + 1).type() == Token.Type.KEYWORD_OR_IDENT) {
      String second = name(i + 1);
      if (name.equals("double") && second.equals("precision")
          || name.equals("character") && second.equals("varying")) {
        name = name + " " + second;
        last = i + 1;
      }
    }
    boolean array = last + 2 < w.size() && w.get(last + 1).isSymbol("[") && w.get(last + 2).isSymbol("]");
    return array ? name + "[]" : name;
  }

  private void put(int n, Hint hint) {
    hints.putIfAbsent(n, hint);
  }

  /** The hint for the parameter or literal at {@code i}. */
  private void putAt(int i, Hint hint) {
    if (param(i) != null) {
      put(param(i), hint);
    } else {
      literalHints.putIfAbsent(w.get(i), hint);
    }
  }
}
