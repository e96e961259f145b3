package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'p' | int32 len | bytes data |
 *
 * <p>Authentication response. Kept as raw bytes because its layout depends on the method the
 * server asked for: a cstring password, or a SASL initial response or continuation.
 */
public record PasswordMessage(byte[] data) implements FrontendMessage {
    static PasswordMessage read(ByteBuf body) {
        return new PasswordMessage(Wire.readRest(body));
    }
}
