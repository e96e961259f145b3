package io.kqlite.statemachine;

/**
 * A committed write: the result every replica computed and the log index it was applied at. A
 * session waits until its local replica has applied {@code logIndex} before its next read, so it
 * always reads its own writes.
 */
public record WriteOutcome(long logIndex, WriteResult result) {}
