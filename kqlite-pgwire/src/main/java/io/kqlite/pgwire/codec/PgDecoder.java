package io.kqlite.pgwire.codec;

import static io.kqlite.pgwire.codec.PgProtocolException.violation;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Turns client bytes into {@link FrontendMessage}s.
 *
 * <p>A connection opens with untyped startup packets (int32 length, int32 code). SSLRequest and
 * GSSENCRequest keep the decoder in startup, because the client sends its StartupMessage after
 * the answer; a CancelRequest ends the connection. After the StartupMessage every message is a
 * type byte, an int32 length that counts itself, and the body.
 *
 * <p>Lengths are checked as soon as the header is in, before the body is buffered, so a client
 * cannot make the server hold more than the limit. Bad input throws {@link PgProtocolException};
 * from then on all input is dropped, because framing can no longer be trusted.
 */
public final class PgDecoder extends ByteToMessageDecoder {

    /** Default limit for a message's length field: 64 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 64 * 1024 * 1024;
    /** Startup packets are small; PostgreSQL uses the same limit. */
    public static final int MAX_STARTUP_PACKET_LENGTH = 10_000;
    /**
     * Limit for messages that carry only names and numbers (all but Query, Parse, Bind and
     * CopyData), as in PostgreSQL; it also keeps unauthenticated password messages small.
     */
    public static final int SMALL_MESSAGE_LENGTH = 10_000;

    private enum State { STARTUP, MESSAGES, DISCARD }

    private final int maxMessageLength;
    private State state = State.STARTUP;
    /**
     * Until the client has authenticated, every message is held to {@link #SMALL_MESSAGE_LENGTH}
     * (as PostgreSQL does): an unknown peer must not make the server buffer megabytes.
     */
    private volatile boolean authenticated;

    public PgDecoder() {
        this(DEFAULT_MAX_MESSAGE_LENGTH);
    }

    /** @param maxMessageLength largest accepted length field (which counts itself, not the type byte) */
    public PgDecoder(int maxMessageLength) {
        if (maxMessageLength < 4) {
            throw new IllegalArgumentException("maxMessageLength must be at least 4: " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    /** Lifts the pre-authentication limit: Query, Parse, Bind and CopyData may be large now. */
    public void authenticated() {
        authenticated = true;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            switch (state) {
                case STARTUP -> decodeStartup(in, out);
                case MESSAGES -> decodeMessage(in, out);
                case DISCARD -> in.skipBytes(in.readableBytes());
            }
        } catch (PgProtocolException e) {
            throw discardAfter(in, e);
        } catch (RuntimeException e) { // a body that ends early, or anything else the bytes provoked
            throw discardAfter(in, new PgProtocolException(
                    PgProtocolException.PROTOCOL_VIOLATION, "invalid message format", e)); // details only in the cause
        }
    }

    private PgProtocolException discardAfter(ByteBuf in, PgProtocolException e) {
        state = State.DISCARD;
        in.skipBytes(in.readableBytes());
        return e;
    }

    private void decodeStartup(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 8 || length > MAX_STARTUP_PACKET_LENGTH) {
            throw violation("invalid length of startup packet: " + length);
        }
        if (in.readableBytes() < length) {
            return;
        }
        in.skipBytes(4);
        ByteBuf body = in.readSlice(length - 4);
        int code = body.readInt();
        switch (code) {
            case SslRequest.CODE -> out.add(encryptionRequest(new SslRequest(), body, in));
            case GssEncRequest.CODE -> out.add(encryptionRequest(new GssEncRequest(), body, in));
            case CancelRequest.CODE -> {
                if (length != 16) {
                    throw violation("invalid length of cancel request: " + length);
                }
                out.add(new CancelRequest(body.readInt(), body.readInt()));
                state = State.DISCARD;
            }
            default -> {
                if (code >>> 16 != 3) {
                    throw new PgProtocolException(PgProtocolException.FEATURE_NOT_SUPPORTED,
                            "unsupported frontend protocol " + (code >>> 16) + "." + (code & 0xFFFF)
                                    + ": server supports 3.x");
                }
                StartupMessage startup = StartupMessage.read(code, body);
                expectEnd(body);
                state = State.MESSAGES;
                out.add(startup);
            }
        }
    }

    /**
     * Bytes behind an SSL or GSS request in the same read were sent before the client saw our
     * answer; they would be taken as plain text once encryption starts, so refuse them.
     */
    private static FrontendMessage encryptionRequest(FrontendMessage request, ByteBuf body, ByteBuf in) {
        expectEnd(body);
        if (in.isReadable()) {
            throw violation("received unencrypted data after encryption request");
        }
        return request;
    }

    private void decodeMessage(ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        int start = in.readerIndex();
        char type = (char) in.getUnsignedByte(start);
        int limit = limitFor(type);
        if (in.readableBytes() < 5) {
            return;
        }
        int length = in.getInt(start + 1);
        if (length < 4) {
            throw violation("invalid message length " + length);
        }
        if (length > limit) {
            throw violation("message of " + length + " bytes exceeds the limit of " + limit);
        }
        if (in.readableBytes() - 1 < length) {
            return;
        }
        in.skipBytes(5);
        ByteBuf body = in.readSlice(length - 4);
        FrontendMessage message = parse(type, body);
        expectEnd(body);
        out.add(message);
    }

    /** Refuses unknown types at once, and picks the length limit for known ones. */
    private int limitFor(char type) {
        return switch (type) {
            case 'Q', 'P', 'B', 'd' -> authenticated ? maxMessageLength : Math.min(SMALL_MESSAGE_LENGTH, maxMessageLength);
            case 'D', 'E', 'S', 'H', 'C', 'X', 'p', 'c', 'f' -> Math.min(SMALL_MESSAGE_LENGTH, maxMessageLength);
            default -> throw violation("invalid frontend message type " + printable(type));
        };
    }

    private static FrontendMessage parse(char type, ByteBuf body) {
        return switch (type) {
            case 'Q' -> Query.read(body);
            case 'P' -> Parse.read(body);
            case 'B' -> Bind.read(body);
            case 'D' -> Describe.read(body);
            case 'E' -> Execute.read(body);
            case 'S' -> new Sync();
            case 'H' -> new Flush();
            case 'C' -> Close.read(body);
            case 'X' -> new Terminate();
            case 'p' -> PasswordMessage.read(body);
            case 'd' -> CopyData.read(body);
            case 'c' -> new CopyDone();
            case 'f' -> CopyFail.read(body);
            default -> throw new IllegalStateException("limitFor let through type " + printable(type));
        };
    }

    private static void expectEnd(ByteBuf body) {
        if (body.isReadable()) {
            throw violation("invalid message format: " + body.readableBytes() + " unexpected bytes at the end");
        }
    }

    private static String printable(char type) {
        return type > ' ' && type < 127 ? "'" + type + "'" : String.format("0x%02x", (int) type);
    }
}
