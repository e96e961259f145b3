package io.kqlite.pgwire.sql;

import java.util.BitSet;

/**
 * What the select (or RETURNING) list says about expression columns SQLite leaves untyped, from
 * one lexing of the statement: boolean items (see {@link BooleanColumns}), bare {@code count(…)}
 * items (see {@link CountColumns}) and aggregates of one column (see {@link AggregateColumns}).
 */
public record SelectItemTypes(BitSet booleans, BitSet counts, AggregateColumns aggregates) {

  public static SelectItemTypes of(String sql) {
    Words w = Words.of(SqlLexer.tokenize(sql));
    return new SelectItemTypes(BooleanColumns.of(w), CountColumns.of(w), AggregateColumns.of(w));
  }
}
