package io.kqlite.pgwire.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScramTest {

  /** RFC 7677, section 3: user "user", password "pencil". */
  private static final String RFC_SALT = "W22ZaJ0SNY7soEsUEjb6gQ==";
  private static final String RFC_CLIENT_FIRST_BARE = "n=user,r=rOprNGfwEbeRWgbNEkqO";
  private static final String RFC_SERVER_FIRST =
      "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
  private static final String RFC_FINAL_WITHOUT_PROOF =
      "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  private static final String RFC_PROOF = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
  private static final String RFC_SERVER_SIGNATURE = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

  @Test
  void verifierFromRfc7677VectorProvesTheRfcClientProofAndSignsLikeTheRfc() {
    ScramVerifier verifier = ScramVerifier.of("pencil", Base64.getDecoder().decode(RFC_SALT), 4096);
    byte[] authMessage = (RFC_CLIENT_FIRST_BARE + "," + RFC_SERVER_FIRST + "," + RFC_FINAL_WITHOUT_PROOF)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] proof = Base64.getDecoder().decode(RFC_PROOF);
    byte[] signature = ScramVerifier.hmac(verifier.storedKey(), authMessage);
    byte[] clientKey = new byte[32];
    for (int i = 0; i < 32; i++) {
      clientKey[i] = (byte) (proof[i] ^ signature[i]);
    }
    assertEquals(Base64.getEncoder().encodeToString(verifier.storedKey()),
        Base64.getEncoder().encodeToString(ScramVerifier.sha256(clientKey)));
    assertEquals(RFC_SERVER_SIGNATURE,
        Base64.getEncoder().encodeToString(ScramVerifier.hmac(verifier.serverKey(), authMessage)));
  }

  @Test
  void verifierTextRoundTripsInPostgresForm() {
    ScramVerifier verifier = ScramVerifier.create("secret");
    String text = verifier.text();
    assertTrue(text.startsWith("SCRAM-SHA-256$4096:"), text);
    ScramVerifier parsed = ScramVerifier.parse(text);
    assertNotNull(parsed);
    assertEquals(text, parsed.text());
    assertNull(ScramVerifier.parse("md5abc"));
    assertNull(ScramVerifier.parse("SCRAM-SHA-256$4096:c2FsdA==$c2hvcnQ=:c2hvcnQ="));
  }

  @Test
  void exchangeSucceedsWithTheRightPasswordAndSendsTheServerSignature() throws Exception {
    ScramExchange server = ScramExchange.forVerifier(ScramVerifier.create("pencil"));
    ScramClient client = new ScramClient("fyko+d2lbbFgONRv9qkxdawL", "pencil");
    String serverFirst = server.serverFirst(client.clientFirst());
    assertTrue(serverFirst.startsWith("r=fyko+d2lbbFgONRv9qkxdawL"), serverFirst);
    String serverFinal = server.serverFinal(client.clientFinal(serverFirst));
    assertEquals(client.expectedServerFinal(), serverFinal);
  }

  @Test
  void wrongPasswordOrForgedProofFails() throws Exception {
    ScramExchange server = ScramExchange.forVerifier(ScramVerifier.create("pencil"));
    ScramClient client = new ScramClient("abc", "crayon");
    assertNull(server.serverFinal(client.clientFinal(server.serverFirst(client.clientFirst()))));

    ScramExchange forged = ScramExchange.forVerifier(ScramVerifier.create("pencil"));
    String serverFirst = forged.serverFirst("n,,n=,r=abc");
    String nonce = ScramClient.attribute(serverFirst, "r");
    assertNull(forged.serverFinal("c=biws,r=" + nonce + ",p="
        + Base64.getEncoder().encodeToString(new byte[32])));
  }

  @Test
  void doomedExchangeLooksRealAndAlwaysFails() throws Exception {
    byte[] secret = new byte[32];
    ScramExchange first = ScramExchange.doomed(secret, "nobody");
    String serverFirst = first.serverFirst("n,,n=,r=abc");
    String again = ScramExchange.doomed(secret, "nobody").serverFirst("n,,n=,r=abc");
    assertEquals(ScramClient.attribute(serverFirst, "s"), ScramClient.attribute(again, "s"),
        "the made-up salt is stable per user name");
    assertEquals("4096", ScramClient.attribute(serverFirst, "i"));
    ScramClient client = new ScramClient("abc", "anything");
    assertNull(first.serverFinal(client.clientFinal(serverFirst)));
  }

  @Test
  void malformedMessagesAreProtocolErrors() {
    assertThrows(ScramException.class, () -> ScramExchange.forVerifier(ScramVerifier.create("x"))
        .serverFirst("garbage"));
    assertThrows(ScramException.class, () -> ScramExchange.forVerifier(ScramVerifier.create("x"))
        .serverFirst("p=tls-server-end-point,,n=,r=abc"));
    ScramExchange exchange = ScramExchange.forVerifier(ScramVerifier.create("x"));
    exchange.serverFirst("n,,n=,r=abc");
    assertThrows(ScramException.class, () -> exchange.serverFinal("c=biws,r=wrongnonce,p=AAAA"));
    assertThrows(ScramException.class, () -> exchange.serverFinal("no proof here"));
  }

  @Test
  void md5MatchesPostgresFormula() {
    String stored = Md5Password.stored("alice", "secret");
    assertEquals("md5" + Md5Password.md5Hex("secretalice".getBytes()), stored);
    assertTrue(Md5Password.isStored(stored));
    byte[] salt = {1, 2, 3, 4};
    byte[] salted = (stored.substring(3) + new String(salt, java.nio.charset.StandardCharsets.ISO_8859_1))
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(Md5Password.matches(stored, salt, "md5" + Md5Password.md5Hex(salted)));
    assertTrue(!Md5Password.matches(stored, salt, "md5" + Md5Password.md5Hex("x".getBytes())));
  }
}
