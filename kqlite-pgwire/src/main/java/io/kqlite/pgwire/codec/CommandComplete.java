package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'C' | int32 len | cstring tag |
 *
 * <p>A statement finished; the tag is what clients parse for row counts, e.g. "INSERT 0 1" or "SELECT 3".
 */
public record CommandComplete(String tag) implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        int start = Wire.begin(out, 'C');
        Wire.writeCString(out, tag);
        Wire.end(out, start);
    }
}
