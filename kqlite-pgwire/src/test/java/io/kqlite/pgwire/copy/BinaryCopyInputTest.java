package io.kqlite.pgwire.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryCopyInputTest {

  private static byte[] pgcopy(boolean trailer, byte[]... fieldsOfOneRow) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
    out.writeInt(0);
    out.writeInt(0);
    out.writeShort(fieldsOfOneRow.length);
    for (byte[] field : fieldsOfOneRow) {
      out.writeInt(field == null ? -1 : field.length);
      if (field != null) {
        out.write(field);
      }
    }
    if (trailer) {
      out.writeShort(-1);
    }
    return bytes.toByteArray();
  }

  @Test
  void rowsAndNullsAreRead() throws IOException {
    List<byte[][]> rows = BinaryCopyInput.parse(pgcopy(true, new byte[] {0, 0, 0, 7}, null), 2);
    assertEquals(1, rows.size());
    assertArrayEquals(new byte[] {0, 0, 0, 7}, rows.get(0)[0]);
    assertNull(rows.get(0)[1]);
  }

  @Test
  void malformedInputIs22P04() throws IOException {
    byte[] good = pgcopy(true, new byte[] {1});
    byte[] badSignature = good.clone();
    badSignature[0] = 'X';
    assertEquals("COPY file signature not recognized",
        assertThrows(CopyDataException.class, () -> BinaryCopyInput.parse(badSignature, 1)).getMessage());
    assertThrows(CopyDataException.class, () -> BinaryCopyInput.parse(pgcopy(false, new byte[] {1}), 1));
    assertThrows(CopyDataException.class, () -> BinaryCopyInput.parse(good, 2));
    assertEquals("22P04", assertThrows(CopyDataException.class,
        () -> BinaryCopyInput.parse(new byte[] {'P'}, 1)).sqlState());
  }
}
