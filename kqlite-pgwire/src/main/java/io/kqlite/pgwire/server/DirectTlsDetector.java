package io.kqlite.pgwire.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandler;
import java.util.List;

/**
 * PostgreSQL 17's direct TLS ({@code sslnegotiation=direct}): the client starts with a TLS
 * ClientHello instead of an SSLRequest. The first byte tells: 0x16 is a TLS handshake record, a
 * startup packet starts with its length, whose first byte is 0. A direct connection must
 * negotiate ALPN "postgresql", as PostgreSQL requires, so that a TLS connection meant for another
 * protocol cannot be turned into a database session. Either way this handler then leaves the
 * pipeline; bytes it has seen go on to the next handler.
 */
final class DirectTlsDetector extends ByteToMessageDecoder {

  private static final int TLS_HANDSHAKE_RECORD = 0x16;

  private final ClientTls tls;

  DirectTlsDetector(ClientTls tls) {
    this.tls = tls;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (!in.isReadable()) {
      return;
    }
    if (in.getUnsignedByte(in.readerIndex()) != TLS_HANDSHAKE_RECORD) {
      ctx.pipeline().remove(this);
      return;
    }
    SslHandler ssl = tls.newHandler(ctx.channel());
    ctx.pipeline().replace(this, ClientTls.HANDLER_NAME, ssl);
    ssl.handshakeFuture().addListener(done -> {
      if (done.isSuccess() && !ClientTls.ALPN_PROTOCOL.equals(ssl.applicationProtocol())) {
        ctx.channel().close(); // direct TLS without ALPN "postgresql"
      }
    });
  }
}
