package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'B' | int32 len | cstring portal | cstring stmt | int16 n | int16 fmt * n | int16 m | { int32 len (-1 NULL) | bytes }* m | int16 k | int16 fmt * k |
 *
 * <p>Binds parameter values to a prepared statement, making a portal. A null element of
 * {@code parameterValues} is SQL NULL. Format lists follow the protocol: empty means all text,
 * one entry applies to all, otherwise one per item (0 text, 1 binary); the session checks them.
 */
public record Bind(String portalName, String statementName, short[] parameterFormats, byte[][] parameterValues,
        short[] resultFormats) implements FrontendMessage {

    static Bind read(ByteBuf body) {
        String portal = Wire.readCString(body);
        String statement = Wire.readCString(body);
        short[] parameterFormats = Wire.readShorts(body);
        byte[][] values = new byte[Wire.readCount(body, 4)][];
        for (int i = 0; i < values.length; i++) {
            int length = body.readInt();
            if (length == -1) {
                continue;
            }
            if (length < 0 || length > body.readableBytes()) {
                throw PgProtocolException.violation(
                        "invalid message format: parameter " + (i + 1) + " has length " + length);
            }
            values[i] = new byte[length];
            body.readBytes(values[i]);
        }
        return new Bind(portal, statement, parameterFormats, values, Wire.readShorts(body));
    }
}
