package io.kqlite.pgwire.server;

import io.kqlite.pgwire.auth.Access;
import io.kqlite.pgwire.auth.Authenticator;
import io.kqlite.pgwire.auth.ConnectionFacts;
import io.kqlite.pgwire.codec.AuthenticationOk;
import io.kqlite.pgwire.codec.BackendMessage;
import io.kqlite.pgwire.codec.BackendKeyData;
import io.kqlite.pgwire.codec.Bind;
import io.kqlite.pgwire.codec.CancelRequest;
import io.kqlite.pgwire.codec.Close;
import io.kqlite.pgwire.codec.CopyData;
import io.kqlite.pgwire.codec.CopyDone;
import io.kqlite.pgwire.codec.CopyFail;
import io.kqlite.pgwire.codec.Describe;
import io.kqlite.pgwire.codec.ErrorResponse;
import io.kqlite.pgwire.codec.Execute;
import io.kqlite.pgwire.codec.Flush;
import io.kqlite.pgwire.codec.FrontendMessage;
import io.kqlite.pgwire.codec.GssEncRequest;
import io.kqlite.pgwire.codec.NegotiateProtocolVersion;
import io.kqlite.pgwire.codec.ParameterStatus;
import io.kqlite.pgwire.codec.PasswordMessage;
import io.kqlite.pgwire.codec.Parse;
import io.kqlite.pgwire.codec.PgDecoder;
import io.kqlite.pgwire.codec.PgProtocolException;
import io.kqlite.pgwire.codec.Query;
import io.kqlite.pgwire.codec.ReadyForQuery;
import io.kqlite.pgwire.codec.SslRequest;
import io.kqlite.pgwire.codec.SslResponse;
import io.kqlite.pgwire.codec.StartupMessage;
import io.kqlite.pgwire.codec.Sync;
import io.kqlite.pgwire.codec.Terminate;
import io.kqlite.pgwire.session.Session;
import io.kqlite.pgwire.session.SocketEnd;
import io.kqlite.statemachine.SqlCluster;
import io.kqlite.statemachine.SqlError;
import io.kqlite.statemachine.SqlException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.NetUtil;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the codec to a {@link Session}: answers the startup handshake (TLS when configured),
 * authenticates the client ({@link Handshake}), then hands each message to the session on the
 * connection's own serial executor. Protocol violations end the connection with a FATAL error;
 * other sessions carry on.
 */
final class PgConnectionHandler extends SimpleChannelInboundHandler<FrontendMessage> {

  private static final Logger LOG = LoggerFactory.getLogger(PgConnectionHandler.class);
  private static final AtomicInteger PROCESS_IDS = new AtomicInteger(1000);
  private static final SecureRandom SECRETS = new SecureRandom();
  private static final int PAUSE_READING_AT = 256;
  private static final int RESUME_READING_AT = 32;
  private static final int COPY_CHUNK_BYTES = 256 * 1024;

  private final SqlCluster cluster;
  private final Executor pool;
  private final ClientTls tls; // null: SSLRequest is answered 'N'
  private final Authenticator authenticator;
  private SerialExecutor serial;
  private WireSink sink;
  private volatile Session session;
  private boolean startupSeen;
  /** Set between StartupMessage and AuthenticationOk; only touched on the serial executor. */
  private Handshake handshake;
  private StartupMessage startupMessage;
  /**
   * CopyData payloads read but not yet handed to the session, joined. Row boundaries need not match
   * message boundaries, and pgbench sends one 30-byte message per row: a task per message would
   * cost more than the row itself.
   */
  private ByteArrayOutputStream pendingCopyData;

