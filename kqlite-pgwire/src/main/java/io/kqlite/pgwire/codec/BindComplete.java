package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | '2' | int32 4 |
 *
 * <p>Acknowledges a Bind.
 */
public record BindComplete() implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        Wire.writeEmpty(out, '2');
    }
}
