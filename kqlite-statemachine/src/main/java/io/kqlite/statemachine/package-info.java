/**
 * The replicated core of kqlite: write commands travel through the Raft log (Apache Ratis) and are
 * applied to SQLite on every data node in log order.
 *
 * <p>This module knows Ratis and SQLite and nothing of the PostgreSQL wire protocol. The front end
 * talks to it only through {@link io.kqlite.statemachine.SqlCluster}: {@code write} submits a
 * {@link io.kqlite.statemachine.WriteCommand} to the log, {@code query} reads the local replica.
 *
 * <p>Determinism: everything that could differ between replicas (wall-clock time, random numbers)
 * is decided once by the node that submits a command and carried inside the log entry; the apply
 * path only reads the entry and the database.
 */
package io.kqlite.statemachine;
