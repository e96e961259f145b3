package io.kqlite.pgwire.session;

import io.kqlite.pgwire.types.PgType;

/** One column of a result as the client is told about it. */
public record ResultField(String name, PgType type, short format) {}
