package io.kqlite.pgwire.server;

/** A listening PostgreSQL port: the full server on a data node, a refusal on a witness. */
public interface PgListener extends AutoCloseable {

  /** The bound port (useful when started on port 0). */
  int port();

  @Override
  void close();
}
