package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * | 'R' | int32 len | int32 10 | cstring mechanism… | byte 0 |
 *
 * <p>Starts SASL authentication, offering the listed mechanisms; the client answers with a
 * SASLInitialResponse.
 */
public record AuthenticationSasl(List<String> mechanisms) implements BackendMessage {
    public AuthenticationSasl {
        mechanisms = List.copyOf(mechanisms);
    }

    @Override
    public void writeTo(ByteBuf out) {
        int length = Wire.begin(out, 'R');
        out.writeInt(10);
        for (String mechanism : mechanisms) {
            Wire.writeCString(out, mechanism);
        }
        out.writeByte(0);
        Wire.end(out, length);
    }
}
