package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes backend messages. Stateless, so one instance may serve every channel. */
@Sharable
public final class PgEncoder extends MessageToByteEncoder<BackendMessage> {

    public PgEncoder() {
        super(BackendMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, BackendMessage msg, ByteBuf out) {
        msg.writeTo(out);
    }
}
