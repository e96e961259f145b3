package io.kqlite.pgwire.auth;

import java.util.Locale;

/** How a client proves who it is, as named in pg_hba.conf. */
public enum AuthMethod {
  TRUST, REJECT, PASSWORD, MD5, SCRAM_SHA_256;

  /** The method for its pg_hba.conf name, or null when kqlite does not support it. */
  static AuthMethod named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "trust" -> TRUST;
      case "reject" -> REJECT;
      case "password" -> PASSWORD;
      case "md5" -> MD5;
      case "scram-sha-256" -> SCRAM_SHA_256;
      default -> null;
    };
  }
}
