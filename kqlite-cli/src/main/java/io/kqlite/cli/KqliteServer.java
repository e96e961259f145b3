package io.kqlite.cli;

import io.kqlite.pgwire.auth.Authenticator;
import io.kqlite.pgwire.auth.HbaConfig;
import io.kqlite.pgwire.auth.RoleStore;
import io.kqlite.pgwire.auth.SuperuserBootstrap;
import io.kqlite.pgwire.catalog.Catalog;
import io.kqlite.pgwire.server.ClientTls;
import io.kqlite.pgwire.server.PgListener;
import io.kqlite.pgwire.server.PgServer;
import io.kqlite.pgwire.server.WitnessPort;
import io.kqlite.pgwire.session.SessionFunctions;
import io.kqlite.statemachine.ReadSetup;
import io.kqlite.statemachine.raft.NodeConfig;
import io.kqlite.statemachine.raft.RaftNode;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running kqlite node: the replicated core plus its PostgreSQL listener. */
public final class KqliteServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KqliteServer.class);

  private final RaftNode node;
  private final PgListener pg;

  private KqliteServer(RaftNode node, PgListener pg) {
    this.node = node;
    this.pg = pg;
  }

  /**
   * Starts the Raft member first (so the data is there), then accepts clients, over TLS too when
   * the config names certificate files.
   */
  public static KqliteServer start(NodeConfig config, String pgHost, int pgPort, int maxMessageLength)
      throws IOException, InterruptedException {
    return start(config, pgHost, pgPort, maxMessageLength, AuthSettings.defaults());
  }

  /**
   * Also authenticates clients per {@code auth}; an invalid hba file fails the start before
   * anything listens.
   */
  public static KqliteServer start(NodeConfig config, String pgHost, int pgPort, int maxMessageLength,
      AuthSettings auth) throws IOException, InterruptedException {
    HbaConfig hba = auth.hbaFile() == null ? HbaConfig.defaults() : HbaConfig.load(auth.hbaFile());
    ClientTls tls = config.tls() == null || config.witness() ? null
        : ClientTls.fromPem(config.tls().validate().cert(), config.tls().key());
    if (config.peers().size() > 1 && (config.tls() == null || !config.tls().mutual())) {
      LOG.warn("Raft traffic between members is plain text and unauthenticated: anyone who can reach "
          + "the Raft port can append to the log. Give every member --tls-cert, --tls-key and --tls-ca.");
    }
    if (config.witness()) {
      // No SQL to serve: its port only tells clients so (see WitnessPort).
      RaftNode witness = RaftNode.start(config, ReadSetup.NONE);
      try {
        return new KqliteServer(witness, WitnessPort.start(pgHost, pgPort, witness::witnessRefusal));
      } catch (IOException | RuntimeException e) {
        witness.close();
        throw e;
      }
    }
    RaftNode node = RaftNode.start(config, Catalog.readSetup(SessionFunctions.all()));
    try {
      RoleStore roles = new RoleStore(node);
      if (auth.superuserPassword() != null) {
        SuperuserBootstrap.start(roles, auth.superuser(), auth.superuserPassword());
      }
      return new KqliteServer(node, PgServer.start(node, pgHost, pgPort, maxMessageLength, tls,
          new Authenticator(hba, roles)));
    } catch (RuntimeException | InterruptedException e) {
      node.close();
      throw e;
    }
  }

  public RaftNode node() {
    return node;
  }

  public int pgPort() {
    return pg.port();
  }

  @Override
  public void close() {
    pg.close();
    node.close();
  }
}
