package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'D' | int32 len | byte 'S'|'P' | cstring name |
 *
 * <p>Asks for the description of a prepared statement ('S') or portal ('P').
 */
public record Describe(char kind, String name) implements FrontendMessage {
    static Describe read(ByteBuf body) {
        char kind = readKind(body, "DESCRIBE");
        return new Describe(kind, Wire.readCString(body));
    }

    /** Reads the statement-or-portal byte shared with {@link Close}. */
    static char readKind(ByteBuf body, String what) {
        char kind = (char) body.readUnsignedByte();
        if (kind != 'S' && kind != 'P') {
            throw PgProtocolException.violation("invalid " + what + " message subtype " + (int) kind);
        }
        return kind;
    }
}
