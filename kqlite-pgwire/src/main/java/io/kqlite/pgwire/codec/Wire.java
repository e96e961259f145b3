package io.kqlite.pgwire.codec;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Map;

/** Shared read and write helpers for message bodies, so each record only states its layout. */
final class Wire {
    private Wire() {}

    /** Reads a NUL-terminated UTF-8 string; invalid UTF-8 becomes U+FFFD rather than an error. */
    static String readCString(ByteBuf body) {
        int length = body.bytesBefore((byte) 0);
        if (length < 0) {
            throw PgProtocolException.violation("invalid message format: missing string terminator");
        }
        String s = body.toString(body.readerIndex(), length, UTF_8);
        body.skipBytes(length + 1);
        return s;
    }

    /** Reads an int16 count (unsigned, as PostgreSQL does), checking the items fit in the body. */
    static int readCount(ByteBuf body, int bytesPerItem) {
        int count = body.readUnsignedShort();
        if ((long) count * bytesPerItem > body.readableBytes()) {
            throw PgProtocolException.violation("invalid message format: count " + count + " overruns the message");
        }
        return count;
    }

    /** Reads an int16 count followed by that many int16 values. */
    static short[] readShorts(ByteBuf body) {
        short[] values = new short[readCount(body, 2)];
        for (int i = 0; i < values.length; i++) {
            values[i] = body.readShort();
        }
        return values;
    }

    /** Reads what is left of the body as raw bytes. */
    static byte[] readRest(ByteBuf body) {
        byte[] bytes = ByteBufUtil.getBytes(body);
        body.skipBytes(bytes.length);
        return bytes;
    }

    static void writeCString(ByteBuf out, String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("string contains NUL: " + s);
        }
        out.writeCharSequence(s, UTF_8);
        out.writeByte(0);
    }

    /** Writes an int16 count, refusing values the wire cannot carry. */
    static void writeCount(ByteBuf out, int count) {
        if (count > 0xFFFF) {
            throw new IllegalArgumentException("count " + count + " does not fit in int16");
        }
        out.writeShort(count);
    }

    static void writeShorts(ByteBuf out, short[] values) {
        writeCount(out, values.length);
        for (short v : values) {
            out.writeShort(v);
        }
    }

    /** Writes the type byte and a length placeholder; returns where the length goes. */
    static int begin(ByteBuf out, char type) {
        out.writeByte(type);
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        return lengthIndex;
    }

    /** Fills in the length (which counts itself but not the type byte). */
    static void end(ByteBuf out, int lengthIndex) {
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex);
    }

    /** Writes a message that has no body. */
    static void writeEmpty(ByteBuf out, char type) {
        out.writeByte(type);
        out.writeInt(4);
    }

    /**
     * Writes an ErrorResponse or NoticeResponse: code/value pairs ended by a zero byte. Their texts
     * can quote anything (a value, a Raft request's bytes), and a NUL cannot be sent in a field, so
     * it is written as the two characters backslash and 0: the client must get the error, never lose
     * it to an encoding failure.
     */
    static void writeFields(ByteBuf out, char type, Map<Character, String> fields) {
        int start = begin(out, type);
        fields.forEach((code, value) -> {
            out.writeByte(code);
            writeCString(out, value.replace("\0", "\\0"));
        });
        out.writeByte(0);
        end(out, start);
    }
}
