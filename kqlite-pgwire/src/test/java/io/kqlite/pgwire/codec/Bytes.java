package io.kqlite.pgwire.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds wire bytes by hand, independently of the codec, so tests do not check the codec against itself. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Bytes of() {
        return new Bytes();
    }

    Bytes i8(int v) {
        out.write(v);
        return this;
    }

    Bytes i16(int v) {
        return i8(v >>> 8).i8(v);
    }

    Bytes i32(int v) {
        return i16(v >>> 16).i16(v);
    }

    /** A NUL-terminated UTF-8 string. */
    Bytes str(String s) {
        return raw(s.getBytes(StandardCharsets.UTF_8)).i8(0);
    }

    Bytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    /** A typed message: type byte, int32 length counting itself, body. */
    static byte[] message(char type, Bytes body) {
        byte[] b = body.toArray();
        return of().i8(type).i32(4 + b.length).raw(b).toArray();
    }

    static byte[] message(char type) {
        return message(type, of());
    }

    /** A startup packet: int32 length counting itself, int32 version, name/value pairs, final NUL. */
    static byte[] startup(int version, String... namesAndValues) {
        Bytes body = of().i32(version);
        for (String s : namesAndValues) {
            body.str(s);
        }
        byte[] b = body.i8(0).toArray();
        return of().i32(4 + b.length).raw(b).toArray();
    }

    static byte[] concat(byte[]... parts) {
        Bytes all = of();
        for (byte[] part : parts) {
            all.raw(part);
        }
        return all.toArray();
    }
}
