package io.kqlite.pgwire.server;

import io.kqlite.pgwire.auth.AuthMethod;
import io.kqlite.pgwire.auth.Authenticator;
import io.kqlite.pgwire.auth.ConnectionFacts;
import io.kqlite.pgwire.auth.HbaConfig;
import io.kqlite.pgwire.auth.Md5Password;
import io.kqlite.pgwire.auth.Role;
import io.kqlite.pgwire.auth.ScramException;
import io.kqlite.pgwire.auth.ScramExchange;
import io.kqlite.pgwire.codec.AuthenticationCleartextPassword;
import io.kqlite.pgwire.codec.AuthenticationMd5Password;
import io.kqlite.pgwire.codec.AuthenticationSasl;
import io.kqlite.pgwire.codec.AuthenticationSaslContinue;
import io.kqlite.pgwire.codec.AuthenticationSaslFinal;
import io.kqlite.pgwire.codec.BackendMessage;
import io.kqlite.pgwire.codec.PasswordMessage;
import io.kqlite.pgwire.codec.PgProtocolException;
import io.kqlite.pgwire.codec.SaslInitialResponse;
import io.kqlite.pgwire.codec.SaslResponse;
import io.kqlite.statemachine.SqlException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * One connection's authentication exchange, between StartupMessage and AuthenticationOk: picks
 * the method from pg_hba, sends the challenge and checks each answer. Unknown users, users
 * without a password and wrong passwords all go through the same steps (an unknown user gets a
 * made-up SCRAM salt), so timing tells nothing; only the final error differs, as issue 7 asks:
 * 28P01 for a wrong password, 28000 for a user that does not exist.
 *
 * <p>As in PostgreSQL, {@code md5} uses SCRAM when the stored secret is a SCRAM verifier (or
 * there is none), since an MD5 challenge cannot be checked against it.
 */
final class Handshake {

  private static final SecureRandom RANDOM = new SecureRandom();

  private enum Step { PASSWORD, MD5, SASL_INITIAL, SASL_FINAL, DONE }

  private final Authenticator authenticator;
  private final ConnectionFacts facts;
  private Role role;
  private Step step;
  private byte[] md5Salt;
  private ScramExchange scram;

  Handshake(Authenticator authenticator, ConnectionFacts facts) {
    this.authenticator = authenticator;
    this.facts = facts;
  }

  /**
   * The first challenge, or null when the client is already authenticated (trust).
   *
   * @throws SqlException 28000 when pg_hba has no entry or rejects the connection
   */
  BackendMessage start() {
    AuthMethod method = authenticator.methodFor(facts);
    if (method == null) {
      throw new SqlException("28000", HbaConfig.noEntryMessage(facts));
    }
    role = authenticator.role(facts.user()).orElse(null);
    switch (method) {
      case REJECT -> throw new SqlException("28000", "pg_hba.conf rejects connection for host \""
          + facts.address().getHostAddress() + "\", user \"" + facts.user() + "\", database \""
          + facts.database() + "\", " + (facts.tls() ? "SSL encryption" : "no encryption"));
      case TRUST -> {
        return done();
      }
      case PASSWORD -> {
        step = Step.PASSWORD;
        return new AuthenticationCleartextPassword();
      }
      case MD5 -> {
        if (role != null && role.password() != null && Md5Password.isStored(role.password())) {
          step = Step.MD5;
          md5Salt = new byte[4];
          RANDOM.nextBytes(md5Salt);
          return new AuthenticationMd5Password(md5Salt);
        }
        return startScram();
      }
      case SCRAM_SHA_256 -> {
        return startScram();
      }
      default -> throw new IllegalStateException("method " + method);
    }
  }

  private BackendMessage startScram() {
    step = Step.SASL_INITIAL;
    scram = authenticator.scramExchange(facts.user(), role);
    return new AuthenticationSasl(List.of(ScramExchange.MECHANISM));
  }

  /**
   * The next message for the client's answer: another challenge, the SASL outcome, or null.
   * When {@link #isDone()} afterwards, AuthenticationOk follows.
   *
   * @throws SqlException 28P01 for a wrong password, 08P01 for a malformed answer
   */
  BackendMessage answer(PasswordMessage message) {
    try {
      return switch (step) {
        case PASSWORD -> {
          String password = message.password();
          yield Authenticator.passwordMatches(role, password) ? done() : failed();
        }
        case MD5 -> Md5Password.matches(role.password(), md5Salt, message.password()) ? done() : failed();
        case SASL_INITIAL -> {
          SaslInitialResponse initial = SaslInitialResponse.from(message);
          if (!initial.mechanism().equals(ScramExchange.MECHANISM)) {
            throw new SqlException("08P01", "client selected an invalid SASL authentication mechanism");
          }
          if (initial.data() == null) {
            throw new SqlException("08P01", "malformed SCRAM message (empty message)");
          }
          step = Step.SASL_FINAL;
          yield new AuthenticationSaslContinue(
              scram.serverFirst(text(initial.data())).getBytes(StandardCharsets.UTF_8));
        }
        case SASL_FINAL -> {
          String serverFinal = scram.serverFinal(text(SaslResponse.from(message).data()));
          if (serverFinal == null) {
            yield failed();
          }
          done();
          yield new AuthenticationSaslFinal(serverFinal.getBytes(StandardCharsets.UTF_8));
        }
        case DONE -> throw new SqlException("08P01", "unexpected password message");
      };
    } catch (ScramException | PgProtocolException e) {
      throw new SqlException("08P01", e.getMessage());
    }
  }

  /** True once the client is authenticated: AuthenticationOk follows whatever was answered. */
  boolean isDone() {
    return step == Step.DONE;
  }

  /** The authenticated user's role row, or null when it has none (only possible with trust). */
  Role role() {
    return role;
  }

  private BackendMessage done() {
    if (role != null && !role.login()) {
      throw new SqlException("28000", "role \"" + role.name() + "\" is not permitted to log in");
    }
    step = Step.DONE;
    return null;
  }

  private BackendMessage failed() {
    if (role == null) {
      throw new SqlException("28000", "role \"" + facts.user() + "\" does not exist");
    }
    throw new SqlException("28P01", "password authentication failed for user \"" + facts.user() + "\"");
  }

  private static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }
}
