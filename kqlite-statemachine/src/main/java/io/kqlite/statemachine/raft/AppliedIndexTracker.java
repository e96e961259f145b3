package io.kqlite.statemachine.raft;

/**
 * Lets readers wait until this node has applied a given log index (read-your-writes on a follower).
 */
final class AppliedIndexTracker {

  private long applied;

  synchronized void advanceTo(long index) {
    if (index > applied) {
      applied = index;
      notifyAll();
    }
  }

  synchronized long applied() {
    return applied;
  }

  /** Waits up to {@code timeoutMillis}; true when {@code index} has been applied. */
  synchronized boolean awaitApplied(long index, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (applied < index) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }
}
