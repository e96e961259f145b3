package io.kqlite.pgwire.auth;

import java.util.Optional;

/**
 * The server's authentication policy: pg_hba rules plus the replicated roles. One per server,
 * shared by all connections; each connection's exchange is a {@code Handshake} in the server
 * package.
 */
public final class Authenticator {

  private final HbaConfig hba;
  private final RoleStore roles;

  public Authenticator(HbaConfig hba, RoleStore roles) {
    this.hba = hba;
    this.roles = roles;
  }

  /** The method for a connection, or null when no rule matches. */
  public AuthMethod methodFor(ConnectionFacts facts) {
    return hba.methodFor(facts);
  }

  public Optional<Role> role(String user) {
    return roles.find(user);
  }

  public RoleStore roles() {
    return roles;
  }

  /** An exchange against the role's SCRAM verifier, or a doomed one when there is none. */
  public ScramExchange scramExchange(String user, Role role) {
    ScramVerifier verifier = role == null || role.password() == null ? null
        : ScramVerifier.parse(role.password());
    return verifier != null ? ScramExchange.forVerifier(verifier)
        : ScramExchange.doomed(roles.mockSecret(), user);
  }

  /** Checks a clear-text password against whatever the role stores; false for no role. */
  public static boolean passwordMatches(Role role, String password) {
    if (role == null || role.password() == null || password.isEmpty()) {
      return false;
    }
    ScramVerifier verifier = ScramVerifier.parse(role.password());
    if (verifier != null) {
      ScramVerifier computed = ScramVerifier.of(password, verifier.salt(), verifier.iterations());
      return java.security.MessageDigest.isEqual(computed.storedKey(), verifier.storedKey())
          & java.security.MessageDigest.isEqual(computed.serverKey(), verifier.serverKey());
    }
    return Md5Password.isStored(role.password()) && java.security.MessageDigest.isEqual(
        Md5Password.stored(role.name(), password).getBytes(java.nio.charset.StandardCharsets.UTF_8),
        role.password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
