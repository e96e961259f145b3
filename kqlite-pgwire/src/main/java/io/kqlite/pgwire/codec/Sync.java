package io.kqlite.pgwire.codec;

/**
 * | 'S' | int32 4 |
 *
 * <p>Ends an extended-query batch: commit if implicit, clear an error, answer ReadyForQuery.
 */
public record Sync() implements FrontendMessage {}
