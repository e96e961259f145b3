package io.kqlite.pgwire.server;

import io.kqlite.pgwire.auth.Authenticator;
import io.kqlite.pgwire.auth.HbaConfig;
import io.kqlite.pgwire.auth.RoleStore;
import io.kqlite.pgwire.codec.PgDecoder;
import io.kqlite.pgwire.codec.PgEncoder;
import io.kqlite.statemachine.SqlCluster;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL listener of one node. Netty's event loops only move bytes; sessions run on a
 * pool of worker threads, one connection at a time each (see {@link SerialExecutor}).
 */
public final class PgServer implements PgListener {

  private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);

  private final EventLoopGroup group;
  private final ExecutorService sessions;
  private final Channel channel;

  private PgServer(EventLoopGroup group, ExecutorService sessions, Channel channel) {
    this.group = group;
    this.sessions = sessions;
    this.channel = channel;
  }

  /**
   * Listens on {@code host:port} (port 0 picks a free one).
   *
   * @param maxMessageLength largest protocol message accepted; larger ones close the connection
   */
  public static PgServer start(SqlCluster cluster, String host, int port, int maxMessageLength)
      throws InterruptedException {
    return start(cluster, host, port, maxMessageLength, null);
  }

  /**
   * Listens on {@code host:port} (port 0 picks a free one), with the default authentication (trust
   * on loopback, scram-sha-256 elsewhere).
   *
   * @param maxMessageLength largest protocol message accepted; larger ones close the connection
   * @param tls answers SSLRequest with 'S' and TLS; null answers 'N' (plain text only)
   */
  public static PgServer start(SqlCluster cluster, String host, int port, int maxMessageLength,
      ClientTls tls) throws InterruptedException {
    return start(cluster, host, port, maxMessageLength, tls,
        new Authenticator(HbaConfig.defaults(), new RoleStore(cluster)));
  }

  /**
   * Listens on {@code host:port}, authenticating clients with {@code authenticator}.
   *
   * @param maxMessageLength largest protocol message accepted; larger ones close the connection
   * @param tls answers SSLRequest with 'S' and TLS; null answers 'N' (plain text only)
   */
  public static PgServer start(SqlCluster cluster, String host, int port, int maxMessageLength,
      ClientTls tls, Authenticator authenticator) throws InterruptedException {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    ExecutorService sessions = Executors.newCachedThreadPool(daemonThreads("kqlite-session-"));
    PgEncoder encoder = new PgEncoder();
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (tls != null) {
              ch.pipeline().addLast(new DirectTlsDetector(tls));
            }
            ch.pipeline().addLast(new PgDecoder(maxMessageLength), encoder,
                new PgConnectionHandler(cluster, sessions, tls, authenticator));
          }
        });
    try {
      Channel channel = bootstrap.bind(host, port).sync().channel();
      LOG.info("PostgreSQL protocol listening on {}", channel.localAddress());
      return new PgServer(group, sessions, channel);
    } catch (RuntimeException | InterruptedException e) {
      group.shutdownGracefully();
      sessions.shutdownNow();
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully().syncUninterruptibly();
    sessions.shutdownNow();
  }
}
