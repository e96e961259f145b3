package io.kqlite.pgwire.sql;

import java.util.BitSet;
import java.util.Map;

/**
 * What the select (or RETURNING) list says about expression columns SQLite leaves untyped, from
 * one lexing of the statement: boolean items (see {@link BooleanColumns}), bare {@code count(…)}
 * items (see {@link CountColumns}), aggregates of one column (see {@link AggregateColumns}) and
 * literals, casts and arithmetic of a known type (see {@link ExpressionColumns}).
 */
public record SelectItemTypes(BitSet booleans, BitSet counts, AggregateColumns aggregates,
    Map<Integer, String> expressions) {

  public static SelectItemTypes of(String sql) {
    Words w = Words.of(SqlLexer.tokenize(sql));
    return new SelectItemTypes(BooleanColumns.of(w), CountColumns.of(w), AggregateColumns.of(w),
        ExpressionColumns.of(w));
  }
}
