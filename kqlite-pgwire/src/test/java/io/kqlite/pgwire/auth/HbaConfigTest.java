package io.kqlite.pgwire.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class HbaConfigTest {

  private static ConnectionFacts facts(String address, boolean tls, String user, String database)
      throws Exception {
    return new ConnectionFacts(InetAddress.getByName(address), tls, user, database);
  }

  @Test
  void defaultsTrustLoopbackAndAskEveryoneElseForScram() throws Exception {
    HbaConfig hba = HbaConfig.defaults();
    assertEquals(AuthMethod.TRUST, hba.methodFor(facts("127.0.0.1", false, "x", "y")));
    assertEquals(AuthMethod.TRUST, hba.methodFor(facts("127.0.0.5", false, "x", "y")));
    assertEquals(AuthMethod.TRUST, hba.methodFor(facts("::1", false, "x", "y")));
    assertEquals(AuthMethod.SCRAM_SHA_256, hba.methodFor(facts("10.1.2.3", false, "x", "y")));
    assertEquals(AuthMethod.SCRAM_SHA_256, hba.methodFor(facts("2001:db8::1", true, "x", "y")));
  }

  @Test
  void firstMatchingLineWins() throws Exception {
    HbaConfig hba = HbaConfig.parse(List.of(
        "# comment",
        "",
        "hostssl all        all         0.0.0.0/0     scram-sha-256",
        "host    app,\"Mixed\" alice,bob 10.0.0.0/8    md5   # trailing comment",
        "host    sameuser   all         10.0.0.0 255.0.0.0 password",
        "hostnossl all      all         192.168.1.0/24 reject",
        "host    all        all         ::/0          trust",
        "local   all        all                       trust"));
    assertEquals(AuthMethod.SCRAM_SHA_256, hba.methodFor(facts("10.0.0.1", true, "alice", "app")));
    assertEquals(AuthMethod.MD5, hba.methodFor(facts("10.0.0.1", false, "alice", "app")));
    assertEquals(AuthMethod.MD5, hba.methodFor(facts("10.0.0.1", false, "bob", "Mixed")));
    assertEquals(AuthMethod.PASSWORD, hba.methodFor(facts("10.9.9.9", false, "carol", "carol")));
    assertNull(hba.methodFor(facts("10.9.9.9", false, "carol", "app")));
    assertEquals(AuthMethod.REJECT, hba.methodFor(facts("192.168.1.7", false, "alice", "app")));
    assertNull(hba.methodFor(facts("192.168.2.7", false, "alice", "app")));
    assertEquals(AuthMethod.TRUST, hba.methodFor(facts("fe80::1", false, "alice", "app")));
  }

  @Test
  void quotedAllIsANameNotTheKeyword() throws Exception {
    HbaConfig hba = HbaConfig.parse(List.of("host all \"all\" 0.0.0.0/0 trust"));
    assertNull(hba.methodFor(facts("1.2.3.4", false, "alice", "db")));
    assertEquals(AuthMethod.TRUST, hba.methodFor(facts("1.2.3.4", false, "all", "db")));
  }

  @Test
  void noEntryMessageIsPostgres() throws Exception {
    assertEquals("no pg_hba.conf entry for host \"10.0.0.1\", user \"u\", database \"d\", no encryption",
        HbaConfig.noEntryMessage(facts("10.0.0.1", false, "u", "d")));
  }

  @Test
  void errorsNameTheLine() {
    assertError("line 2: invalid authentication method \"ident\"",
        "host all all 0.0.0.0/0 trust", "host all all 0.0.0.0/0 ident");
    assertError("line 1: invalid connection type \"hots\"", "hots all all 0.0.0.0/0 trust");
    assertError("line 1: invalid CIDR mask in address \"10.0.0.0/33\"", "host all all 10.0.0.0/33 trust");
    assertError("line 1: address \"db.example.com\" is not supported", "host all all db.example.com trust");
    assertError("line 1: end-of-line before authentication method", "host all all 10.0.0.0/8");
    assertError("line 1: authentication option \"clientcert=verify-full\" is not supported",
        "host all all 10.0.0.0/8 md5 clientcert=verify-full");
    assertError("line 1: invalid IP mask \"255.0.255.0\"", "host all all 10.0.0.0 255.0.255.0 md5");
  }

  private static void assertError(String expectedStart, String... lines) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HbaConfig.parse(List.of(lines)));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
  }
}
