package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'H' | int32 len | int8 overallFormat | int16 n | int16 format * n |
 *
 * <p>Starts COPY TO STDOUT: the server now sends CopyData, then CopyDone. Format 0 text, 1 binary.
 */
public record CopyOutResponse(byte overallFormat, short[] columnFormats) implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        int start = Wire.begin(out, 'H');
        out.writeByte(overallFormat);
        Wire.writeShorts(out, columnFormats);
        Wire.end(out, start);
    }
}
