package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

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

    /** The body read as a cleartext or MD5 password answer: one cstring filling the message. */
    public String password() {
        ByteBuf body = Unpooled.wrappedBuffer(data);
        String password = Wire.readCString(body);
        if (body.isReadable()) {
            throw PgProtocolException.violation("invalid password packet size");
        }
        return password;
    }
}
