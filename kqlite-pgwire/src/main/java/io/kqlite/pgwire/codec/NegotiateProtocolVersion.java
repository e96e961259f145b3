package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * | 'v' | int32 len | int32 newestMinor | int32 n | cstring option * n |
 *
 * <p>Answers a startup asking for a newer 3.x minor or unknown _pq_ options with what the server supports.
 */
public record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions)
        implements BackendMessage {
    public NegotiateProtocolVersion {
        unrecognizedOptions = List.copyOf(unrecognizedOptions);
    }

    @Override
    public void writeTo(ByteBuf out) {
        int start = Wire.begin(out, 'v');
        out.writeInt(newestMinorVersion);
        out.writeInt(unrecognizedOptions.size());
        for (String option : unrecognizedOptions) {
            Wire.writeCString(out, option);
        }
        Wire.end(out, start);
    }
}
