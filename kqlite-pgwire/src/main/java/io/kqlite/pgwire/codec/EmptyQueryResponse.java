package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'I' | int32 4 |
 *
 * <p>Answers a query string that held no statement, in place of CommandComplete.
 */
public record EmptyQueryResponse() implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        Wire.writeEmpty(out, 'I');
    }
}
