package io.kqlite.pgwire.catalog;

import static io.kqlite.pgwire.catalog.TokenLists.elements;
import static io.kqlite.pgwire.catalog.TokenLists.indexOf;
import static io.kqlite.pgwire.catalog.TokenLists.significant;
import static io.kqlite.pgwire.catalog.TokenLists.text;

import io.kqlite.pgwire.sql.SqlLexer;
import io.kqlite.pgwire.sql.SqlLiterals;
import io.kqlite.pgwire.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexed items of a stored CREATE INDEX as pg_get_indexdef shows them: a column by its name
 * (quoted only when it must be), an expression as written, then {@code COLLATE} and {@code DESC}.
 * SQLite's index pragmas name plain columns only, so an index on {@code lower(name)} or with
 * {@code DESC} needs its text. {@code COLLATE BINARY} (kqlite's {@code "C"}) is left out: it is
 * the order every column has in kqlite.
 */
final class IndexItems {

  private IndexItems() {
  }

  /** The items, comma separated; null when there is no CREATE INDEX text (SQLite's auto-indexes). */
  static String of(String createIndex) {
    if (createIndex == null) {
      return null;
    }
    List<Token> tokens = significant(SqlLexer.tokenize(createIndex));
    int on = 0;
    while (on < tokens.size() && !tokens.get(on).isWord("on")) {
      on++;
    }
    int open = indexOf(tokens, on, "(");
    if (open < 0) {
      return null;
    }
    List<String> items = new ArrayList<>();
    for (List<Token> item : elements(tokens, open)) {
      String suffix = "";
      if (item.size() > 1 && (last(item).isWord("asc") || last(item).isWord("desc"))) {
        suffix = last(item).isWord("desc") ? " DESC" : "";
        item = item.subList(0, item.size() - 1);
      }
      if (item.size() > 2 && item.get(item.size() - 2).isWord("collate")) {
        String collation = SqlLiterals.identifierValue(last(item));
        if (!collation.equalsIgnoreCase("binary")) { // kqlite's "C", the order every column has
          suffix = " COLLATE " + CatalogFunctions.quoteIdent(collation) + suffix;
        }
        item = item.subList(0, item.size() - 2);
      }
      boolean column = item.size() == 1 && item.get(0).isName();
      items.add((column ? CatalogFunctions.quoteIdent(SqlLiterals.identifierValue(item.get(0))) : text(item)) + suffix);
    }
    return String.join(", ", items);
  }

  private static Token last(List<Token> item) {
    return item.get(item.size() - 1);
  }
}
