package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'Q' | int32 len | cstring sql |
 *
 * <p>Simple query: one or more statements, run and answered in one go.
 */
public record Query(String sql) implements FrontendMessage {
    static Query read(ByteBuf body) {
        return new Query(Wire.readCString(body));
    }
}
