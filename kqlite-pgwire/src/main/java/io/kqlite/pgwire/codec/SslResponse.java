package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | byte 'S'|'N' |
 *
 * <p>Answers SslRequest, or GssEncRequest: 'S' means start TLS now, 'N' means go on in plain text.
 * Unlike every other message it is a bare byte, with no type and no length.
 */
public record SslResponse(char answer) implements BackendMessage {
    public SslResponse {
        if (answer != 'S' && answer != 'N') {
            throw new IllegalArgumentException("answer must be S or N: " + answer);
        }
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(answer);
    }
}
