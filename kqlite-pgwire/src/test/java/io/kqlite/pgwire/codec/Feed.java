package io.kqlite.pgwire.codec;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;

/** How bytes reach the decoder: all at once, or one byte per read as a slow network may deliver them. */
enum Feed {
    WHOLE, BYTE_AT_A_TIME;

    /** Writes the bytes into the channel and returns every message decoded. */
    List<Object> decode(EmbeddedChannel channel, byte[] bytes) {
        if (this == WHOLE) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        } else {
            for (byte b : bytes) {
                channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            }
        }
        List<Object> messages = new ArrayList<>();
        for (Object m = channel.readInbound(); m != null; m = channel.readInbound()) {
            messages.add(m);
        }
        return messages;
    }
}
