package io.kqlite.pgwire.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgEncoderTest {

    private static final PgEncoder ENCODER = new PgEncoder(); // stateless and @Sharable

    /** Encodes through a fresh channel and returns everything written, in order. */
    private static byte[] encode(BackendMessage... messages) {
        EmbeddedChannel channel = new EmbeddedChannel(ENCODER);
        channel.writeOutbound((Object[]) messages);
        Bytes all = Bytes.of();
        for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
            all.raw(ByteBufUtil.getBytes(buf));
            buf.release();
        }
        assertFalse(channel.finish());
        return all.toArray();
    }

    @Test
    void readyForQuery() {
        assertArrayEquals(new byte[] {'Z', 0, 0, 0, 5, 'I'}, encode(new ReadyForQuery('I')));
        assertThrows(IllegalArgumentException.class, () -> new ReadyForQuery('X'));
    }

    @Test
    void commandComplete() {
        byte[] expected = {'C', 0, 0, 0, 13, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', 0};
        assertArrayEquals(expected, encode(new CommandComplete("SELECT 1")));
    }

    @Test
    void dataRowWithNull() {
        byte[] expected = {'D', 0, 0, 0, 19, 0, 3, 0, 0, 0, 1, '7', -1, -1, -1, -1, 0, 0, 0, 0};
        assertArrayEquals(expected, encode(new DataRow(Arrays.asList(new byte[] {'7'}, null, new byte[0]))));
    }

    @Test
    void rowDescription() {
        FieldDescription id = new FieldDescription("id", 16384, (short) 1, 23, (short) 4, -1, (short) 0);
        FieldDescription name = new FieldDescription("name", 0, (short) 0, 25, (short) -1, -1, (short) 1);
        byte[] body = Bytes.of().i16(2)
                .str("id").i32(16384).i16(1).i32(23).i16(4).i32(-1).i16(0)
                .str("name").i32(0).i16(0).i32(25).i16(-1).i32(-1).i16(1).toArray();
        assertArrayEquals(Bytes.message('T', Bytes.of().raw(body)), encode(new RowDescription(List.of(id, name))));
    }

    @Test
    void errorResponse() {
        ErrorResponse error = ErrorResponse.of("ERROR", "23505", "duplicate key")
                .withDetail("Key (id)=(1) already exists.")
                .withHint(null)
                .withSchema("main")
                .withTable("t")
                .withConstraint("t_pkey");
        byte[] expected = Bytes.message('E', Bytes.of()
                .i8('S').str("ERROR").i8('V').str("ERROR").i8('C').str("23505").i8('M').str("duplicate key")
                .i8('D').str("Key (id)=(1) already exists.").i8('s').str("main").i8('t').str("t")
                .i8('n').str("t_pkey").i8(0));
        assertArrayEquals(expected, encode(error));
    }

    @Test
    void errorResponseWithNullValueIsUnchanged() {
        ErrorResponse error = ErrorResponse.of("FATAL", "08P01", "invalid message length -1");
        assertSame(error, error.withDetail(null));
        assertEquals(List.of('S', 'V', 'C', 'M'), List.copyOf(error.fields().keySet()));
    }

    @Test
    void noticeResponse() {
        byte[] expected = Bytes.message('N', Bytes.of()
                .i8('S').str("WARNING").i8('V').str("WARNING").i8('C').str("01000").i8('M').str("careful")
                .i8('H').str("look").i8(0));
        assertArrayEquals(expected, encode(NoticeResponse.of("WARNING", "01000", "careful").with('H', "look")));
    }

    @Test
    void parameterDescription() {
        byte[] expected = {'t', 0, 0, 0, 14, 0, 2, 0, 0, 0, 23, 0, 0, 0, 25};
        assertArrayEquals(expected, encode(new ParameterDescription(new int[] {23, 25})));
    }

    @Test
    void sslResponseIsASingleByte() {
        assertArrayEquals(new byte[] {'N'}, encode(new SslResponse('N')));
        assertArrayEquals(new byte[] {'S'}, encode(new SslResponse('S')));
        assertThrows(IllegalArgumentException.class, () -> new SslResponse('Y'));
    }

    @Test
    void authentication() {
        assertArrayEquals(new byte[] {'R', 0, 0, 0, 8, 0, 0, 0, 0}, encode(new AuthenticationOk()));
        assertArrayEquals(new byte[] {'R', 0, 0, 0, 8, 0, 0, 0, 3},
                encode(new AuthenticationCleartextPassword()));
    }

    @Test
    void sessionStartMessages() {
        byte[] expected = Bytes.concat(
                Bytes.message('S', Bytes.of().str("server_version").str("16.0")),
                Bytes.message('K', Bytes.of().i32(42).i32(-7)),
                Bytes.message('v', Bytes.of().i32(0).i32(1).str("_pq_.x")));
        assertArrayEquals(expected, encode(new ParameterStatus("server_version", "16.0"), new BackendKeyData(42, -7),
                new NegotiateProtocolVersion(0, List.of("_pq_.x"))));
    }

    @Test
    void emptyMessages() {
        byte[] expected = Bytes.concat(Bytes.message('I'), Bytes.message('1'), Bytes.message('2'),
                Bytes.message('3'), Bytes.message('n'), Bytes.message('s'), Bytes.message('c'));
        assertArrayEquals(expected, encode(new EmptyQueryResponse(), new ParseComplete(), new BindComplete(),
                new CloseComplete(), new NoData(), new PortalSuspended(), new CopyDone()));
    }

    @Test
    void copyMessages() {
        byte[] expected = Bytes.concat(
                Bytes.message('G', Bytes.of().i8(0).i16(2).i16(0).i16(0)),
                Bytes.message('H', Bytes.of().i8(1).i16(1).i16(1)),
                Bytes.message('d', Bytes.of().raw("1\tx\n".getBytes(StandardCharsets.UTF_8))));
        assertArrayEquals(expected, encode(new CopyInResponse((byte) 0, new short[] {0, 0}),
                new CopyOutResponse((byte) 1, new short[] {1}),
                new CopyData("1\tx\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void utf8Strings() {
        String tag = "grüße 😀";
        byte[] expected = Bytes.message('C', Bytes.of().str(tag));
        assertArrayEquals(expected, encode(new CommandComplete(tag)));
    }

    /** A message that cannot be written closes the connection: never an answer silently left out. */
    @Test
    void stringWithNulIsRefusedAndClosesTheConnection() {
        EmbeddedChannel channel = new EmbeddedChannel(ENCODER);
        assertThrows(EncoderException.class, () -> channel.writeOutbound(new CommandComplete("a\0b")));
        assertFalse(channel.isOpen());
        assertFalse(channel.finish());
    }

    /** Error texts quote anything, a Raft request's raw bytes too: a NUL in them still gets the error out. */
    @Test
    void nulInAnErrorTextIsWrittenAsBackslashZero() {
        byte[] expected = Bytes.message('E', Bytes.of()
                .i8('S').str("ERROR").i8('V').str("ERROR").i8('C').str("08006").i8('M').str("entry \\0\\0S")
                .i8(0));
        assertArrayEquals(expected, encode(ErrorResponse.of("ERROR", "08006", "entry \0\0S")));
    }

    @Test
    void largeDataRowGrowsTheBuffer() {
        byte[] big = new byte[100_000];
        Arrays.fill(big, (byte) 'x');
        byte[] encoded = encode(new DataRow(List.of(big)));
        assertEquals(1 + 4 + 2 + 4 + big.length, encoded.length);
        assertEquals(4 + 2 + 4 + big.length, Unpooled.wrappedBuffer(encoded).getInt(1));
    }
}
