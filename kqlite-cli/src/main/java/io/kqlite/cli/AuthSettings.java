package io.kqlite.cli;

import java.nio.file.Path;

/**
 * How a node authenticates clients.
 *
 * @param hbaFile           pg_hba.conf-style rules; null for the default (trust on loopback,
 *                          scram-sha-256 elsewhere)
 * @param superuser         the bootstrap superuser's name
 * @param superuserPassword its password, or null to create no superuser
 */
public record AuthSettings(Path hbaFile, String superuser, String superuserPassword) {

  /** Default rules, no bootstrap superuser. */
  public static AuthSettings defaults() {
    return new AuthSettings(null, "postgres", null);
  }

  @Override
  public String toString() {
    return "AuthSettings[hbaFile=" + hbaFile + ", superuser=" + superuser + "]";
  }
}
