package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'C' | int32 len | byte 'S'|'P' | cstring name |
 *
 * <p>Closes a prepared statement ('S') or portal ('P').
 */
public record Close(char kind, String name) implements FrontendMessage {
    static Close read(ByteBuf body) {
        char kind = Describe.readKind(body, "CLOSE");
        return new Close(kind, Wire.readCString(body));
    }
}
