package io.kqlite.pgwire.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * PostgreSQL's MD5 password scheme: stored {@code "md5" + md5hex(password + user)}, sent
 * {@code "md5" + md5hex(md5hex(password + user) + salt)}. Kept for old clients and already-hashed
 * passwords; new passwords are stored as SCRAM verifiers.
 */
public final class Md5Password {

  private Md5Password() {
  }

  /** The stored form {@code md5…} for a password. */
  public static String stored(String user, String password) {
    return "md5" + md5Hex((password + user).getBytes(StandardCharsets.UTF_8));
  }

  /** True if {@code text} looks like a stored MD5 password (as PostgreSQL decides it). */
  public static boolean isStored(String text) {
    return text.length() == 35 && text.startsWith("md5")
        && text.substring(3).chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  /** Checks the client's answer to an MD5 challenge against the stored {@code md5…} form, in constant time. */
  public static boolean matches(String stored, byte[] salt, String answer) {
    byte[] inner = stored.substring(3).getBytes(StandardCharsets.US_ASCII);
    byte[] salted = new byte[inner.length + salt.length];
    System.arraycopy(inner, 0, salted, 0, inner.length);
    System.arraycopy(salt, 0, salted, inner.length, salt.length);
    String expected = "md5" + md5Hex(salted);
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        answer.getBytes(StandardCharsets.UTF_8));
  }

  static String md5Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 unavailable", e);
    }
  }
}
