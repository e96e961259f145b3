package io.kqlite.pgwire.auth;

/**
 * A role as stored in the system database.
 *
 * @param password a SCRAM verifier ({@code SCRAM-SHA-256$…}), an MD5 hash ({@code md5…}) when a
 *                 client set one, or null: never clear text
 */
public record Role(String name, boolean superuser, boolean login, String password) {

  @Override
  public String toString() {
    return "Role[" + name + (superuser ? " superuser" : "") + (login ? " login" : "") + "]";
  }
}
