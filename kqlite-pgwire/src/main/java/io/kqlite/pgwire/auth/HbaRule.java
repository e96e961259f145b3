package io.kqlite.pgwire.auth;

import java.util.Set;

/**
 * One line of pg_hba.conf: which connections it covers and how they authenticate.
 *
 * @param type      {@code host}, {@code hostssl}, {@code hostnossl}, or {@code local} (kqlite has
 *                  no Unix socket, so local lines are accepted and never match)
 * @param databases database names, or {@code all}/{@code sameuser} keywords (lower case)
 * @param users     user names, or the {@code all} keyword
 * @param address   the client network; null for local lines
 * @param line      the line number in the file, for messages
 */
record HbaRule(String type, Set<String> databases, Set<String> users, AddressRange address,
    AuthMethod method, int line) {

  /** Keywords are stored with this prefix so a quoted name "all" stays a name. */
  static final String KEYWORD = "\0";

  boolean matches(ConnectionFacts facts) {
    return typeMatches(facts.tls())
        && address != null && address.contains(facts.address())
        && (databases.contains(KEYWORD + "all") || databases.contains(facts.database())
            || databases.contains(KEYWORD + "sameuser") && facts.database().equals(facts.user()))
        && (users.contains(KEYWORD + "all") || users.contains(facts.user()));
  }

  private boolean typeMatches(boolean tls) {
    return switch (type) {
      case "host" -> true;
      case "hostssl" -> tls;
      case "hostnossl" -> !tls;
      default -> false;
    };
  }
}
