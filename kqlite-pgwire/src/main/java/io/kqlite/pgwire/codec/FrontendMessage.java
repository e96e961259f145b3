package io.kqlite.pgwire.codec;

/** A message from the client, as produced by {@link PgDecoder}. */
public sealed interface FrontendMessage
        permits StartupMessage, SslRequest, GssEncRequest, CancelRequest, Query, Parse, Bind, Describe,
                Execute, Sync, Flush, Close, Terminate, PasswordMessage, SaslInitialResponse,
                SaslResponse, CopyData, CopyDone, CopyFail {}
