package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * | 'E' | int32 len | { byte code | cstring value }* | byte 0 |
 *
 * <p>Reports an error as one-letter fields ('S' severity, 'C' SQLSTATE, 'M' message, ...), written in
 * insertion order. Build with {@link #of} and add optional fields with the {@code with} methods.
 */
public record ErrorResponse(Map<Character, String> fields) implements BackendMessage {
    public ErrorResponse {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Severity goes in both 'S' and the never-translated 'V', which clients since 9.6 prefer. */
    public static ErrorResponse of(String severity, String sqlState, String message) {
        return new ErrorResponse(standardFields(severity, sqlState, message));
    }

    /** A copy with one more field, or this one unchanged if {@code value} is null. */
    public ErrorResponse with(char code, String value) {
        if (value == null) {
            return this;
        }
        Map<Character, String> copy = new LinkedHashMap<>(fields);
        copy.put(code, value);
        return new ErrorResponse(copy);
    }

    public ErrorResponse withDetail(String detail) {
        return with('D', detail);
    }

    public ErrorResponse withHint(String hint) {
        return with('H', hint);
    }

    public ErrorResponse withConstraint(String constraint) {
        return with('n', constraint);
    }

    public ErrorResponse withTable(String table) {
        return with('t', table);
    }

    public ErrorResponse withSchema(String schema) {
        return with('s', schema);
    }

    @Override
    public void writeTo(ByteBuf out) {
        Wire.writeFields(out, 'E', fields);
    }

    static Map<Character, String> standardFields(String severity, String sqlState, String message) {
        Map<Character, String> fields = new LinkedHashMap<>();
        fields.put('S', severity);
        fields.put('V', severity);
        fields.put('C', sqlState);
        fields.put('M', message);
        return fields;
    }
}
