package io.kqlite.pgwire.session;

/**
 * One end of a client's connection, as PostgreSQL's {@code inet_*} functions print it: the address
 * in its shortest text form ({@code 127.0.0.1}, {@code ::1}) and the port.
 */
public record SocketEnd(String address, int port) {}
