package io.kqlite.pgwire.auth;

/** A SCRAM message that breaks the protocol (not a wrong password): PostgreSQL answers 08P01. */
public final class ScramException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScramException(String message) {
    super(message);
  }
}
