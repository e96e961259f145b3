package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'R' | int32 12 | int32 5 | byte[4] salt |
 *
 * <p>Asks for {@code "md5" + md5hex(md5hex(password + user) + salt)} in a PasswordMessage.
 */
public record AuthenticationMd5Password(byte[] salt) implements BackendMessage {
    public AuthenticationMd5Password {
        if (salt.length != 4) {
            throw new IllegalArgumentException("MD5 salt must be 4 bytes: " + salt.length);
        }
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte('R');
        out.writeInt(12);
        out.writeInt(5);
        out.writeBytes(salt);
    }
}
