package io.kqlite.pgwire.codec;

/**
 * | int32 16 | int32 80877102 | int32 processId | int32 secretKey |
 *
 * <p>Sent on a fresh connection to cancel the query of another; the key comes from BackendKeyData.
 */
public record CancelRequest(int processId, int secretKey) implements FrontendMessage {
    static final int CODE = 80877102;
}
