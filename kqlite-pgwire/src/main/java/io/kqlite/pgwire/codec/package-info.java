/**
 * PostgreSQL frontend/backend protocol v3 codec: bytes in, message records out, and back.
 *
 * <p>{@link io.kqlite.pgwire.codec.PgDecoder} turns client bytes into {@link
 * io.kqlite.pgwire.codec.FrontendMessage}s; {@link io.kqlite.pgwire.codec.PgEncoder} writes
 * {@link io.kqlite.pgwire.codec.BackendMessage}s. The package knows the wire format only, not SQL
 * or storage; what a message means is the session's business.
 *
 * <p>Strings are UTF-8 and NUL-terminated on the wire. Messages are immutable records, except
 * that array components are handed over, not copied, to avoid copying row data twice: treat them
 * as read-only.
 */
package io.kqlite.pgwire.codec;
