package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'f' | int32 len | cstring message |
 *
 * <p>The client aborts a COPY FROM STDIN, giving a reason.
 */
public record CopyFail(String message) implements FrontendMessage {
    static CopyFail read(ByteBuf body) {
        return new CopyFail(Wire.readCString(body));
    }
}
