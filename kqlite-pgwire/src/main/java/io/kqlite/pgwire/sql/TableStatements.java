package io.kqlite.pgwire.sql;

import io.kqlite.pgwire.sql.StatementDetail.AddPrimaryKey;
import io.kqlite.pgwire.sql.StatementDetail.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL table statements SQLite has no single statement for: {@code DROP TABLE a, b},
 * {@code TRUNCATE a, b} (as DELETEs) and {@code ALTER TABLE … ADD PRIMARY KEY} (a rebuild, done
 * by the session because it needs the table's current definition). pgbench -i sends all three.
 */
final class TableStatements {

  private TableStatements() {
  }

  /** The detail for a WRITE statement of this kind, or null when SQLite takes it as it is. */
  static StatementDetail parse(Words w) {
    if (w.isWord(0, "truncate")) {
      return truncate(w);
    }
    boolean dropBehaviour = w.isWord(w.size() - 1, "cascade") || w.isWord(w.size() - 1, "restrict");
    if (w.isWord(0, "drop") && w.word(1) != null && !w.isWord(1, "trigger")
        && (w.hasSymbolAtDepth0(2, ",") || dropBehaviour)) {
      return dropList(w);
    }
    if (w.isWord(0, "alter") && w.isWord(1, "table")) {
      AddPrimaryKey key = addPrimaryKey(w);
      if (key != null) {
        return key;
      }
      StatementDetail types = alterColumnTypes(w);
      return types != null ? types : alterColumnConstraints(w);
    }
    return null;
  }

  /** TRUNCATE [TABLE] [ONLY] name [*] [, …] [CONTINUE IDENTITY] [CASCADE | RESTRICT]. */
  private static Script truncate(Words w) {
    int i = w.isWord(1, "table") ? 2 : 1;
    List<String> statements = new ArrayList<>();
    while (true) {
      if (w.isWord(i, "only")) {
        i++;
      }
      int start = i;
      i = w.skipQualifiedName(i);
      statements.add("DELETE FROM " + raw(w, start, i));
      if (w.isSymbol(i, "*")) {
        i++;
      }
      if (!w.isSymbol(i, ",")) {
        break;
      }
      i++;
    }
    if (w.isWord(i, "restart") && w.isWord(i + 1, "identity")) {
      throw SqlTranslationException.featureNotSupported("TRUNCATE … RESTART IDENTITY is not supported");
    }
    if (w.isWord(i, "continue") && w.isWord(i + 1, "identity")) {
      i += 2;
    }
    if (w.isWord(i, "cascade") || w.isWord(i, "restrict")) {
      i++;
    }
    if (i < w.size()) {
      throw SqlTranslationException.syntaxErrorAt(w.get(i));
    }
    return new Script(statements);
  }

  /**
   * DROP TABLE|VIEW|INDEX [IF EXISTS] a, b, … [CASCADE | RESTRICT]: one DROP per object. CASCADE
   * drops nothing more (a view over a dropped table is left, and fails when read).
   */
  private static Script dropList(Words w) {
    String object = w.word(1).toUpperCase(Locale.ROOT);
    int i = w.isIfExists(2) ? 4 : 2;
    String ifExists = i == 4 ? "IF EXISTS " : "";
    List<String> statements = new ArrayList<>();
    while (true) {
      int start = i;
      i = w.skipQualifiedName(i);
      statements.add("DROP " + object + " " + ifExists + raw(w, start, i));
      if (!w.isSymbol(i, ",")) {
        break;
      }
      i++;
    }
    if (w.isWord(i, "cascade") || w.isWord(i, "restrict")) {
      i++;
    }
    if (i < w.size()) {
      throw SqlTranslationException.syntaxErrorAt(w.get(i));
    }
    return new Script(statements);
  }

  /** ALTER TABLE [IF EXISTS] [ONLY] t ADD [CONSTRAINT c] PRIMARY KEY (cols); null for other ALTERs. */
  /** The table of ALTER TABLE [IF EXISTS] [ONLY] name, and the index of the word after it. */
  private record AlterTarget(String table, int next) {}

  private static AlterTarget alterTarget(Words w) {
    int i = w.isIfExists(2) ? 4 : 2;
    if (w.isWord(i, "only")) {
      i++;
    }
    if (!w.isName(i)) {
      return null;
    }
    int nameAt = w.skipQualifiedName(i) - 1; // the table, without a schema
    return new AlterTarget(w.identifier(nameAt), nameAt + 1);
  }

  private static AddPrimaryKey addPrimaryKey(Words w) {
    AlterTarget target = alterTarget(w);
    if (target == null) {
      return null;
    }
    String table = target.table();
    int i = target.next();
    if (!w.isWord(i, "add")) {
      return null;
    }
    i++;
    String constraint = table + "_pkey";
    if (w.isWord(i, "constraint")) {
      constraint = w.identifier(i + 1);
      i += 2;
    }
    if (!w.isWord(i, "primary") || !w.isWord(i + 1, "key") || !w.isSymbol(i + 2, "(")) {
      return null;
    }
    int close = w.closing(i + 2);
    List<String> columns = new ArrayList<>();
    for (int k = i + 3; k < close; k++) {
      if (!w.isSymbol(k, ",")) {
        columns.add(w.identifier(k));
      }
    }
    if (close + 1 < w.size()) {
      return null; // USING INDEX TABLESPACE and the like: let SQLite report it
    }
    return new AddPrimaryKey(table, constraint, columns);
  }

  /**
   * ALTER TABLE [IF EXISTS] [ONLY] t ALTER [COLUMN] c [SET DATA] TYPE type [COLLATE x] [USING e]
   * [, …]; null when any action is something else (SQLite then takes or refuses the statement).
   */
  private static StatementDetail.AlterColumnTypes alterColumnTypes(Words w) {
    AlterTarget target = alterTarget(w);
    if (target == null) {
      return null;
    }
    String table = target.table();
    int i = target.next();
    List<StatementDetail.ColumnType> columns = new ArrayList<>();
    while (i < w.size()) {
      if (!w.isWord(i, "alter")) {
        return null;
      }
      i++;
      if (w.isWord(i, "column")) {
        i++;
      }
      if (!w.isName(i)) {
        return null;
      }
      String column = w.identifier(i++);
      if (w.isWord(i, "set") && w.isWord(i + 1, "data")) {
        i += 2;
      }
      if (!w.isWord(i, "type")) {
        return null;
      }
      int typeStart = ++i;
      while (i < w.size() && !w.isSymbol(i, ",") && !w.isWord(i, "collate") && !w.isWord(i, "using")) {
        i = w.isSymbol(i, "(") ? w.closing(i) + 1 : i + 1;
      }
      if (i == typeStart) {
        return null;
      }
      columns.add(new StatementDetail.ColumnType(column, raw(w, typeStart, i).trim()));
      while (i < w.size() && !w.isSymbol(i, ",")) { // COLLATE and USING: the data stays as it is
        i = w.isSymbol(i, "(") ? w.closing(i) + 1 : i + 1;
      }
      if (w.isSymbol(i, ",")) {
        i++;
      }
    }
    return columns.isEmpty() ? null : new StatementDetail.AlterColumnTypes(table, columns);
  }

  /**
   * ALTER TABLE [IF EXISTS] [ONLY] t ALTER [COLUMN] c SET DEFAULT e | DROP DEFAULT | SET NOT NULL
   * | DROP NOT NULL [, …]; null when any action is something else.
   */
  private static StatementDetail.AlterColumnConstraints alterColumnConstraints(Words w) {
    AlterTarget target = alterTarget(w);
    if (target == null) {
      return null;
    }
    int i = target.next();
    List<StatementDetail.ColumnChange> changes = new ArrayList<>();
    while (i < w.size()) {
      if (!w.isWord(i, "alter")) {
        return null;
      }
      i = w.isWord(i + 1, "column") ? i + 2 : i + 1;
      if (!w.isName(i)) {
        return null;
      }
      String column = w.identifier(i++);
      StatementDetail.ColumnAction action;
      String defaultSql = null;
      if (w.isWord(i, "set") && w.isWord(i + 1, "default")) {
        int start = i + 2;
        i = start;
        while (i < w.size() && !(w.isSymbol(i, ",") && w.isWord(i + 1, "alter"))) {
          i = w.isSymbol(i, "(") ? w.closing(i) + 1 : i + 1;
        }
        if (i == start) {
          throw SqlTranslationException.syntaxErrorAt(w.get(start - 1));
        }
        // The expression as a select item would be: casts, now() and the like translated.
        String translated = PgToSqlite.translate("SELECT " + w.text(start, i - 1)).sqliteSql();
        defaultSql = translated.substring("SELECT ".length());
        action = StatementDetail.ColumnAction.SET_DEFAULT;
      } else if (w.isWord(i, "drop") && w.isWord(i + 1, "default")) {
        action = StatementDetail.ColumnAction.DROP_DEFAULT;
        i += 2;
      } else if ((w.isWord(i, "set") || w.isWord(i, "drop")) && w.isWord(i + 1, "not") && w.isWord(i + 2, "null")) {
        action = w.isWord(i, "set") ? StatementDetail.ColumnAction.SET_NOT_NULL
            : StatementDetail.ColumnAction.DROP_NOT_NULL;
        i += 3;
      } else {
        return null;
      }
      changes.add(new StatementDetail.ColumnChange(column, action, defaultSql));
      if (w.isSymbol(i, ",")) {
        i++;
      } else if (i < w.size()) {
        return null;
      }
    }
    return changes.isEmpty() ? null : new StatementDetail.AlterColumnConstraints(target.table(), changes);
  }

  private static String raw(Words w, int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int k = from; k < to; k++) {
      out.append(w.get(k).text());
    }
    return out.toString();
  }
}
