package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'R' | int32 8 | int32 3 |
 *
 * <p>Asks for the password in clear text (only sensible over TLS); the reply is a PasswordMessage.
 */
public record AuthenticationCleartextPassword() implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte('R');
        out.writeInt(8);
        out.writeInt(3);
    }
}
