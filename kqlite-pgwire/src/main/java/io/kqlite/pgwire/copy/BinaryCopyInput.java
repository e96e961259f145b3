package io.kqlite.pgwire.copy;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PostgreSQL's binary COPY input (asyncpg's {@code copy_records_to_table} sends it): the
 * {@code PGCOPY} signature, flags and a header extension, then per row a 16-bit field count and
 * each field as a 32-bit length (-1 for NULL) and its binary value, ended by a count of -1.
 * Only the framing is read here; each field's bytes are decoded by its column's type.
 */
public final class BinaryCopyInput {

  static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

  private BinaryCopyInput() {
  }

  /**
   * The rows of {@code data}, each field's bytes or null.
   *
   * @throws CopyDataException 22P04 for a bad signature, flags, field count or truncated data
   */
  public static List<byte[][]> parse(byte[] data, int columns) {
    ByteBuffer in = ByteBuffer.wrap(data);
    try {
      byte[] signature = new byte[SIGNATURE.length];
      in.get(signature);
      if (!Arrays.equals(signature, SIGNATURE)) {
        throw bad("COPY file signature not recognized");
      }
      int flags = in.getInt();
      if ((flags & 0x10000) != 0) {
        throw bad("COPY file with OIDs is not supported");
      }
      if ((flags & 0xfffe0000) != 0) {
        throw bad("unrecognized critical flags in COPY file header");
      }
      int extension = in.getInt();
      if (extension < 0 || extension > in.remaining()) {
        throw bad("invalid COPY file header (wrong length)");
      }
      in.position(in.position() + extension);
      List<byte[][]> rows = new ArrayList<>();
      while (true) {
        short count = in.getShort();
        if (count == -1) {
          break;
        }
        if (count != columns) {
          throw bad("row field count is " + count + ", expected " + columns);
        }
        byte[][] fields = new byte[columns][];
        for (int c = 0; c < columns; c++) {
          int length = in.getInt();
          if (length == -1) {
            continue;
          }
          if (length < 0 || length > in.remaining()) {
            throw bad("invalid field size");
          }
          fields[c] = new byte[length];
          in.get(fields[c]);
        }
        rows.add(fields);
      }
      return rows;
    } catch (BufferUnderflowException e) {
      throw bad("unexpected EOF in COPY data");
    }
  }

  private static CopyDataException bad(String message) {
    return new CopyDataException(message, 0);
  }
}
