package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 't' | int32 len | int16 n | int32 typeOid * n |
 *
 * <p>Answers Describe of a statement with the parameter types the server settled on.
 */
public record ParameterDescription(int[] typeOids) implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        int start = Wire.begin(out, 't');
        Wire.writeCount(out, typeOids.length);
        for (int oid : typeOids) {
            out.writeInt(oid);
        }
        Wire.end(out, start);
    }
}
