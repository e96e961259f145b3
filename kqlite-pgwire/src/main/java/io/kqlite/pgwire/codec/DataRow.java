package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * | 'D' | int32 len | int16 n | { int32 len (-1 NULL) | bytes }* n |
 *
 * <p>One result row, values already in the format the client asked for; a null value is SQL NULL.
 */
public record DataRow(List<byte[]> values) implements BackendMessage {
    public DataRow {
        values = Collections.unmodifiableList(new ArrayList<>(values)); // List.copyOf would refuse nulls
    }

    @Override
    public void writeTo(ByteBuf out) {
        int start = Wire.begin(out, 'D');
        Wire.writeCount(out, values.size());
        for (byte[] value : values) {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.writeBytes(value);
            }
        }
        Wire.end(out, start);
    }
}
