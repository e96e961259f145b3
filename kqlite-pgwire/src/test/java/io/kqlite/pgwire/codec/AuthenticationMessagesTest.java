package io.kqlite.pgwire.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The password-exchange messages: challenges out, and the one 'p' message in that the handler
 * reads as a password, a SASLInitialResponse or a SASLResponse depending on what it asked for.
 */
class AuthenticationMessagesTest {

    private static byte[] encode(BackendMessage message) {
        EmbeddedChannel channel = new EmbeddedChannel(new PgEncoder());
        channel.writeOutbound(message);
        ByteBuf buf = channel.readOutbound();
        byte[] bytes = ByteBufUtil.getBytes(buf);
        buf.release();
        assertFalse(channel.finish());
        return bytes;
    }

    /** Feeds the bytes one at a time and returns the one decoded PasswordMessage. */
    private static PasswordMessage decode(byte[] bytes) {
        EmbeddedChannel channel = Decoding.afterStartup();
        for (byte b : bytes) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        PasswordMessage message = channel.readInbound();
        assertNull(channel.readInbound());
        assertFalse(channel.finish());
        return message;
    }

    @Test
    void challenges() {
        assertArrayEquals(Bytes.message('R', Bytes.of().i32(5).raw(new byte[] {1, 2, 3, 4})),
                encode(new AuthenticationMd5Password(new byte[] {1, 2, 3, 4})));
        assertArrayEquals(Bytes.message('R', Bytes.of().i32(10).str("SCRAM-SHA-256").i8(0)),
                encode(new AuthenticationSasl(List.of("SCRAM-SHA-256"))));
        assertArrayEquals(Bytes.message('R', Bytes.of().i32(11).raw("r=abc".getBytes(StandardCharsets.UTF_8))),
                encode(new AuthenticationSaslContinue("r=abc".getBytes(StandardCharsets.UTF_8))));
        assertArrayEquals(Bytes.message('R', Bytes.of().i32(12).raw("v=xyz".getBytes(StandardCharsets.UTF_8))),
                encode(new AuthenticationSaslFinal("v=xyz".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IllegalArgumentException.class, () -> new AuthenticationMd5Password(new byte[3]));
    }

    @Test
    void passwordMessage() {
        PasswordMessage message = decode(Bytes.message('p', Bytes.of().str("md5abc")));
        assertEquals("md5abc", message.password());
        PasswordMessage twoStrings = decode(Bytes.message('p', Bytes.of().str("a").str("b")));
        assertEquals("08P01", assertThrows(PgProtocolException.class, twoStrings::password).sqlState());
    }

    @Test
    void saslInitialResponse() {
        byte[] first = "n,,n=,r=abc".getBytes(StandardCharsets.UTF_8);
        SaslInitialResponse initial = SaslInitialResponse.from(decode(Bytes.message('p',
                Bytes.of().str("SCRAM-SHA-256").i32(first.length).raw(first))));
        assertEquals("SCRAM-SHA-256", initial.mechanism());
        assertArrayEquals(first, initial.data());
        SaslInitialResponse none = SaslInitialResponse.from(decode(Bytes.message('p',
                Bytes.of().str("SCRAM-SHA-256").i32(-1))));
        assertNull(none.data());
    }

    @Test
    void malformedSaslInitialResponseIsAProtocolViolation() {
        for (Bytes body : List.of(Bytes.of().str("SCRAM-SHA-256").i32(99).raw(new byte[] {1}),
                Bytes.of().str("SCRAM-SHA-256").i32(-2), Bytes.of().str("SCRAM-SHA-256"),
                Bytes.of().raw("no terminator".getBytes(StandardCharsets.UTF_8)))) {
            PasswordMessage message = decode(Bytes.message('p', body));
            assertEquals("08P01", assertThrows(PgProtocolException.class,
                    () -> SaslInitialResponse.from(message)).sqlState());
        }
    }

    @Test
    void saslResponseIsTheRawBody() {
        byte[] data = "c=biws,r=abc,p=AAAA".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(data, SaslResponse.from(decode(Bytes.message('p', Bytes.of().raw(data)))).data());
    }
}
