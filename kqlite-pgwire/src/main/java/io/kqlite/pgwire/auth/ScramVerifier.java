package io.kqlite.pgwire.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the server keeps of a password (RFC 5802, SHA-256 per RFC 7677): salt, iteration count,
 * StoredKey and ServerKey, in PostgreSQL's text form
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (base64). The password itself
 * cannot be recovered from it, and PostgreSQL tools (psql's {@code \password}) produce the same
 * form, so a client may send a ready verifier.
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {

  /** PostgreSQL's default ({@code scram_iterations}). */
  public static final int DEFAULT_ITERATIONS = 4096;
  private static final int SALT_LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TEXT = Pattern.compile(
      "SCRAM-SHA-256\\$(\\d{1,9}):([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)");

  /** A verifier for {@code password} with a fresh random salt. */
  public static ScramVerifier create(String password) {
    byte[] salt = new byte[SALT_LENGTH];
    RANDOM.nextBytes(salt);
    return of(password, salt, DEFAULT_ITERATIONS);
  }

  /**
   * The verifier for {@code password}, {@code salt} and {@code iterations}. The password is used
   * as UTF-8 without SASLprep normalisation: the same bytes as libpq and pgjdbc send for ASCII
   * passwords (PostgreSQL, too, falls back to the raw bytes when SASLprep does not apply).
   */
  public static ScramVerifier of(String password, byte[] salt, int iterations) {
    byte[] salted = saltedPassword(password, salt, iterations);
    byte[] clientKey = hmac(salted, "Client Key");
    return new ScramVerifier(iterations, salt.clone(), sha256(clientKey), hmac(salted, "Server Key"));
  }

  /** Reads PostgreSQL's text form; null when {@code text} is not one. */
  public static ScramVerifier parse(String text) {
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      int iterations = Integer.parseInt(m.group(1));
      byte[] storedKey = b64.decode(m.group(3));
      byte[] serverKey = b64.decode(m.group(4));
      if (iterations < 1 || storedKey.length != 32 || serverKey.length != 32) {
        return null;
      }
      return new ScramVerifier(iterations, b64.decode(m.group(2)), storedKey, serverKey);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** PostgreSQL's text form, as stored in {@code pg_authid.rolpassword}. */
  public String text() {
    Base64.Encoder b64 = Base64.getEncoder();
    return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
  }

  /** Hi() of RFC 5802: PBKDF2 with HMAC-SHA-256, one 32-byte block. */
  static byte[] saltedPassword(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
    }
  }

  static byte[] hmac(byte[] key, String message) {
    return hmac(key, message.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
