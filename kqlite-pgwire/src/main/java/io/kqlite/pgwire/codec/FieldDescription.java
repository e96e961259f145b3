package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/**
 * | cstring name | int32 tableOid | int16 columnAttribute | int32 typeOid | int16 typeSize | int32 typeModifier | int16 format |
 *
 * <p>One column of a {@link RowDescription}. Table OID and attribute number are 0 when the column is
 * not a plain table column; type size is negative for variable-length types; format 0 is text.
 */
public record FieldDescription(String name, int tableOid, short columnAttribute, int typeOid, short typeSize,
        int typeModifier, short formatCode) {

    void writeTo(ByteBuf out) {
        Wire.writeCString(out, name);
        out.writeInt(tableOid);
        out.writeShort(columnAttribute);
        out.writeInt(typeOid);
        out.writeShort(typeSize);
        out.writeInt(typeModifier);
        out.writeShort(formatCode);
    }
}
