package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'K' | int32 12 | int32 processId | int32 secretKey |
 *
 * <p>The identity the client must quote in a CancelRequest.
 */
public record BackendKeyData(int processId, int secretKey) implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte('K');
        out.writeInt(12);
        out.writeInt(processId);
        out.writeInt(secretKey);
    }
}
