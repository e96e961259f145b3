package io.kqlite.pgwire.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 / 7677) without channel binding:
 * client-first → server-first, client-final → server-final or failure.
 *
 * <p>An exchange for an unknown user (or one without a password) runs exactly the same steps on a
 * made-up verifier and fails only at the proof check, so neither the messages nor the timing
 * tell a client which user names exist.
 */
public final class ScramExchange {

  public static final String MECHANISM = "SCRAM-SHA-256";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 18;

  private final ScramVerifier verifier;
  private final boolean doomed;
  private String clientFirstBare;
  private String serverFirst;
  private String gs2Header;
  private String nonce;

  private ScramExchange(ScramVerifier verifier, boolean doomed) {
    this.verifier = verifier;
    this.doomed = doomed;
  }

  /** An exchange that succeeds if the client proves it knows the password behind {@code verifier}. */
  public static ScramExchange forVerifier(ScramVerifier verifier) {
    return new ScramExchange(verifier, false);
  }

  /**
   * An exchange that always fails at the proof, presenting the salt a real verifier for
   * {@code user} would have: derived from {@code serverSecret} and the name, so repeated attempts
   * see the same salt (as PostgreSQL's mock authentication does).
   */
  public static ScramExchange doomed(byte[] serverSecret, String user) {
    byte[] seed = ScramVerifier.hmac(serverSecret, "scram-mock-salt:" + user);
    byte[] salt = java.util.Arrays.copyOf(seed, 16);
    byte[] key = ScramVerifier.sha256(seed);
    return new ScramExchange(
        new ScramVerifier(ScramVerifier.DEFAULT_ITERATIONS, salt, key, key), true);
  }

  /**
   * Answers the client-first-message ({@code gs2-header client-first-bare}).
   *
   * @throws ScramException for a malformed message or a channel binding request
   */
  public String serverFirst(String clientFirst) {
    if (serverFirst != null) {
      throw new ScramException("unexpected SCRAM client-first-message");
    }
    String rest;
    if (clientFirst.startsWith("n,") || clientFirst.startsWith("y,")) {
      rest = clientFirst.substring(2);
    } else if (clientFirst.startsWith("p=")) {
      throw new ScramException("channel binding is not supported (SCRAM-SHA-256-PLUS was not offered)");
    } else {
      throw new ScramException("malformed SCRAM message (unexpected channel-binding flag)");
    }
    int comma = rest.indexOf(',');
    if (comma < 0 || (comma > 0 && !rest.startsWith("a="))) {
      throw new ScramException("malformed SCRAM message (bad authorization identity)");
    }
    gs2Header = clientFirst.substring(0, 2 + comma + 1);
    clientFirstBare = rest.substring(comma + 1);
    if (clientFirstBare.startsWith("m=")) {
      throw new ScramException("client requires an unsupported SCRAM extension");
    }
    String[] parts = clientFirstBare.split(",", -1);
    if (parts.length < 2 || !parts[0].startsWith("n=") || !parts[1].startsWith("r=")
        || !validNonce(parts[1].substring(2))) {
      throw new ScramException("malformed SCRAM message (expected n= and r= attributes)");
    }
    byte[] serverNonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(serverNonce);
    nonce = parts[1].substring(2) + Base64.getEncoder().encodeToString(serverNonce);
    serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt())
        + ",i=" + verifier.iterations();
    return serverFirst;
  }

  /**
   * Checks the client-final-message ({@code c=…,r=…,p=…}).
   *
   * @return the server-final-message ({@code v=ServerSignature}), or null when the proof is wrong
   * @throws ScramException for a malformed message, a wrong nonce or channel binding
   */
  public String serverFinal(String clientFinal) {
    if (serverFirst == null) {
      throw new ScramException("unexpected SCRAM client-final-message");
    }
    int proofAt = clientFinal.lastIndexOf(",p=");
    if (proofAt < 0) {
      throw new ScramException("malformed SCRAM message (proof missing)");
    }
    String withoutProof = clientFinal.substring(0, proofAt);
    String[] parts = withoutProof.split(",", -1);
    if (parts.length < 2 || !parts[0].startsWith("c=") || !parts[1].startsWith("r=")) {
      throw new ScramException("malformed SCRAM message (expected c= and r= attributes)");
    }
    String expectedBinding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
    if (!parts[0].substring(2).equals(expectedBinding)) {
      throw new ScramException("SCRAM channel binding check failed");
    }
    if (!parts[1].substring(2).equals(nonce)) {
      throw new ScramException("SCRAM nonce mismatch");
    }
    byte[] proof;
    try {
      proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
    } catch (IllegalArgumentException e) {
      throw new ScramException("malformed SCRAM message (invalid proof)");
    }
    byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
        .getBytes(StandardCharsets.UTF_8);
    byte[] clientSignature = ScramVerifier.hmac(verifier.storedKey(), authMessage);
    byte[] clientKey = new byte[clientSignature.length];
    for (int i = 0; i < clientKey.length; i++) {
      clientKey[i] = (byte) (clientSignature[i] ^ (i < proof.length ? proof[i] : 0));
    }
    boolean proven = proof.length == clientSignature.length
        && MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey());
    if (!proven || doomed) {
      return null;
    }
    return "v=" + Base64.getEncoder().encodeToString(ScramVerifier.hmac(verifier.serverKey(), authMessage));
  }

  /** RFC 5802: printable ASCII except ','. */
  private static boolean validNonce(String nonce) {
    if (nonce.isEmpty()) {
      return false;
    }
    for (int i = 0; i < nonce.length(); i++) {
      char c = nonce.charAt(i);
      if (c < 0x21 || c > 0x7e || c == ',') {
        return false;
      }
    }
    return true;
  }
}
