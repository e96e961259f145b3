package io.kqlite.pgwire.sql;

import java.util.BitSet;

/**
 * What the select (or RETURNING) list says about expression columns SQLite leaves untyped, from
 * one lexing of the statement: boolean items (see {@link BooleanColumns}) and bare
 * {@code count(…)} items (see {@link CountColumns}).
 */
public record SelectItemTypes(BitSet booleans, BitSet counts) {

  public static SelectItemTypes of(String sql) {
    Words w = Words.of(SqlLexer.tokenize(sql));
    return new SelectItemTypes(BooleanColumns.of(w), CountColumns.of(w));
  }
}
