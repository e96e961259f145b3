package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'G' | int32 len | int8 overallFormat | int16 n | int16 format * n |
 *
 * <p>Starts COPY FROM STDIN: the client now sends CopyData, then CopyDone or CopyFail. Format 0 text, 1 binary.
 */
public record CopyInResponse(byte overallFormat, short[] columnFormats) implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        int start = Wire.begin(out, 'G');
        out.writeByte(overallFormat);
        Wire.writeShorts(out, columnFormats);
        Wire.end(out, start);
    }
}
