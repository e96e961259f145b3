package io.kqlite.pgwire.codec;

/**
 * | 'H' | int32 4 |
 *
 * <p>Asks the server to send whatever output it has queued.
 */
public record Flush() implements FrontendMessage {}
