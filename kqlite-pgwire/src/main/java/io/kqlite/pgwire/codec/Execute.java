package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 'E' | int32 len | cstring portal | int32 maxRows |
 *
 * <p>Runs a portal; {@code maxRows} 0 means no limit, otherwise the portal may be suspended.
 */
public record Execute(String portalName, int maxRows) implements FrontendMessage {
    static Execute read(ByteBuf body) {
        String portal = Wire.readCString(body);
        return new Execute(portal, body.readInt());
    }
}
