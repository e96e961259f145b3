package io.kqlite.pgwire.sql;

import io.kqlite.pgwire.sql.StatementDetail.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses SET, RESET and SHOW into a {@link Setting}. The session keeps settings itself, so the
 * special spellings PostgreSQL allows (SET TIME ZONE, SET NAMES, SHOW TRANSACTION ISOLATION
 * LEVEL, ...) are mapped here to the one setting name they stand for.
 */
final class SettingStatements {

  private SettingStatements() {
  }

  /** SET [SESSION | LOCAL] name {TO | =} value [, ...] | DEFAULT, and the special SET forms. */
  static Setting set(Words w) {
    int i = 1;
    boolean local = false;
    if (w.isWord(i, "local")) {
      local = true;
      i++;
    } else if (w.isWord(i, "session")
        && !w.isWord(i + 1, "authorization") && !w.isWord(i + 1, "characteristics")) {
      i++;
    }
    if (!isAssignment(w, i + 1)) {
      Setting special = specialSet(w, i, local);
      if (special != null) {
        return special;
      }
    }
    int afterName = afterDottedName(w, i);
    if (!isAssignment(w, afterName)) {
      throw SqlTranslationException.syntaxErrorAt(w.get(afterName));
    }
    return new Setting(dottedName(w, i, afterName), value(w, afterName + 1), local);
  }

  /** The SET forms with their own grammar; null if {@code i} starts none of them. */
  private static Setting specialSet(Words w, int i, boolean local) {
    String word = w.word(i);
    if (word == null) {
      return null;
    }
    switch (word) {
      case "time":
        if (!w.isWord(i + 1, "zone")) {
          return null;
        }
        boolean toDefault = w.size() == i + 3
            && (w.isWord(i + 2, "local") || w.isWord(i + 2, "default"));
        return new Setting("timezone", toDefault ? null : value(w, i + 2), local);
      case "transaction":
        return transactionSetting(w, i + 1, "transaction_", local);
      case "session":
        if (w.isWord(i + 1, "authorization")) {
          return new Setting("session_authorization", value(w, i + 2), local);
        }
        if (!w.isWord(i + 2, "as") || !w.isWord(i + 3, "transaction")) {
          throw SqlTranslationException.syntaxErrorAt(w.get(i + 2));
        }
        return transactionSetting(w, i + 4, "default_transaction_", local);
      case "role": return new Setting("role", value(w, i + 1), local);
      case "names": return new Setting("client_encoding", value(w, i + 1), local);
      case "schema": return new Setting("search_path", value(w, i + 1), local);
      case "xml":
        return w.isWord(i + 1, "option") ? new Setting("xmloption", value(w, i + 2), local) : null;
      default: return null;
    }
  }

  private static Setting transactionSetting(Words w, int from, String prefix, boolean local) {
    List<TransactionStatements.Mode> modes = TransactionStatements.modes(w, from);
    if (modes.isEmpty()) {
      throw SqlTranslationException.syntaxErrorAt(w.get(from));
    }
    TransactionStatements.Mode first = modes.get(0);
    return new Setting(prefix + first.setting(), first.value(), local);
  }

  /** RESET name | ALL | TIME ZONE | SESSION AUTHORIZATION | TRANSACTION ISOLATION LEVEL. */
  static Setting reset(Words w) {
    return new Setting(specialName(w, 1), null, false);
  }

  /** SHOW name | ALL | TIME ZONE | SESSION AUTHORIZATION | TRANSACTION ISOLATION LEVEL. */
  static Setting show(Words w) {
    return new Setting(specialName(w, 1), null, false);
  }

  /** The setting SHOW or RESET names at {@code i} (they share these spellings); null for ALL. */
  private static String specialName(Words w, int i) {
    if (w.isWord(i, "all") && w.size() == i + 1) {
      return null;
    }
    if (w.isWord(i, "time") && w.isWord(i + 1, "zone")) {
      return "timezone";
    }
    if (w.isWord(i, "transaction") && w.isWord(i + 1, "isolation") && w.isWord(i + 2, "level")) {
      return "transaction_isolation";
    }
    if (w.isWord(i, "session") && w.isWord(i + 1, "authorization")) {
      return "session_authorization";
    }
    int end = afterDottedName(w, i);
    if (end < w.size()) {
      throw SqlTranslationException.syntaxErrorAt(w.get(end));
    }
    return dottedName(w, i, end);
  }

  private static boolean isAssignment(Words w, int i) {
    return w.isWord(i, "to") || w.isSymbol(i, "=");
  }

  /** Index just past a possibly dotted name ({@code a.b.c}) starting at {@code i}. */
  private static int afterDottedName(Words w, int i) {
    if (!w.isName(i)) {
      throw SqlTranslationException.syntaxErrorAt(w.get(i));
    }
    int end = i + 1;
    while (w.isSymbol(end, ".") && w.isName(end + 1)) {
      end += 2;
    }
    return end;
  }

  private static String dottedName(Words w, int from, int end) {
    StringBuilder name = new StringBuilder();
    for (int k = from; k < end; k += 2) {
      if (k > from) {
        name.append('.');
      }
      name.append(SqlLiterals.identifierValue(w.get(k)));
    }
    return name.toString();
  }

  /**
   * The value of SET from {@code from} to the end: null for DEFAULT, otherwise each
   * comma-separated element with quotes removed, joined by {@code ", "}.
   */
  private static String value(Words w, int from) {
    if (from >= w.size()) {
      throw SqlTranslationException.syntaxErrorAt(null);
    }
    if (w.size() == from + 1 && w.isWord(from, "default")) {
      return null;
    }
    List<String> elements = new ArrayList<>();
    List<Token> element = new ArrayList<>();
    int depth = 0;
    for (int k = from; k < w.size(); k++) {
      Token token = w.get(k);
      if (token.isSymbol("(")) {
        depth++;
      } else if (token.isSymbol(")")) {
        depth--;
      }
      if (depth == 0 && token.isSymbol(",")) {
        elements.add(element(element));
        element.clear();
      } else {
        element.add(token);
      }
    }
    elements.add(element(element));
    return String.join(", ", elements);
  }

  private static String element(List<Token> tokens) {
    if (tokens.isEmpty()) {
      throw SqlTranslationException.syntaxErrorAt(null);
    }
    if (tokens.size() == 1) {
      Token t = tokens.get(0);
      switch (t.type()) {
        case STRING: case DOLLAR_STRING: return SqlLiterals.stringValue(t);
        case KEYWORD_OR_IDENT: case QUOTED_IDENT: return SqlLiterals.identifierValue(t);
        default: return t.text();
      }
    }
    if (tokens.size() == 2 && (tokens.get(0).isSymbol("-") || tokens.get(0).isSymbol("+"))
        && tokens.get(1).type() == Token.Type.NUMBER) {
      return tokens.get(0).text() + tokens.get(1).text();
    }
    StringBuilder raw = new StringBuilder();
    for (Token t : tokens) {
      raw.append(raw.length() == 0 ? "" : " ").append(t.text());
    }
    return raw.toString();
  }
}
