/**
 * Who may connect and what they may do: pg_hba rules ({@link io.kqlite.pgwire.auth.HbaConfig}),
 * password checks (SCRAM-SHA-256 per RFC 5802/7677, MD5, clear text), roles and privileges kept
 * in the replicated system database ({@link io.kqlite.pgwire.auth.RoleStore}), and the
 * per-session checks ({@link io.kqlite.pgwire.auth.Access}).
 *
 * <p>No wire bytes here: the server package drives the exchange and turns its steps into
 * protocol messages; the session package asks {@code Access} before running a statement.
 *
 * <p>Decisions: an unknown user gets the same exchange as a real one (a made-up salt derived from
 * a replicated secret, stable per name) and only then 28000, where a wrong password gets 28P01. A session whose user has
 * no role row could only log in by trust and is treated as superuser, which keeps trusted
 * loopback use as it was before roles existed. Non-superusers need a grant per table; the tables
 * a statement touches come from SQLite's EXPLAIN (OpenRead/OpenWrite root pages), not from
 * parsing SQL (trigger programs are listed too, so they run with the invoker's privileges, as in
 * PostgreSQL). Superusers skip all checks, so their statement path is unchanged.
 *
 * <p>Known gaps: superuser status is fixed at login (ALTER ROLE … NOSUPERUSER applies to new
 * sessions); a view needs grants on its base tables; INSERT … ON CONFLICT DO UPDATE needs only
 * INSERT; DROP TABLE keeps the table's grants for a table of the same name.
 */
package io.kqlite.pgwire.auth;
