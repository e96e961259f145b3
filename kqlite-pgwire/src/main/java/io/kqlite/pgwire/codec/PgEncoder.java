package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes backend messages. Stateless, so one instance may serve every channel.
 *
 * <p>A message that cannot be written closes the connection. Netty only fails the write's future,
 * which nobody waits for: an ErrorResponse lost that way, followed by ReadyForQuery, would tell the
 * client that a failed statement succeeded. A closed connection tells it the outcome is unknown.
 */
@Sharable
public final class PgEncoder extends MessageToByteEncoder<BackendMessage> {

    public PgEncoder() {
        super(BackendMessage.class);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        ChannelPromise watched = promise.unvoid();
        watched.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        super.write(ctx, msg, watched);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, BackendMessage msg, ByteBuf out) {
        msg.writeTo(out);
    }
}
