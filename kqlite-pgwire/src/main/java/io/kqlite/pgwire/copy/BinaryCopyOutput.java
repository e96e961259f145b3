package io.kqlite.pgwire.copy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * PostgreSQL's binary COPY output, the framing {@link BinaryCopyInput} reads: a header (the
 * {@code PGCOPY} signature, no flags, no extension), per row a 16-bit field count and each field
 * as a 32-bit length (-1 for NULL) and its bytes, and a trailer count of -1. The bytes of each
 * field are its type's binary send format, produced by the caller.
 */
public final class BinaryCopyOutput {

  private BinaryCopyOutput() {
  }

  /** The file header: signature, 32-bit flags (0) and header extension length (0). */
  public static byte[] header() {
    return ByteBuffer.allocate(BinaryCopyInput.SIGNATURE.length + 8)
        .put(BinaryCopyInput.SIGNATURE).putInt(0).putInt(0).array();
  }

  /** One row; a null field is SQL NULL. */
  public static byte[] row(byte[][] fields) {
    int length = 2;
    for (byte[] field : fields) {
      length += 4 + (field == null ? 0 : field.length);
    }
    ByteBuffer out = ByteBuffer.allocate(length).putShort((short) fields.length);
    for (byte[] field : fields) {
      if (field == null) {
        out.putInt(-1);
      } else {
        out.putInt(field.length).put(field);
      }
    }
    return out.array();
  }

  /** The trailer that ends the data: a field count of -1. */
  public static byte[] trailer() {
    return new byte[] {(byte) 0xff, (byte) 0xff};
  }
}
