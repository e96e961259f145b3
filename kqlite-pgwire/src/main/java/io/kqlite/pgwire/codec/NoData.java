package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'n' | int32 4 |
 *
 * <p>Answers Describe for a statement or portal that returns no rows, in place of RowDescription.
 */
public record NoData() implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        Wire.writeEmpty(out, 'n');
    }
}
