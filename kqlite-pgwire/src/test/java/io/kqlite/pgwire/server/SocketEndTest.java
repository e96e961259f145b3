package io.kqlite.pgwire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class SocketEndTest {

  private static String host(String literal) throws UnknownHostException {
    return PgConnectionHandler.socketEnd(new InetSocketAddress(InetAddress.getByName(literal), 5432)).address();
  }

  /** inet_client_addr() and inet_server_addr() print addresses as PostgreSQL's inet does. */
  @Test
  void addressesInPostgresqlsShortestForm() throws UnknownHostException {
    assertEquals("127.0.0.1", host("127.0.0.1"));
    assertEquals("::1", host("0:0:0:0:0:0:0:1"));
    assertEquals("::", host("0:0:0:0:0:0:0:0"));
    assertEquals("2001:db8::", host("2001:db8:0:0:0:0:0:0"));
    assertEquals("fe80::1:2", host("fe80:0:0:0:0:0:1:2"));
    assertEquals("1:0:0:2::3", host("1:0:0:2:0:0:0:3"));
    assertEquals("1:0:2:3:4:5:6:7", host("1:0:2:3:4:5:6:7"));
  }
}
