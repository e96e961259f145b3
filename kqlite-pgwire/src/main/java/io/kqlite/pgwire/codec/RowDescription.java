package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * | 'T' | int32 len | int16 n | FieldDescription * n |
 *
 * <p>Announces the columns of the rows that follow.
 */
public record RowDescription(List<FieldDescription> fields) implements BackendMessage {
    public RowDescription {
        fields = List.copyOf(fields);
    }

    @Override
    public void writeTo(ByteBuf out) {
        int start = Wire.begin(out, 'T');
        Wire.writeCount(out, fields.size());
        for (FieldDescription field : fields) {
            field.writeTo(out);
        }
        Wire.end(out, start);
    }
}
