package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'R' | int32 len | int32 11 | bytes data |
 *
 * <p>A SASL challenge (for SCRAM: the server-first-message); the client answers with a SASLResponse.
 */
public record AuthenticationSaslContinue(byte[] data) implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        int length = Wire.begin(out, 'R');
        out.writeInt(11);
        out.writeBytes(data);
        Wire.end(out, length);
    }
}
