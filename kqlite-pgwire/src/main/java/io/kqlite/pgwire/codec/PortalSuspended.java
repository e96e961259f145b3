package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | 's' | int32 4 |
 *
 * <p>Execute hit its row limit; the portal has more rows for another Execute.
 */
public record PortalSuspended() implements BackendMessage {
    @Override
    public void writeTo(ByteBuf out) {
        Wire.writeEmpty(out, 's');
    }
}
