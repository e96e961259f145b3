package io.kqlite.pgwire.codec;

import io.netty.buffer.ByteBuf;

/** A message to the client. Each one writes itself, so {@link PgEncoder} needs no type switch. */
public sealed interface BackendMessage
        permits AuthenticationOk, AuthenticationCleartextPassword, AuthenticationMd5Password,
                AuthenticationSasl, AuthenticationSaslContinue, AuthenticationSaslFinal, ParameterStatus, BackendKeyData,
                ReadyForQuery, RowDescription, DataRow, CommandComplete, EmptyQueryResponse, ErrorResponse,
                NoticeResponse, ParseComplete, BindComplete, CloseComplete, NoData, PortalSuspended,
                ParameterDescription, NegotiateProtocolVersion, SslResponse, CopyInResponse, CopyOutResponse,
                CopyData, CopyDone, BackendBatch {

    /** Writes the complete wire form: type byte, length and body (only the type-less SslResponse differs). */
    void writeTo(ByteBuf out);
}
