package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'c' | int32 4 |
 *
 * <p>End of COPY data; the same message in both directions.
 */
public record CopyDone() implements FrontendMessage, BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        Wire.writeEmpty(out, 'c');
    }
}
