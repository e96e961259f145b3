package io.kqlite.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kqlite.cli.AuthSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Password authentication through an hba file, with real clients (psql, pgjdbc) and a raw socket
 * client for what drivers never send; roles and grants as a non-superuser sees them.
 */
class AuthIT {

  private static final String SUPERUSER_PASSWORD = "s3cret-super";
  private static TestCluster cluster;
  private static Path dir;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("kqlite-auth-it-");
    Path hba = dir.resolve("hba.conf");
    Files.write(hba, List.of(
        "host all md5user,scramviamd5 127.0.0.1/32 md5",
        "host all pwuser 127.0.0.1/32 password",
        "host all trusted 127.0.0.1/32 trust",
        "host all blocked 127.0.0.1/32 reject",
        "host all all 127.0.0.1/32 scram-sha-256"));
    cluster = TestCluster.startWithAuth(1, new AuthSettings(hba, "postgres", SUPERUSER_PASSWORD));
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> connect("postgres", SUPERUSER_PASSWORD).isValid(5));
  }

  @AfterAll
  static void stop() throws IOException {
    cluster.close();
  }

  static Connection connect(String user, String password) throws SQLException {
    return connect(cluster.pgPort(0), "postgres", user, password);
  }

  static Connection connect(int port, String database, String user, String password) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database,
        user, password);
  }

  private static void superuser(String... statements) throws SQLException {
    try (Connection c = connect("postgres", SUPERUSER_PASSWORD); Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  private static SQLException loginFails(String user, String password) {
    return assertThrows(SQLException.class, () -> connect(user, password).close());
  }

  private static void stillServing() throws SQLException {
    try (Connection c = connect("postgres", SUPERUSER_PASSWORD); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_user")) {
      rs.next();
      assertEquals("postgres", rs.getString(1));
    }
  }

  @Test
  void psqlLogsInWithScramAndIsRefusedWithAWrongPassword() throws Exception {
    assertEquals("postgres\n", psql("postgres", SUPERUSER_PASSWORD, "SELECT current_user"));
    assertEquals("psql: error: connection to server at \"127.0.0.1\", port " + cluster.pgPort(0)
        + " failed: FATAL:  password authentication failed for user \"postgres\"\n",
        psql("postgres", "wrong", "SELECT 1"));
  }

  /** psql's \\password hashes on the client (after asking for password_encryption). */
  @Test
  void psqlPasswordCommand() throws Exception {
    superuser("DROP ROLE IF EXISTS kim", "CREATE USER kim PASSWORD 'before'");
    ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-h", "127.0.0.1", "-p",
        Integer.toString(cluster.pgPort(0)), "-U", "kim", "-d", "postgres", "-c", "\\password")
        .redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", "before");
    Process process = builder.start();
    process.getOutputStream().write("after\nafter\n".getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    assertEquals("off\n", psql("kim", "after", "SHOW is_superuser"));
    assertEquals("28P01", loginFails("kim", "before").getSQLState());
  }

  @Test
  void psqlListsStoredRoles() throws Exception {
    superuser("DROP ROLE IF EXISTS gina", "DROP ROLE IF EXISTS hank", "CREATE ROLE gina",
        "CREATE USER hank PASSWORD 'h'");
    String roles = psql("postgres", SUPERUSER_PASSWORD, "\\du");
    assertTrue(roles.contains("gina|Cannot login|{}\n"), roles);
    assertTrue(roles.contains("hank||{}\n"), roles);
    assertTrue(roles.contains("postgres|Superuser|{}\n"), roles);
  }

  @Test
  void wrongPasswordAndUnknownUserFailAfterTheSameExchange() {
    SQLException wrong = loginFails("postgres", "nope");
    SQLException unknown = loginFails("ghost", "nope");
    assertEquals("28P01", wrong.getSQLState());
    assertEquals("28000", unknown.getSQLState());
    assertTrue(wrong.getMessage().contains("password authentication failed for user \"postgres\""),
        wrong.getMessage());
    assertTrue(unknown.getMessage().contains("role \"ghost\" does not exist"), unknown.getMessage());
  }

  @Test
  void md5LoginsWithAnMd5HashOrFallingBackToScram() throws Exception {
    String md5 = "md5" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
        .digest("md5pwmd5user".getBytes(StandardCharsets.UTF_8)));
    superuser("DROP ROLE IF EXISTS md5user", "DROP ROLE IF EXISTS scramviamd5",
        "CREATE USER md5user PASSWORD '" + md5 + "'", "CREATE USER scramviamd5 PASSWORD 'viascram'");
    try (Connection c = connect("md5user", "md5pw")) {
      assertTrue(c.isValid(5));
    }
    try (Connection c = connect("scramviamd5", "viascram")) {
      assertTrue(c.isValid(5));
    }
    assertEquals("28P01", loginFails("md5user", "other").getSQLState());
    assertEquals("28P01", loginFails("scramviamd5", "other").getSQLState());
  }

  @Test
  void cleartextPasswordMethod() throws Exception {
    superuser("DROP ROLE IF EXISTS pwuser", "CREATE USER pwuser PASSWORD 'plain'");
    try (Connection c = connect("pwuser", "plain")) {
      assertTrue(c.isValid(5));
    }
    assertEquals("28P01", loginFails("pwuser", "other").getSQLState());
  }

  @Test
  void rejectAndNoLoginAreRefusedWith28000() throws Exception {
    SQLException rejected = loginFails("blocked", "x");
    assertEquals("28000", rejected.getSQLState());
    assertTrue(rejected.getMessage().contains("pg_hba.conf rejects connection for host \"127.0.0.1\""),
        rejected.getMessage());
    superuser("DROP ROLE IF EXISTS nologin", "CREATE ROLE nologin PASSWORD 'pw'");
    SQLException noLogin = loginFails("nologin", "pw");
    assertEquals("28000", noLogin.getSQLState());
    assertTrue(noLogin.getMessage().contains("role \"nologin\" is not permitted to log in"));
  }

  @Test
  void forgedScramProofIsRejectedAndOthersAreServed() throws Exception {
    try (RawAuthClient raw = new RawAuthClient(cluster.pgPort(0))) {
      raw.startup("postgres", "postgres");
      RawAuthClient.Message sasl = raw.read();
      assertEquals(10, sasl.authCode());
      assertEquals("SCRAM-SHA-256\0\0", sasl.text(4));
      raw.saslInitial("SCRAM-SHA-256", "n,,n=,r=forgedclientnonce");
      RawAuthClient.Message serverFirst = raw.read();
      assertEquals(11, serverFirst.authCode());
      String nonce = serverFirst.text(4).split(",")[0].substring(2);
      assertTrue(nonce.startsWith("forgedclientnonce"));
      raw.send('p', ("c=biws,r=" + nonce + ",p=" + Base64.getEncoder().encodeToString(new byte[32]))
          .getBytes(StandardCharsets.UTF_8));
      RawAuthClient.Message error = raw.read();
      assertEquals('E', error.type());
      assertEquals("FATAL", error.fields().get('S'));
      assertEquals("28P01", error.fields().get('C'));
      assertTrue(raw.closedByServer());
    }
    stillServing();
  }

  @Test
  void unknownUserSeesAnExchangeLikeARealOne() throws Exception {
    String first = serverFirst("ghost");
    String again = serverFirst("ghost");
    assertEquals(attribute(first, "s"), attribute(again, "s"), "same made-up salt every time");
    assertEquals("4096", attribute(first, "i"));
    assertEquals(attribute(serverFirst("postgres"), "i"), attribute(first, "i"));
  }

  @Test
  void correctProofFromARawClientIsAccepted() throws Exception {
    try (RawAuthClient raw = new RawAuthClient(cluster.pgPort(0))) {
      raw.startup("postgres", "postgres");
      raw.read();
      String clientFirstBare = "n=,r=rawclientnonce";
      raw.saslInitial("SCRAM-SHA-256", "n,," + clientFirstBare);
      String serverFirst = raw.read().text(4);
      byte[] salt = Base64.getDecoder().decode(attribute(serverFirst, "s"));
      byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
          new PBEKeySpec(SUPERUSER_PASSWORD.toCharArray(), salt, 4096, 256)).getEncoded();
      String withoutProof = "c=biws,r=" + attribute(serverFirst, "r");
      String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
      byte[] clientKey = hmac(salted, "Client Key");
      byte[] signature = hmac(MessageDigest.getInstance("SHA-256").digest(clientKey), authMessage);
      byte[] proof = new byte[32];
      for (int i = 0; i < 32; i++) {
        proof[i] = (byte) (clientKey[i] ^ signature[i]);
      }
      raw.send('p', (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof))
          .getBytes(StandardCharsets.UTF_8));
      RawAuthClient.Message last = raw.read();
      assertEquals(12, last.authCode());
      assertEquals("v=" + Base64.getEncoder().encodeToString(hmac(hmac(salted, "Server Key"), authMessage)),
          last.text(4));
      assertEquals(0, raw.read().authCode());
    }
  }

  @Test
  void garbageAndWrongMessagesDuringTheHandshakeAreProtocolErrors() throws Exception {
    try (RawAuthClient raw = new RawAuthClient(cluster.pgPort(0))) {
      raw.startup("postgres", "postgres");
      raw.read();
      raw.saslInitial("SCRAM-SHA-256", "garbage");
      RawAuthClient.Message error = raw.read();
      assertEquals("08P01", error.fields().get('C'));
      assertTrue(raw.closedByServer());
    }
    try (RawAuthClient raw = new RawAuthClient(cluster.pgPort(0))) {
      raw.startup("postgres", "postgres");
      raw.read();
      raw.send('Q', "SELECT 1\0".getBytes(StandardCharsets.UTF_8));
      assertEquals("08P01", raw.read().fields().get('C'));
      assertTrue(raw.closedByServer());
    }
    try (RawAuthClient raw = new RawAuthClient(cluster.pgPort(0))) {
      raw.startup("postgres", "postgres");
      raw.read();
      raw.saslInitial("SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,n=,r=x");
      assertEquals("08P01", raw.read().fields().get('C'));
    }
    stillServing();
  }

  @Test
  void clientThatStopsMidHandshakeDoesNotDisturbOthers() throws Exception {
    for (int i = 0; i < 5; i++) {
      RawAuthClient raw = new RawAuthClient(cluster.pgPort(0));
      raw.startup("postgres", "postgres");
      assertEquals(10, raw.read().authCode());
      raw.close();
    }
    RawAuthClient silent = new RawAuthClient(cluster.pgPort(0));
    silent.startup("postgres", "postgres");
    silent.read(); // and never answers while others log in
    stillServing();
    silent.close();
  }

  @Test
  void systemDatabaseIsClosedToClients() throws Exception {
    SQLException e = assertThrows(SQLException.class,
        () -> connect(cluster.pgPort(0), "kqlite_system", "postgres", SUPERUSER_PASSWORD).close());
    assertEquals("42501", e.getSQLState());
    try (Connection c = connect("postgres", SUPERUSER_PASSWORD); Statement st = c.createStatement()) {
      assertEquals("42501", assertThrows(SQLException.class,
          () -> st.execute("CREATE DATABASE kqlite_system")).getSQLState());
    }
  }

  @Test
  void roleStatementErrorsAreThoseOfPostgres() throws Exception {
    superuser("DROP ROLE IF EXISTS dave", "CREATE USER dave PASSWORD 'd'");
    try (Connection c = connect("postgres", SUPERUSER_PASSWORD); Statement st = c.createStatement()) {
      assertEquals("42710", assertThrows(SQLException.class, () -> st.execute("CREATE ROLE dave")).getSQLState());
      assertEquals("42704", assertThrows(SQLException.class,
          () -> st.execute("ALTER ROLE nobody PASSWORD 'x'")).getSQLState());
      assertEquals("42704", assertThrows(SQLException.class, () -> st.execute("DROP ROLE nobody")).getSQLState());
      st.execute("DROP ROLE IF EXISTS nobody");
      assertEquals("role \"nobody\" does not exist, skipping", st.getWarnings().getMessage());
    }
    try (Connection dave = connect("dave", "d"); Statement st = dave.createStatement()) {
      assertEquals("42501", assertThrows(SQLException.class, () -> st.execute("CREATE ROLE eve")).getSQLState());
      st.execute("ALTER USER dave PASSWORD 'd2'"); // one's own password
    }
    try (Connection dave = connect("dave", "d2")) {
      assertTrue(dave.isValid(5));
    }
  }

  /** psql's \password sends a verifier computed on the client: it is stored as is. */
  @Test
  void alterUserWithAScramVerifierFromTheClient() throws Exception {
    superuser("DROP ROLE IF EXISTS frank", "CREATE USER frank");
    byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
        new PBEKeySpec("fpw".toCharArray(), salt, 4096, 256)).getEncoded();
    Base64.Encoder b64 = Base64.getEncoder();
    String verifier = "SCRAM-SHA-256$4096:" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key")))
        + ":" + b64.encodeToString(hmac(salted, "Server Key"));
    superuser("ALTER USER frank PASSWORD '" + verifier + "'");
    try (Connection frank = connect("frank", "fpw")) {
      assertTrue(frank.isValid(5));
    }
  }

  @Test
  void grantsAreEnforcedForANonSuperuser() throws Exception {
    superuser("DROP TABLE IF EXISTS ledger", "DROP ROLE IF EXISTS bob",
        "CREATE TABLE ledger (id int PRIMARY KEY, amount int)", "INSERT INTO ledger VALUES (1, 10)",
        "CREATE USER bob PASSWORD 'bobpw'");
    try (Connection bob = connect("bob", "bobpw"); Statement st = bob.createStatement()) {
      SQLException select = assertThrows(SQLException.class, () -> st.executeQuery("SELECT * FROM ledger"));
      assertEquals("42501", select.getSQLState());
      assertTrue(select.getMessage().contains("permission denied for table ledger"), select.getMessage());
      assertEquals("42501", assertThrows(SQLException.class,
          () -> st.execute("INSERT INTO ledger VALUES (2, 20)")).getSQLState());
      assertEquals("42501", assertThrows(SQLException.class,
          () -> st.execute("CREATE TABLE mine (x int)")).getSQLState());
      assertEquals("42501", assertThrows(SQLException.class,
          () -> st.executeQuery("SELECT count(*) FROM (SELECT * FROM ledger) AS sub")).getSQLState());

      superuser("GRANT SELECT ON ledger TO bob");
      try (ResultSet rs = st.executeQuery("SELECT amount FROM ledger WHERE id = 1")) {
        rs.next();
        assertEquals(10, rs.getInt(1));
      }
      assertEquals("42501", assertThrows(SQLException.class,
          () -> st.execute("INSERT INTO ledger VALUES (2, 20)")).getSQLState());
      superuser("GRANT INSERT ON TABLE ledger TO bob");
      assertEquals(1, st.executeUpdate("INSERT INTO ledger VALUES (2, 20)"));
      try (var ps = bob.prepareStatement("INSERT INTO ledger VALUES (?, ?)")) {
        ps.setInt(1, 3);
        ps.setInt(2, 30);
        assertEquals(1, ps.executeUpdate());
      }
      assertEquals("42501", assertThrows(SQLException.class,
          () -> st.execute("DELETE FROM ledger WHERE id = 2")).getSQLState());
      assertEquals("42501", assertThrows(SQLException.class,
          () -> st.execute("DELETE FROM ledger")).getSQLState());
      assertEquals("42501", assertThrows(SQLException.class,
          () -> st.execute("TRUNCATE ledger")).getSQLState());
      assertEquals("42501", assertThrows(SQLException.class,
          () -> st.execute("UPDATE ledger SET amount = 0")).getSQLState());
      superuser("REVOKE SELECT ON ledger FROM bob");
      assertEquals("42501", assertThrows(SQLException.class,
          () -> st.executeQuery("SELECT * FROM ledger")).getSQLState());
      CopyManager copy = bob.unwrap(PGConnection.class).getCopyAPI();
      assertEquals("42501", assertThrows(SQLException.class,
          () -> copy.copyOut("COPY ledger TO STDOUT", new java.io.StringWriter())).getSQLState());
      assertEquals(1, copy.copyIn("COPY ledger FROM STDIN", new java.io.StringReader("4\t40\n")));
    }
  }

  @Test
  void connectPrivilegeOnADatabase() throws Exception {
    superuser("DROP ROLE IF EXISTS ivy", "CREATE USER ivy PASSWORD 'ivy'");
    try (Connection c = connect("postgres", SUPERUSER_PASSWORD); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE closed");
      st.execute("REVOKE CONNECT ON DATABASE closed FROM PUBLIC");
    }
    SQLException refused = assertThrows(SQLException.class,
        () -> connect(cluster.pgPort(0), "closed", "ivy", "ivy").close());
    assertEquals("42501", refused.getSQLState());
    assertTrue(refused.getMessage().contains("permission denied for database \"closed\""));
    superuser("GRANT CONNECT ON DATABASE closed TO ivy");
    try (Connection ivy = connect(cluster.pgPort(0), "closed", "ivy", "ivy")) {
      assertTrue(ivy.isValid(5));
    }
    try (Connection postgres = connect(cluster.pgPort(0), "closed", "postgres", SUPERUSER_PASSWORD)) {
      assertTrue(postgres.isValid(5), "superusers connect regardless");
    }
  }

  private static String serverFirst(String user) throws IOException {
    try (RawAuthClient raw = new RawAuthClient(cluster.pgPort(0))) {
      raw.startup(user, "postgres");
      assertEquals(10, raw.read().authCode());
      raw.saslInitial("SCRAM-SHA-256", "n,,n=,r=probe");
      return raw.read().text(4);
    }
  }

  private static String attribute(String message, String name) {
    for (String part : message.split(",")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name + " in " + message);
  }

  private static byte[] hmac(byte[] key, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
  }

  static String psql(String user, String password, String sql) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-A", "-t", "-h", "127.0.0.1", "-p",
        Integer.toString(cluster.pgPort(0)), "-U", user, "-d", "postgres", "-c", sql)
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("PGPASSWORD", password);
    env.put("PGCONNECT_TIMEOUT", "10");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("psql did not finish:\n" + output);
    }
    return output;
  }
}