  PgConnectionHandler(SqlCluster cluster, Executor pool, ClientTls tls, Authenticator authenticator) {
    this.cluster = cluster;
    this.pool = pool;
    this.tls = tls;
    this.authenticator = authenticator;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    sink = new WireSink(ctx.channel());
    serial = new SerialExecutor(pool);
    super.channelActive(ctx);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FrontendMessage message) {
    if (message instanceof CopyData data && startupSeen) {
      if (pendingCopyData == null) {
        pendingCopyData = new ByteArrayOutputStream(COPY_CHUNK_BYTES + 1024);
      }
      pendingCopyData.writeBytes(data.data());
      if (pendingCopyData.size() >= COPY_CHUNK_BYTES) {
        submitPendingCopyData(ctx);
      }
      return;
    }
    submitPendingCopyData(ctx);
    if (message instanceof SslRequest) {
      sslRequest(ctx);
    } else if (message instanceof GssEncRequest) {
      ctx.writeAndFlush(new SslResponse('N')); // no GSSAPI: the client goes on in plain text
    } else if (message instanceof CancelRequest) {
      ctx.close(); // cancelling a running statement comes with a later issue
    } else if (message instanceof StartupMessage startup) {
      startupSeen = true;
      submit(ctx, () -> startup(ctx, startup));
    } else if (!startupSeen) {
      fatal(ctx, new SqlError("08P01", "expected a startup message"));
    } else if (message instanceof Terminate) {
      submit(ctx, ctx::close);
    } else {
      submit(ctx, () -> dispatch(ctx, message));
    }
  }

