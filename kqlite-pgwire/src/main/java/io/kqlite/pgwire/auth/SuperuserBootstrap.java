package io.kqlite.pgwire.auth;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first superuser from a password given at start ({@code --superuser-password-file}
 * or {@code KQLITE_SUPERUSER_PASSWORD}). It writes only if the role is absent, with INSERT OR
 * IGNORE, so every node may be started with the same password file: the first entry wins and a
 * password changed later with ALTER ROLE is never reset by a restart. Runs in the background
 * because a write needs a leader, which may not be elected yet.
 */
public final class SuperuserBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(SuperuserBootstrap.class);
  /** PostgreSQL's initdb superuser. */
  public static final String DEFAULT_NAME = "postgres";
  private static final Duration RETRY = Duration.ofSeconds(1);

  private SuperuserBootstrap() {
  }

  /** Starts a daemon thread that creates {@code name} once a write succeeds. */
  public static Thread start(RoleStore roles, String name, String password) {
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("the superuser password must not be empty");
    }
    String verifier = ScramVerifier.create(password).text();
    Thread thread = new Thread(() -> run(roles, new Role(name, true, true, verifier)),
        "kqlite-superuser-bootstrap");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void run(RoleStore roles, Role superuser) {
    boolean reported = false;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        if (roles.find(superuser.name()).isEmpty()) {
          roles.createIfAbsent(superuser);
        }
        LOG.info("superuser \"{}\" is present", superuser.name());
        return;
      } catch (RuntimeException e) { // no leader yet, a member still joining, …
        if (!reported) {
          LOG.info("superuser \"{}\" not created yet ({}); retrying every {} s", superuser.name(),
              e.getMessage(), RETRY.toSeconds());
          reported = true;
        }
        try {
          Thread.sleep(RETRY.toMillis()); // waiting for a leader, not for a test
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }
}
