package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | '1' | int32 4 |
 *
 * <p>Acknowledges a Parse.
 */
public record ParseComplete() implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        Wire.writeEmpty(out, '1');
    }
}
