package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * | int32 len | int32 version (major * 65536 + minor) | { cstring name | cstring value }* | byte 0 |
 *
 * <p>Opens a session with name/value parameters such as {@code user} and {@code database}. Any 3.x
 * version is decoded as sent, so the session can answer a newer minor with NegotiateProtocolVersion.
 */
public record StartupMessage(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {

    /** Protocol 3.0, the version every current client speaks. */
    public static final int PROTOCOL_3_0 = 3 << 16;

    public StartupMessage {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public int majorVersion() {
        return protocolVersion >>> 16;
    }

    public int minorVersion() {
        return protocolVersion & 0xFFFF;
    }

    /** Reads the parameter list that follows the version; an empty name ends it and must be the last byte. */
    static StartupMessage read(int protocolVersion, ByteBuf body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name = Wire.readCString(body); !name.isEmpty(); name = Wire.readCString(body)) {
            parameters.put(name, Wire.readCString(body));
        }
        return new StartupMessage(protocolVersion, parameters);
    }
}
