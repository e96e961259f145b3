package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | '3' | int32 4 |
 *
 * <p>Acknowledges a Close, also for names that did not exist.
 */
public record CloseComplete() implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        Wire.writeEmpty(out, '3');
    }
}
