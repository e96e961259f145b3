package io.kqlite.pgwire.codec;

/**
 * | 'p' | int32 len | bytes data |
 *
 * <p>A client SASL continuation (for SCRAM: the client-final-message). Read from the {@link
 * PasswordMessage} the decoder yields, as the handler knows it is in a SASL exchange.
 */
public record SaslResponse(byte[] data) implements FrontendMessage {
    public static SaslResponse from(PasswordMessage message) {
        return new SaslResponse(message.data());
    }
}
