package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'R' | int32 len | int32 12 | bytes data |
 *
 * <p>The SASL outcome (for SCRAM: the server-final-message with the server signature); an
 * AuthenticationOk follows.
 */
public record AuthenticationSaslFinal(byte[] data) implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        int length = Wire.begin(out, 'R');
        out.writeInt(12);
        out.writeBytes(data);
        Wire.end(out, length);
    }
}
