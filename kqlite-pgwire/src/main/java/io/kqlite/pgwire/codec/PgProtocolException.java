package io.kqlite.pgwire.codec;

import io.netty.handler.codec.CorruptedFrameException;

/**
 * The client sent bytes that are not valid protocol. The connection cannot be trusted any more:
 * the decoder drops all further input, and the handler should answer with an ErrorResponse
 * carrying {@link #sqlState()} and close.
 *
 * <p>Every framing or body error, including a message over the size limit, is {@link
 * #PROTOCOL_VIOLATION}, as in PostgreSQL. Only an unsupported protocol version in the startup
 * packet is {@link #FEATURE_NOT_SUPPORTED}, again as PostgreSQL reports it.
 */
public final class PgProtocolException extends CorruptedFrameException {
    private static final long serialVersionUID = 1L;

    /** SQLSTATE protocol_violation. */
    public static final String PROTOCOL_VIOLATION = "08P01";
    /** SQLSTATE feature_not_supported. */
    public static final String FEATURE_NOT_SUPPORTED = "0A000";

    private final String sqlState;

    public PgProtocolException(String sqlState, String message) {
        super(message);
        this.sqlState = sqlState;
    }

    public PgProtocolException(String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The five-character SQLSTATE to report to the client. */
    public String sqlState() {
        return sqlState;
    }

    static PgProtocolException violation(String message) {
        return new PgProtocolException(PROTOCOL_VIOLATION, message);
    }
}
