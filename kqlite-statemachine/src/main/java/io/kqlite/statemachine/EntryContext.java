package io.kqlite.statemachine;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * The values a log entry fixes for every replica: the time {@code now()} returns and the seed of
 * {@code random()}. Decided once by the node that starts the work (a transaction at BEGIN).
 */
public record EntryContext(long timestampMicros, long randomSeed) {

  private static final SecureRandom SEEDS = new SecureRandom();

  /** This node's clock and a fresh seed. */
  public static EntryContext now() {
    Instant now = Instant.now();
    return new EntryContext(now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000, SEEDS.nextLong());
  }
}
