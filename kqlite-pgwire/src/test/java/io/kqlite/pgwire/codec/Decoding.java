package io.kqlite.pgwire.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/** Assertions shared by the decoder tests. */
final class Decoding {
    private Decoding() {}

    /** A channel whose decoder has already taken a StartupMessage, so it expects typed messages. */
    static EmbeddedChannel afterStartup(PgDecoder decoder) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        channel.writeInbound(Unpooled.wrappedBuffer(Bytes.startup(StartupMessage.PROTOCOL_3_0, "user", "u")));
        assertInstanceOf(StartupMessage.class, channel.readInbound());
        decoder.authenticated(); // as the server does once the handshake has succeeded
        return channel;
    }

    /** After the startup message, before the client has authenticated. */
    static EmbeddedChannel beforeAuthentication(PgDecoder decoder) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        channel.writeInbound(Unpooled.wrappedBuffer(Bytes.startup(StartupMessage.PROTOCOL_3_0, "user", "u")));
        assertInstanceOf(StartupMessage.class, channel.readInbound());
        return channel;
    }

    static EmbeddedChannel afterStartup() {
        return afterStartup(new PgDecoder());
    }

    /**
     * Writes the bytes in one read and expects a PgProtocolException. Then checks the decoder kept
     * nothing, emitted nothing, and drops whatever comes next without complaint.
     */
    static PgProtocolException assertRejected(EmbeddedChannel channel, byte[] bytes, String sqlState, String text) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        PgProtocolException e = assertThrows(PgProtocolException.class, () -> channel.writeInbound(in));
        assertEquals(sqlState, e.sqlState());
        assertTrue(e.getMessage().contains(text), () -> "message was: " + e.getMessage());
        assertEquals(0, in.refCnt(), "decoder still holds the input");
        assertNull(channel.readInbound());

        ByteBuf later = Unpooled.wrappedBuffer(Bytes.message('S'));
        assertFalse(channel.writeInbound(later), "input after an error must be dropped");
        assertEquals(0, later.refCnt());
        assertFalse(channel.finish());
        return e;
    }

    /** Record equality that compares array components by content. */
    static void assertSameMessage(Object expected, Object actual) {
        assertEquals(expected.getClass(), actual.getClass());
        for (RecordComponent c : expected.getClass().getRecordComponents()) {
            try {
                Object e = c.getAccessor().invoke(expected);
                Object a = c.getAccessor().invoke(actual);
                assertTrue(Objects.deepEquals(e, a), () -> expected.getClass().getSimpleName() + "." + c.getName());
            } catch (ReflectiveOperationException ex) {
                throw new AssertionError(ex);
            }
        }
    }

    static void assertSameMessages(List<?> expected, List<?> actual) {
        assertEquals(expected.size(), actual.size(), () -> "decoded " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertSameMessage(expected.get(i), actual.get(i));
        }
    }
}
