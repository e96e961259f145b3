package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'd' | int32 len | bytes data |
 *
 * <p>A chunk of COPY data; the same message in both directions.
 */
public record CopyData(byte[] data) implements FrontendMessage, BackendMessage {
    static CopyData read(ByteBuf body) {
        return new CopyData(Wire.readRest(body));
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte('d');
        out.writeInt(4 + data.length);
        out.writeBytes(data);
    }
}