  /**
   * 'S' goes out in plain text, then TLS starts. The decoder has refused any bytes that came with
   * the request, so the client's next bytes, its ClientHello, reach the TLS handler first.
   */
  private void sslRequest(ChannelHandlerContext ctx) {
    if (tls == null) {
      ctx.writeAndFlush(new SslResponse('N')); // no certificate configured: plain text
    } else if (ClientTls.isEncrypted(ctx.channel())) {
      fatal(ctx, new SqlError("08P01", "SSLRequest received on an encrypted connection"));
    } else {
      ctx.writeAndFlush(new SslResponse('S'));
      tls.start(ctx.channel());
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
    submitPendingCopyData(ctx);
    super.channelReadComplete(ctx);
  }

  private void submitPendingCopyData(ChannelHandlerContext ctx) {
    if (pendingCopyData != null) {
      CopyData joined = new CopyData(pendingCopyData.toByteArray());
      pendingCopyData = null;
      submit(ctx, () -> dispatch(ctx, joined));
    }
  }

  private void submit(ChannelHandlerContext ctx, Runnable task) {
    serial.execute(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("session failed unexpectedly; closing the connection", e);
        sink.flush(); // what the session answered before goes out ahead of the FATAL
        fatal(ctx, new SqlError("XX000", "internal error: " + e));
      }
      if (serial.backlog() < RESUME_READING_AT && !ctx.channel().config().isAutoRead()) {
        ctx.channel().config().setAutoRead(true);
      }
    });
    if (serial.backlog() > PAUSE_READING_AT) {
      ctx.channel().config().setAutoRead(false); // the client sends faster than we answer
    }
  }

  private void startup(ChannelHandlerContext ctx, StartupMessage startup) {
    List<String> unsupported = startup.parameters().keySet().stream()
        .filter(name -> name.startsWith("_pq_.")).toList();
    if (startup.minorVersion() > 0 || !unsupported.isEmpty()) {
      ctx.write(new NegotiateProtocolVersion(0, unsupported));
    }
    String user = startup.parameters().getOrDefault("user", "");
    if (user.isEmpty()) {
      fatal(ctx, new SqlError("28000", "no PostgreSQL user name specified in startup packet"));
      return;
    }
    String database = startup.parameters().getOrDefault("database", "");
    ConnectionFacts facts = new ConnectionFacts(
        ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress(),
        ClientTls.isEncrypted(ctx.channel()), user, database.isEmpty() ? user : database);
    startupMessage = startup;
    handshake = new Handshake(authenticator, facts);
    authenticate(ctx, handshake::start);
  }

  /** An end of the connection with its address as PostgreSQL prints it (Netty's RFC 5952 form). */
  static SocketEnd socketEnd(InetSocketAddress end) {
    return new SocketEnd(NetUtil.toAddressString(end.getAddress()), end.getPort());
  }

  /** Runs one step of the handshake: sends its challenge, or opens the session once it is done. */
  private void authenticate(ChannelHandlerContext ctx, java.util.function.Supplier<BackendMessage> step) {
    BackendMessage next;
    try {
      next = step.get();
    } catch (SqlException e) {
      handshake = null; // no second try on this connection: what follows is dropped
      fatal(ctx, e.error());
      return;
    }
    if (next != null) {
      ctx.write(next);
    }
    if (!handshake.isDone()) {
      ctx.flush();
      return;
    }
    Handshake done = handshake;
    handshake = null;
    int processId = PROCESS_IDS.incrementAndGet();
    try {
      session = Session.open(cluster, sink, startupMessage.parameters(), processId,
          Access.of(authenticator.roles(), startupMessage.parameters().get("user"), done.role()));
    } catch (SqlException e) {
      fatal(ctx, e.error());
      return;
    }
    if (ctx.channel().remoteAddress() instanceof InetSocketAddress client
        && ctx.channel().localAddress() instanceof InetSocketAddress server) {
      session.connectedVia(socketEnd(client), socketEnd(server));
    }
    PgDecoder decoder = ctx.pipeline().get(PgDecoder.class);
    if (decoder != null) {
      decoder.authenticated(); // before ReadyForQuery, after which the client sends queries
    }
    ctx.write(new AuthenticationOk());
    session.settings().reported().forEach((name, value) -> ctx.write(new ParameterStatus(name, value)));
    ctx.write(new BackendKeyData(processId, SECRETS.nextInt()));
    ctx.writeAndFlush(new ReadyForQuery('I'));
  }

  private void dispatch(ChannelHandlerContext ctx, FrontendMessage message) {
    if (handshake != null) {
      if (message instanceof PasswordMessage password) {
        authenticate(ctx, () -> handshake.answer(password));
      } else {
        fatal(ctx, new SqlError("08P01", "expected password response, got message type "
            + typeOf(message)));
      }
      return;
    }
    Session s = session;
    if (s == null || !ctx.channel().isActive()) {
      return; // startup failed; the connection is closing
    }
    if (s.isCopyingIn()) {
      copyIn(s, message);
    } else if (message instanceof Query query) {
      s.simpleQuery(query.sql());
    } else if (message instanceof Parse parse) {
      s.parse(parse.statementName(), parse.sql(), parse.parameterTypeOids());
    } else if (message instanceof Bind bind) {
      s.bind(bind.portalName(), bind.statementName(), bind.parameterFormats(),
          bind.parameterValues(), bind.resultFormats());
    } else if (message instanceof Describe describe) {
      s.describe(describe.kind(), describe.name());
    } else if (message instanceof Execute execute) {
      s.execute(execute.portalName(), execute.maxRows());
    } else if (message instanceof Close close) {
      s.close(close.kind(), close.name());
    } else if (message instanceof Sync) {
      s.sync();
    } else if (message instanceof Flush) {
      s.flush();
    } else if (message instanceof CopyData || message instanceof CopyDone || message instanceof CopyFail) {
      return; // PostgreSQL ignores copy messages outside COPY mode
    } else {
      sink.flush();
      fatal(ctx, new SqlError("08P01", "unexpected message " + message.getClass().getSimpleName()));
    }
  }

  /**
   * COPY FROM STDIN mode: copy messages go to the session, Flush and Sync are ignored (PostgreSQL
   * does), anything else aborts the COPY and is dropped.
   */
  private static void copyIn(Session s, FrontendMessage message) {
    if (message instanceof CopyData data) {
      s.copyData(data.data());
    } else if (message instanceof CopyDone) {
      s.copyDone();
    } else if (message instanceof CopyFail fail) {
      s.copyFail(fail.message());
    } else if (!(message instanceof Flush) && !(message instanceof Sync)) {
      s.copyInterrupted(typeOf(message));
    }
  }

  private static char typeOf(FrontendMessage message) {
    if (message instanceof Query) {
      return 'Q';
    } else if (message instanceof Parse) {
      return 'P';
    } else if (message instanceof Bind) {
      return 'B';
    } else if (message instanceof Describe) {
      return 'D';
    } else if (message instanceof Execute) {
      return 'E';
    } else if (message instanceof Close) {
      return 'C';
    }
    return '?';
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    Session s = session;
    if (s != null) {
      serial.execute(s::closeSession);
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
        ? cause.getCause() : cause;
    if (root instanceof PgProtocolException protocol) {
      fatal(ctx, new SqlError(protocol.sqlState(), protocol.getMessage()));
    } else if (root instanceof java.io.IOException) {
      ctx.close(); // the client went away
    } else {
      LOG.warn("connection error", cause);
      fatal(ctx, new SqlError("08P01", "connection error: " + root.getMessage()));
    }
  }

  private static void fatal(ChannelHandlerContext ctx, SqlError error) {
    ErrorResponse response = WireSink.toErrorResponse("FATAL", error);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
