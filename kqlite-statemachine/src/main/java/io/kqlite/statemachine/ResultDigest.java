package io.kqlite.statemachine;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit fingerprint of what a statement returned to the client: rows (as a multiset: SQL
 * gives no order without ORDER BY) and the count of rows changed.
 *
 * <p>A transaction is first run speculatively on the session's node; the client sees those
 * results. At COMMIT every replica re-runs it at its place in the log and compares fingerprints:
 * equal fingerprints mean the client saw what the serial execution produces, so the transaction
 * may commit; any difference answers 40001 and nothing is applied.
 */
public final class ResultDigest {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private ResultDigest() {}

  public static long of(StatementResult result) {
    long rows = 0;
    for (Object[] row : result.rows()) {
      rows += mix(rowHash(row)); // a sum does not depend on row order
    }
    return mix(result.rowsChanged() * 31 + result.columns().size()) ^ rows;
  }

  private static long rowHash(Object[] row) {
    long hash = FNV_OFFSET;
    for (Object value : row) {
      hash = add(hash, tag(value));
      byte[] bytes = bytes(value);
      for (byte b : bytes) {
        hash = add(hash, b);
      }
      hash = add(hash, bytes.length);
    }
    return hash;
  }

  private static int tag(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Long) {
      return 1;
    }
    if (value instanceof Double) {
      return 2;
    }
    return value instanceof String ? 3 : 4;
  }

  private static byte[] bytes(Object value) {
    if (value == null) {
      return new byte[0];
    }
    if (value instanceof byte[] blob) {
      return blob;
    }
    if (value instanceof Double number) {
      return Long.toString(Double.doubleToLongBits(number)).getBytes(StandardCharsets.US_ASCII);
    }
    return value.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long add(long hash, int b) {
    return (hash ^ (b & 0xff)) * FNV_PRIME;
  }

  /** A final avalanche step so that summing row hashes does not cancel structure. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
