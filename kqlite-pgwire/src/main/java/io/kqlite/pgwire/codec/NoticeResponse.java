package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * | 'N' | int32 len | { byte code | cstring value }* | byte 0 |
 *
 * <p>A warning or notice that does not end the statement; same fields as {@link ErrorResponse}.
 */
public record NoticeResponse(Map<Character, String> fields) implements BackendMessage {
    public NoticeResponse {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Fills 'S', 'V', 'C' and 'M', as {@link ErrorResponse#of} does. */
    public static NoticeResponse of(String severity, String sqlState, String message) {
        return new NoticeResponse(ErrorResponse.standardFields(severity, sqlState, message));
    }

    /** A copy with one more field, or this one unchanged if {@code value} is null. */
    public NoticeResponse with(char code, String value) {
        if (value == null) {
            return this;
        }
        Map<Character, String> copy = new LinkedHashMap<>(fields);
        copy.put(code, value);
        return new NoticeResponse(copy);
    }

    @Override
    public void writeTo(ByteBuf out) {
        Wire.writeFields(out, 'N', fields);
    }
}
