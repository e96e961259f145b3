/**
 * COPY's data formats, text and csv: turning the bytes of CopyData messages into rows of fields
 * and rows into lines, exactly as PostgreSQL 15 reads and writes them. Pure functions of the
 * {@link io.kqlite.pgwire.sql.CopyOptions}; the session decides what the rows mean.
 */
package io.kqlite.pgwire.copy;
