package io.kqlite.pgwire.auth;

import java.net.InetAddress;

/**
 * What pg_hba.conf rules look at: the client's address, whether the channel is encrypted (TLS),
 * and the user and database from the StartupMessage.
 */
public record ConnectionFacts(InetAddress address, boolean tls, String user, String database) {
}
