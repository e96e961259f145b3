package io.kqlite.pgwire.codec;

import static io.kqlite.pgwire.codec.PgProtocolException.violation;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * | 'p' | int32 len | cstring mechanism | int32 dataLen (-1: none) | bytes data |
 *
 * <p>The client's first SASL message. It shares type 'p' with other answers, so the decoder
 * yields a {@link PasswordMessage} and the handler, which knows it asked for SASL, reads it with
 * {@link #from(PasswordMessage)}.
 *
 * @param data the initial response, or null when the client sent none
 */
public record SaslInitialResponse(String mechanism, byte[] data) implements FrontendMessage {

    /** Reads a 'p' body as a SASLInitialResponse; a malformed one is a protocol violation. */
    public static SaslInitialResponse from(PasswordMessage message) {
        ByteBuf body = Unpooled.wrappedBuffer(message.data());
        try {
            String mechanism = Wire.readCString(body);
            int length = body.readInt();
            if (length < -1 || length != (length < 0 ? -1 : body.readableBytes())) {
                throw violation("malformed SASLInitialResponse: data length " + length);
            }
            byte[] data = length < 0 ? null : Wire.readRest(body);
            return new SaslInitialResponse(mechanism, data);
        } catch (IndexOutOfBoundsException e) {
            throw violation("malformed SASLInitialResponse");
        }
    }
}
