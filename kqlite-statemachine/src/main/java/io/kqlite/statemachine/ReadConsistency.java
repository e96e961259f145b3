package io.kqlite.statemachine;

import java.util.Locale;

/**
 * How fresh a read on this node must be (session setting {@code kqlite.read_consistency}).
 */
public enum ReadConsistency {
  /** Whatever this replica has applied: fastest, may lag the leader. */
  STALE,
  /** At least the session's own writes and every write this node acknowledged. */
  SESSION,
  /**
   * Everything committed anywhere before the read started: the node asks the leader for its
   * commit index (Raft ReadIndex) and waits until it has applied that far.
   */
  LINEARIZABLE;

  public static ReadConsistency parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SqlException("22023", "invalid value for parameter \"kqlite.read_consistency\": \""
          + text + "\" (use stale, session or linearizable)");
    }
  }
}
