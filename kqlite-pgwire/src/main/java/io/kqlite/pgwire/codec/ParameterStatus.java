package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'S' | int32 len | cstring name | cstring value |
 *
 * <p>Reports a run-time setting clients rely on, such as server_version or client_encoding.
 */
public record ParameterStatus(String name, String value) implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        int start = Wire.begin(out, 'S');
        Wire.writeCString(out, name);
        Wire.writeCString(out, value);
        Wire.end(out, start);
    }
}
