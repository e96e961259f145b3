package io.kqlite.pgwire.codec;

import static io.kqlite.pgwire.codec.Decoding.assertRejected;
import static io.kqlite.pgwire.codec.PgProtocolException.FEATURE_NOT_SUPPORTED;
import static io.kqlite.pgwire.codec.PgProtocolException.PROTOCOL_VIOLATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PgDecoderStartupTest {

    private static final byte[] SSL_REQUEST = Bytes.of().i32(8).i32(80877103).toArray();
    private static final byte[] GSSENC_REQUEST = Bytes.of().i32(8).i32(80877104).toArray();

    private final EmbeddedChannel channel = new EmbeddedChannel(new PgDecoder());

    @ParameterizedTest
    @EnumSource(Feed.class)
    void startupKeepsParametersInOrder(Feed feed) {
        byte[] bytes = Bytes.startup(196608, "user", "alice", "database", "db", "application_name", "psql",
                "client_encoding", "UTF8");

        List<Object> decoded = feed.decode(channel, bytes);

        assertEquals(1, decoded.size());
        StartupMessage startup = (StartupMessage) decoded.get(0);
        assertEquals(StartupMessage.PROTOCOL_3_0, startup.protocolVersion());
        assertEquals(List.of("user", "database", "application_name", "client_encoding"),
                List.copyOf(startup.parameters().keySet()));
        assertEquals("alice", startup.parameters().get("user"));
        assertEquals("UTF8", startup.parameters().get("client_encoding"));
        assertFalse(channel.finish());
    }

    @Test
    void startupWithoutParameters() {
        List<Object> decoded = Feed.WHOLE.decode(channel, Bytes.startup(196608));
        assertEquals(List.of(new StartupMessage(196608, Map.of())), decoded);
        assertFalse(channel.finish());
    }

    @Test
    void newerMinorVersionIsPassedOnAsSent() {
        byte[] bytes = Bytes.startup(3 << 16 | 2, "user", "u", "_pq_.some_option", "on");

        StartupMessage startup = (StartupMessage) Feed.WHOLE.decode(channel, bytes).get(0);

        assertEquals(3, startup.majorVersion());
        assertEquals(2, startup.minorVersion());
        assertEquals("on", startup.parameters().get("_pq_.some_option"));
        assertFalse(channel.finish());
    }

    @Test
    void startupThenTypedMessages() {
        byte[] bytes = Bytes.concat(Bytes.startup(196608, "user", "u"), Bytes.message('Q', Bytes.of().str("SELECT 1")));

        List<Object> decoded = Feed.WHOLE.decode(channel, bytes);

        assertEquals(List.of(new StartupMessage(196608, Map.of("user", "u")), new Query("SELECT 1")), decoded);
        assertFalse(channel.finish());
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void sslRequestKeepsTheDecoderInStartup(Feed feed) {
        assertEquals(List.of(new SslRequest()), feed.decode(channel, SSL_REQUEST));
        // the server answers 'N'; the client then sends its real startup packet
        List<Object> decoded = feed.decode(channel, Bytes.startup(196608, "user", "u"));
        assertEquals(List.of(new StartupMessage(196608, Map.of("user", "u"))), decoded);
        assertFalse(channel.finish());
    }

    @Test
    void gssEncRequestThenSslRequestThenStartup() {
        assertEquals(List.of(new GssEncRequest()), Feed.WHOLE.decode(channel, GSSENC_REQUEST));
        assertEquals(List.of(new SslRequest()), Feed.WHOLE.decode(channel, SSL_REQUEST));
        assertEquals(1, Feed.WHOLE.decode(channel, Bytes.startup(196608, "user", "u")).size());
        assertFalse(channel.finish());
    }

    @Test
    void bytesSentBehindSslRequestBeforeTheAnswerAreRefused() {
        byte[] bytes = Bytes.concat(SSL_REQUEST, Bytes.startup(196608, "user", "u"));
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "unencrypted data after encryption request");
    }

    @Test
    void sslRequestWithWrongLength() {
        byte[] bytes = Bytes.of().i32(12).i32(80877103).i32(0).toArray();
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "unexpected bytes");
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void cancelRequestEndsTheConnection(Feed feed) {
        byte[] bytes = Bytes.of().i32(16).i32(80877102).i32(4711).i32(-123456789).toArray();

        assertEquals(List.of(new CancelRequest(4711, -123456789)), feed.decode(channel, bytes));

        ByteBuf later = Unpooled.wrappedBuffer(Bytes.startup(196608, "user", "u"));
        assertFalse(channel.writeInbound(later), "nothing may follow a cancel request");
        assertEquals(0, later.refCnt());
        assertFalse(channel.finish());
    }

    @Test
    void cancelRequestWithWrongLength() {
        byte[] bytes = Bytes.of().i32(12).i32(80877102).i32(4711).toArray();
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "invalid length of cancel request");
    }

    @Test
    void httpRequestIsRefused() {
        byte[] bytes = "GET / HTTP/1.1\r\nHost: example\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "invalid length of startup packet: 1195725856");
    }

    @Test
    void tlsClientHelloWithoutSslRequestIsRefused() {
        byte[] bytes = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "invalid length of startup packet");
    }

    @Test
    void protocolVersion2IsNotSupported() {
        assertRejected(channel, Bytes.startup(2 << 16, "user", "u"), FEATURE_NOT_SUPPORTED,
                "unsupported frontend protocol 2.0");
    }

    @Test
    void unknownSpecialCodeIsNotSupported() {
        byte[] bytes = Bytes.of().i32(8).i32(1234 << 16 | 5681).toArray();
        assertRejected(channel, bytes, FEATURE_NOT_SUPPORTED, "unsupported frontend protocol 1234.5681");
    }

    @Test
    void tooShortLengthIsRefusedFromTheLengthAlone() {
        assertRejected(channel, Bytes.of().i32(4).toArray(), PROTOCOL_VIOLATION,
                "invalid length of startup packet: 4");
    }

    @Test
    void negativeLengthIsRefusedFromTheLengthAlone() {
        assertRejected(channel, Bytes.of().i32(-8).toArray(), PROTOCOL_VIOLATION,
                "invalid length of startup packet: -8");
    }

    @Test
    void oversizedStartupIsRefusedFromTheLengthAlone() {
        assertRejected(channel, Bytes.of().i32(10_001).toArray(), PROTOCOL_VIOLATION,
                "invalid length of startup packet: 10001");
    }

    @Test
    void largestStartupIsAccepted() {
        String value = "x".repeat(10_000 - 4 - 4 - "user".length() - 1 - 1 - 1);
        byte[] bytes = Bytes.startup(196608, "user", value);
        assertEquals(10_000, bytes.length);
        assertEquals(1, Feed.WHOLE.decode(channel, bytes).size());
        assertFalse(channel.finish());
    }

    @Test
    void incompleteLengthWaits() {
        assertEquals(List.of(), Feed.BYTE_AT_A_TIME.decode(channel, new byte[] {0, 0, 0}));
        assertFalse(channel.finish());
    }

    @Test
    void startupWithoutFinalTerminator() {
        byte[] body = Bytes.of().i32(196608).str("user").str("u").toArray();
        byte[] bytes = Bytes.of().i32(4 + body.length).raw(body).toArray();
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "missing string terminator");
    }

    @Test
    void startupWithNameButNoValue() {
        byte[] body = Bytes.of().i32(196608).str("user").toArray();
        byte[] bytes = Bytes.of().i32(4 + body.length).raw(body).toArray();
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "missing string terminator");
    }

    @Test
    void startupWithBytesAfterTerminator() {
        byte[] body = Bytes.of().i32(196608).str("user").str("u").i8(0).i8('x').toArray();
        byte[] bytes = Bytes.of().i32(4 + body.length).raw(body).toArray();
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "unexpected bytes at the end");
    }

    @Test
    void secondStartupIsAnUnknownMessageType() {
        EmbeddedChannel started = Decoding.afterStartup();
        assertRejected(started, Bytes.startup(196608, "user", "u"), PROTOCOL_VIOLATION,
                "invalid frontend message type 0x00");
    }

    @Test
    void maxMessageLengthMustHoldALength() {
        assertThrows(IllegalArgumentException.class, () -> new PgDecoder(3));
    }
}
