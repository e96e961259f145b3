package io.kqlite.pgwire.codec;

/**
 * | int32 8 | int32 80877103 |
 *
 * <p>Asks whether the server speaks TLS; the answer is a single-byte {@link SslResponse}.
 */
public record SslRequest() implements FrontendMessage {
    static final int CODE = 80877103;
}
