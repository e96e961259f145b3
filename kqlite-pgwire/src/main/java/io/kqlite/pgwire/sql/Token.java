package io.kqlite.pgwire.sql;

import java.util.Objects;

/**
 * One lexical token of PostgreSQL SQL, with its exact source text and position.
 *
 * <p>Tokens produced by {@link SqlLexer} are lossless: concatenating their {@link #text()}s gives
 * the input back, and {@code text == input.substring(start, end)}.
 *
 * @param type  what kind of token this is
 * @param text  the exact source text, including quotes, prefixes and comment markers
 * @param start offset of the first character in the input (UTF-16 index)
 * @param end   offset just past the last character
 */
public record Token(Type type, String text, int start, int end) {

  /** Token categories, as far as translation needs to tell them apart. */
  public enum Type {
    /** Unquoted identifier or keyword: {@code select}, {@code my_table}, {@code a$b}. */
    KEYWORD_OR_IDENT,
    /** {@code "..."} with {@code ""} escapes, also {@code U&"..."}. */
    QUOTED_IDENT,
    /**
     * {@code '...'} and its prefixed forms {@code E'...'}, {@code U&'...'}, {@code N'...'},
     * {@code B'...'}, {@code X'...'}.
     */
    STRING,
    /** {@code $$...$$} or {@code $tag$...$tag$}. */
    DOLLAR_STRING,
    /** Numeric literal: {@code 42}, {@code 1.5}, {@code .5e-3}. */
    NUMBER,
    /** Positional parameter {@code $1}, {@code $2}, ... */
    PARAM,
    /** Operator: {@code =}, {@code <>}, {@code ||}, {@code ::}, {@code :=}, {@code ->>}, ... */
    OPERATOR,
    /** One punctuation character: {@code ( ) [ ] , ; . :} or one PostgreSQL would reject. */
    PUNCT,
    /** Spaces, tabs, newlines. */
    WHITESPACE,
    /** {@code -- line} or (nested) {@code /* block *}{@code /} comment. */
    COMMENT,
    /**
     * A string, quoted identifier, dollar string or block comment that runs to the end of the
     * input without its closing delimiter. Always the last token; translation rejects it.
     */
    UNTERMINATED
  }

  public Token {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
  }

  /** True for whitespace and (terminated) comments: tokens that never change a statement's meaning. */
  public boolean isTrivia() {
    return type == Type.WHITESPACE || type == Type.COMMENT;
  }

  /** True if this is the unquoted word {@code lowerCaseWord}, folding case as PostgreSQL does. */
  public boolean isWord(String lowerCaseWord) {
    return type == Type.KEYWORD_OR_IDENT && SqlLiterals.foldIdentifier(text).equals(lowerCaseWord);
  }

  /** True if this is the operator or punctuation {@code symbol}. */
  public boolean isSymbol(String symbol) {
    return (type == Type.OPERATOR || type == Type.PUNCT) && text.equals(symbol);
  }

  /** True for tokens that can name something: unquoted words and quoted identifiers. */
  public boolean isName() {
    return type == Type.KEYWORD_OR_IDENT || type == Type.QUOTED_IDENT;
  }
}
