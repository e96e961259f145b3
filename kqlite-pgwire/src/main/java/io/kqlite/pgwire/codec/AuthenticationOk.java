package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'R' | int32 8 | int32 0 |
 *
 * <p>The client is authenticated; parameter status and key data follow.
 */
public record AuthenticationOk() implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte('R');
        out.writeInt(8);
        out.writeInt(0);
    }
}
