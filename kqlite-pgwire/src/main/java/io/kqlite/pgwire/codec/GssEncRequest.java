package io.kqlite.pgwire.codec;

/**
 * | int32 8 | int32 80877104 |
 *
 * <p>Asks for GSSAPI encryption; answer {@code new SslResponse('N')} to refuse it.
 */
public record GssEncRequest() implements FrontendMessage {
    static final int CODE = 80877104;
}
