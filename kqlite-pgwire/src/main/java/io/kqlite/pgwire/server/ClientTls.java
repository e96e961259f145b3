package io.kqlite.pgwire.server;

import io.netty.channel.Channel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * TLS for PostgreSQL clients: a server certificate, TLS 1.2 and 1.3 only. Clients are not asked
 * for a certificate. TLS starts after an SSLRequest, or at once for PostgreSQL 17's direct TLS
 * (see {@link DirectTlsDetector}). A connection is encrypted exactly when its pipeline holds an
 * {@link SslHandler}; {@link #isEncrypted} is the one place that says so (pg_hba's {@code hostssl}).
 */
public final class ClientTls {

  static final String HANDLER_NAME = "tls";
  /** The ALPN protocol name PostgreSQL 17 clients offer; required for direct TLS. */
  static final String ALPN_PROTOCOL = "postgresql";

  private final SslContext context;

  private ClientTls(SslContext context) {
    this.context = context;
  }

  /**
   * @param certChain PEM certificate chain, the server's certificate first
   * @param key PEM private key in unencrypted PKCS#8 form ({@code BEGIN PRIVATE KEY})
   */
  public static ClientTls fromPem(Path certChain, Path key) throws SSLException {
    try {
      return new ClientTls(SslContextBuilder.forServer(certChain.toFile(), key.toFile())
          .sslProvider(SslProvider.JDK)
          .protocols("TLSv1.3", "TLSv1.2")
          // Chosen when offered; clients that offer none (libpq before 17, pgjdbc) still connect.
          .applicationProtocolConfig(new ApplicationProtocolConfig(Protocol.ALPN,
              SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT, ALPN_PROTOCOL))
          .build());
    } catch (IllegalArgumentException e) { // Netty's word for an unreadable key or certificate
      throw new SSLException("cannot use " + certChain + " / " + key + " for TLS: " + e.getMessage(), e);
    }
  }

  /**
   * Starts TLS on a connection: the handler goes first, so from the next byte on everything the
   * client sends is decrypted before the PostgreSQL decoder sees it, and everything we send is
   * encrypted. Call after the plain-text 'S' has been written.
   */
  void start(Channel channel) {
    channel.pipeline().addFirst(HANDLER_NAME, newHandler(channel));
  }

  SslHandler newHandler(Channel channel) {
    return context.newHandler(channel.alloc());
  }

  /** Whether the connection runs over TLS. */
  public static boolean isEncrypted(Channel channel) {
    return channel.pipeline().get(SslHandler.class) != null;
  }
}
