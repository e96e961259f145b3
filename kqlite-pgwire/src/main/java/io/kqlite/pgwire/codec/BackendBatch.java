package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Several messages written in order as one: a session's answer to a Sync (BindComplete, DataRow,
 * CommandComplete, ReadyForQuery) reaches the connection as one buffer handed over once, not one
 * hand-over to the event loop per message.
 */
public record BackendBatch(List<BackendMessage> messages) implements BackendMessage {
    public BackendBatch {
        messages = List.copyOf(messages);
    }

    @Override
    public void writeTo(ByteBuf out) {
        for (BackendMessage message : messages) {
            message.writeTo(out);
        }
    }
}
