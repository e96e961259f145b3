package io.kqlite.pgwire.codec;

/**
 * | 'X' | int32 4 |
 *
 * <p>The client is leaving; close the connection.
 */
public record Terminate() implements FrontendMessage {}
