package io.kqlite.pgwire.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The client side of SCRAM-SHA-256, written independently of the server classes, for tests. */
final class ScramClient {

  final String clientFirstBare;
  private final String password;
  private String authMessage;
  private byte[] saltedPassword;

  ScramClient(String clientNonce, String password) {
    this.clientFirstBare = "n=,r=" + clientNonce;
    this.password = password;
  }

  String clientFirst() {
    return "n,," + clientFirstBare;
  }

  /** The client-final-message for {@code serverFirst}. */
  String clientFinal(String serverFirst) throws Exception {
    String nonce = attribute(serverFirst, "r");
    byte[] salt = Base64.getDecoder().decode(attribute(serverFirst, "s"));
    int iterations = Integer.parseInt(attribute(serverFirst, "i"));
    String withoutProof = "c=biws,r=" + nonce;
    authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
    saltedPassword = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
    byte[] clientKey = hmac(saltedPassword, "Client Key");
    byte[] storedKey = java.security.MessageDigest.getInstance("SHA-256").digest(clientKey);
    byte[] signature = hmac(storedKey, authMessage);
    byte[] proof = new byte[clientKey.length];
    for (int i = 0; i < proof.length; i++) {
      proof[i] = (byte) (clientKey[i] ^ signature[i]);
    }
    return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
  }

  /** The server-final-message a server knowing the password sends. */
  String expectedServerFinal() throws Exception {
    return "v=" + Base64.getEncoder().encodeToString(hmac(hmac(saltedPassword, "Server Key"), authMessage));
  }

  static String attribute(String message, String name) {
    for (String part : message.split(",")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    throw new IllegalArgumentException("no " + name + " in " + message);
  }

  private static byte[] hmac(byte[] key, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
  }
}
