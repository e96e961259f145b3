package io.kqlite.pgwire.codec;

import static io.kqlite.pgwire.codec.Decoding.afterStartup;
import static io.kqlite.pgwire.codec.Decoding.assertRejected;
import static io.kqlite.pgwire.codec.Decoding.assertSameMessages;
import static io.kqlite.pgwire.codec.PgProtocolException.PROTOCOL_VIOLATION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PgDecoderMessageTest {

    private final EmbeddedChannel channel = afterStartup();

    @ParameterizedTest
    @EnumSource(Feed.class)
    void everyFrontendMessageType(Feed feed) {
        byte[] bytes = Bytes.concat(
                Bytes.message('p', Bytes.of().str("secret")),
                Bytes.message('Q', Bytes.of().str("SELECT 1; SELECT 2")),
                Bytes.message('P', Bytes.of().str("s1").str("SELECT $1, $2").i16(2).i32(23).i32(0)),
                Bytes.message('B', Bytes.of().str("").str("s1").i16(1).i16(0).i16(2)
                        .i32(2).raw("42".getBytes(StandardCharsets.UTF_8)).i32(0).i16(0)),
                Bytes.message('D', Bytes.of().i8('P').str("")),
                Bytes.message('D', Bytes.of().i8('S').str("s1")),
                Bytes.message('E', Bytes.of().str("").i32(100)),
                Bytes.message('H'),
                Bytes.message('S'),
                Bytes.message('C', Bytes.of().i8('S').str("s1")),
                Bytes.message('C', Bytes.of().i8('P').str("p1")),
                Bytes.message('d', Bytes.of().raw(new byte[] {1, 0, 2})),
                Bytes.message('d'),
                Bytes.message('c'),
                Bytes.message('f', Bytes.of().str("aborted by user")),
                Bytes.message('X'));

        List<Object> decoded = feed.decode(channel, bytes);

        assertSameMessages(List.of(
                new PasswordMessage("secret\0".getBytes(StandardCharsets.UTF_8)),
                new Query("SELECT 1; SELECT 2"),
                new Parse("s1", "SELECT $1, $2", new int[] {23, 0}),
                new Bind("", "s1", new short[] {0}, new byte[][] {"42".getBytes(StandardCharsets.UTF_8), {}},
                        new short[0]),
                new Describe('P', ""),
                new Describe('S', "s1"),
                new Execute("", 100),
                new Flush(),
                new Sync(),
                new Close('S', "s1"),
                new Close('P', "p1"),
                new CopyData(new byte[] {1, 0, 2}),
                new CopyData(new byte[0]),
                new CopyDone(),
                new CopyFail("aborted by user"),
                new Terminate()), decoded);
        assertFalse(channel.finish());
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void bindWithNullAndBinaryFormats(Feed feed) {
        byte[] bytes = Bytes.message('B', Bytes.of().str("portal").str("stmt")
                .i16(3).i16(1).i16(0).i16(1)
                .i16(3).i32(4).i32(7).i32(-1).i32(3).raw("abc".getBytes(StandardCharsets.UTF_8))
                .i16(2).i16(1).i16(0));

        Bind bind = (Bind) feed.decode(channel, bytes).get(0);

        assertEquals("portal", bind.portalName());
        assertEquals("stmt", bind.statementName());
        assertArrayEquals(new short[] {1, 0, 1}, bind.parameterFormats());
        assertEquals(3, bind.parameterValues().length);
        assertArrayEquals(new byte[] {0, 0, 0, 7}, bind.parameterValues()[0]);
        assertNull(bind.parameterValues()[1]);
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), bind.parameterValues()[2]);
        assertArrayEquals(new short[] {1, 0}, bind.resultFormats());
        assertFalse(channel.finish());
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void stringsAreUtf8(Feed feed) {
        String sql = "SELECT 'grüße €', '😀'";
        List<Object> decoded = feed.decode(channel, Bytes.message('Q', Bytes.of().str(sql)));
        assertEquals(List.of(new Query(sql)), decoded);
        assertFalse(channel.finish());
    }

    @Test
    void incompleteMessageWaitsForTheRest() {
        byte[] bytes = Bytes.message('Q', Bytes.of().str("SELECT 1"));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, bytes.length - 1));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, bytes.length - 1, 1));
        assertEquals(new Query("SELECT 1"), channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void messageAtTheLimitIsAccepted() {
        EmbeddedChannel limited = afterStartup(new PgDecoder(20));
        byte[] bytes = Bytes.message('Q', Bytes.of().str("x".repeat(15)));
        assertEquals(List.of(new Query("x".repeat(15))), Feed.WHOLE.decode(limited, bytes));
        assertFalse(limited.finish());
    }

    @Test
    void messageOverTheLimitIsRefusedFromTheHeaderAlone() {
        EmbeddedChannel limited = afterStartup(new PgDecoder(20));
        byte[] header = Bytes.of().i8('Q').i32(21).toArray();
        assertRejected(limited, header, PROTOCOL_VIOLATION, "message of 21 bytes exceeds the limit of 20");
    }

    @Test
    void largeQueryBeforeAuthenticationIsRefused() {
        EmbeddedChannel unauthenticated = Decoding.beforeAuthentication(new PgDecoder());
        byte[] header = Bytes.of().i8('Q').i32(PgDecoder.SMALL_MESSAGE_LENGTH + 1).toArray();
        assertRejected(unauthenticated, header, PROTOCOL_VIOLATION,
                "exceeds the limit of " + PgDecoder.SMALL_MESSAGE_LENGTH);
    }

    @Test
    void hugeLengthIsRefusedFromTheHeaderAlone() {
        byte[] header = Bytes.of().i8('B').i32(Integer.MAX_VALUE).toArray();
        assertRejected(channel, header, PROTOCOL_VIOLATION,
                "message of 2147483647 bytes exceeds the limit of " + PgDecoder.DEFAULT_MAX_MESSAGE_LENGTH);
    }

    @Test
    void smallMessageTypesHaveASmallLimit() {
        byte[] header = Bytes.of().i8('S').i32(10_001).toArray();
        assertRejected(channel, header, PROTOCOL_VIOLATION, "message of 10001 bytes exceeds the limit of 10000");
    }

    @Test
    void negativeLength() {
        assertRejected(channel, Bytes.of().i8('Q').i32(-1).toArray(), PROTOCOL_VIOLATION, "invalid message length -1");
    }

    @Test
    void lengthTooSmallToCountItself() {
        assertRejected(channel, Bytes.of().i8('S').i32(3).toArray(), PROTOCOL_VIOLATION, "invalid message length 3");
    }

    @Test
    void unknownTypeIsRefusedFromTheTypeByteAlone() {
        assertRejected(channel, new byte[] {'F'}, PROTOCOL_VIOLATION, "invalid frontend message type 'F'");
    }

    @Test
    void unprintableUnknownType() {
        assertRejected(channel, new byte[] {(byte) 0xff}, PROTOCOL_VIOLATION, "invalid frontend message type 0xff");
    }

    @Test
    void stringWithoutTerminator() {
        byte[] bytes = Bytes.message('Q', Bytes.of().raw("SELECT 1".getBytes(StandardCharsets.UTF_8)));
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "missing string terminator");
    }

    @Test
    void secondStringWithoutTerminator() {
        byte[] bytes = Bytes.message('P', Bytes.of().str("s1").raw("SELECT".getBytes(StandardCharsets.UTF_8)));
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "missing string terminator");
    }

    @Test
    void bindWithNegativeParameterLength() {
        byte[] bytes = Bytes.message('B', Bytes.of().str("").str("").i16(0).i16(1).i32(-2).i16(0));
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "parameter 1 has length -2");
    }

    @Test
    void bindParameterLongerThanTheMessage() {
        byte[] bytes = Bytes.message('B', Bytes.of().str("").str("").i16(0).i16(1).i32(100).i8(1).i16(0));
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "parameter 1 has length 100");
    }

    @Test
    void bindCountOverrunsTheMessage() {
        byte[] bytes = Bytes.message('B', Bytes.of().str("").str("").i16(0xffff).i16(0));
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "count 65535 overruns the message");
    }

    @Test
    void bindEndingEarly() {
        byte[] bytes = Bytes.message('B', Bytes.of().str("").str("").i16(0).i16(0)); // no result formats
        PgProtocolException e = assertRejected(channel, bytes, PROTOCOL_VIOLATION, "invalid message format");
        assertInstanceOf(IndexOutOfBoundsException.class, e.getCause());
    }

    @Test
    void parseCountOverrunsTheMessage() {
        byte[] bytes = Bytes.message('P', Bytes.of().str("").str("SELECT $1").i16(2).i32(23));
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "count 2 overruns the message");
    }

    @Test
    void executeWithoutRowLimit() {
        byte[] bytes = Bytes.message('E', Bytes.of().str(""));
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "invalid message format");
    }

    @Test
    void describeOfUnknownKind() {
        byte[] bytes = Bytes.message('D', Bytes.of().i8('X').str("s1"));
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "invalid DESCRIBE message subtype 88");
    }

    @Test
    void closeOfUnknownKind() {
        byte[] bytes = Bytes.message('C', Bytes.of().i8('s').str("s1"));
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "invalid CLOSE message subtype 115");
    }

    @Test
    void syncWithABody() {
        byte[] bytes = Bytes.message('S', Bytes.of().i8(0));
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "1 unexpected bytes at the end");
    }

    @Test
    void queryWithBytesAfterTheString() {
        byte[] bytes = Bytes.message('Q', Bytes.of().str("SELECT 1").i8('x'));
        assertRejected(channel, bytes, PROTOCOL_VIOLATION, "unexpected bytes at the end");
    }

    @Test
    void messagesBeforeTheErrorAreStillDelivered() {
        byte[] bytes = Bytes.concat(Bytes.message('Q', Bytes.of().str("SELECT 1")), new byte[] {'F'});

        assertThrows(PgProtocolException.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(bytes)));

        assertEquals(new Query("SELECT 1"), channel.readInbound());
        assertNull(channel.readInbound());
        assertFalse(channel.writeInbound(Unpooled.wrappedBuffer(Bytes.message('S'))));
        assertFalse(channel.finish());
    }

    @Test
    void errorWhileFedByteAtATime() {
        byte[] bytes = Bytes.of().i8('Q').i32(-5).toArray();
        for (int i = 0; i < 4; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, 1));
        }
        PgProtocolException e = assertThrows(PgProtocolException.class,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(bytes, 4, 1)));
        assertEquals(PROTOCOL_VIOLATION, e.sqlState());
        assertFalse(channel.writeInbound(Unpooled.wrappedBuffer(Bytes.message('S'))));
        assertFalse(channel.finish());
    }
}
