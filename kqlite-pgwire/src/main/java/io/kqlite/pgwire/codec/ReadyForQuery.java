package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'Z' | int32 5 | byte status |
 *
 * <p>The server is idle; the status is 'I' (no transaction), 'T' (in one) or 'E' (in a failed one).
 */
public record ReadyForQuery(char transactionStatus) implements BackendMessage {
    public ReadyForQuery {
        if (transactionStatus != 'I' && transactionStatus != 'T' && transactionStatus != 'E') {
            throw new IllegalArgumentException("transaction status must be I, T or E: " + transactionStatus);
        }
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte('Z');
        out.writeInt(5);
        out.writeByte(transactionStatus);
    }
}
