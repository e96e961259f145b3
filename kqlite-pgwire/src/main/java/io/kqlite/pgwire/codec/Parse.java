package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'P' | int32 len | cstring name | cstring sql | int16 n | int32 typeOid * n |
 *
 * <p>Prepares a statement; a type OID of 0 leaves the parameter type to the server.
 */
public record Parse(String statementName, String sql, int[] parameterTypeOids) implements FrontendMessage {
    static Parse read(ByteBuf body) {
        String name = Wire.readCString(body);
        String sql = Wire.readCString(body);
        int[] oids = new int[Wire.readCount(body, 4)];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = body.readInt();
        }
        return new Parse(name, sql, oids);
    }
}
