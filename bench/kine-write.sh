#!/usr/bin/env bash
# kine write-path benchmark: kine's INSERT … RETURNING id (every create/update/delete of k3s) from
# 16 pgbench clients against 2 data nodes + a witness (Raft log fsync on), and the same workload
# against a local PostgreSQL 15 started by this script, in the same run.
# Needs Debian's postgresql-15 (/usr/lib/postgresql/15/bin) and a non-root user for it (postgres).
# Both get the same warm-up run first, not counted: kqlite runs on the JVM, whose JIT needs about a
# minute of this load before the figures settle (cold, a 20 s run reads less than half of the
# steady rate). Beside ops/s it prints the busy CPU time of the whole machine per write: on one
# box, whatever else runs there (all three members here) shares its cores.
# Usage: bench/kine-write.sh [seconds=30] [clients=16] [warmup-seconds=60]
set -euo pipefail
seconds=${1:-30}
clients=${2:-16}
warmup=${3:-60}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/kqlite-kinebench-XXXX)
chmod 777 "$work"
pgbin=/usr/lib/postgresql/15/bin
peers="n1=127.0.0.1:7411:5711,n2=127.0.0.1:7412:5712,w=127.0.0.1:7413:5713:witness"
cleanup() {
  pkill -f -- "--data-dir $work/" || true
  [ -d "$work/pg" ] && su postgres -c "$pgbin/pg_ctl -D $work/pg -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
schema="CREATE TABLE kine (id BIGSERIAL PRIMARY KEY, name text COLLATE \"C\", created INTEGER, deleted INTEGER, create_revision BIGINT, prev_revision BIGINT, lease INTEGER, value bytea, old_value bytea);
CREATE INDEX kine_name_index ON kine (name);
CREATE INDEX kine_name_id_index ON kine (name,id);
CREATE INDEX kine_id_deleted_index ON kine (id,deleted);
CREATE INDEX kine_prev_revision_index ON kine (prev_revision);
CREATE UNIQUE INDEX kine_name_prev_revision_uindex ON kine (name, prev_revision);
CREATE INDEX kine_list_query_index on kine(name, id DESC, deleted);"
cat >"$work/insert.sql" <<'SQL'
\set r random(1, 1000000000000)
INSERT INTO kine(name, created, deleted, create_revision, prev_revision, lease, value, old_value) SELECT '/registry/bench/' || :client_id || '/' || :r, 1, 0, 0, 0, 0, '\x6b696e652d76616c7565'::bytea, (SELECT value FROM kine WHERE id = 0) AS old_value RETURNING id;
SQL
# The whole machine's busy and total CPU time (all processes, user + system), in clock ticks.
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
all_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
run_pgbench() { # $1 label, then psql connection args; prints ops/s, and writes $label.cpu
  local label=$1; shift
  pgbench "$@" -n -M prepared -c "$clients" -j 2 -T "$warmup" -f "$work/insert.sql" >"$work/$label.warmup" 2>&1
  local before after all_before all_after
  before=$(busy_ticks) all_before=$(all_ticks)
  pgbench "$@" -n -M prepared -c "$clients" -j 2 -T "$seconds" -f "$work/insert.sql" >"$work/$label.out" 2>&1
  after=$(busy_ticks) all_after=$(all_ticks)
  # Busy CPU per write over everything on the box (servers, pgbench, kernel), and how busy it was.
  awk -v t=$((after - before)) -v all=$((all_after - all_before)) -v hz="$(getconf CLK_TCK)" \
    '/^number of transactions actually processed/ { printf "%.0f µs (machine %.0f%% busy)", t / hz * 1e6 / $NF, 100 * t / all }' \
    "$work/$label.out" >"$work/$label.cpu"
  sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/$label.out"
}

for id in n1 n2; do "$here/bin/kqlite" start --id $id --peers "$peers" --data-dir "$work/$id" >"$work/$id.log" 2>&1 & done
"$here/bin/kqlite" start --id w --witness --peers "$peers" --data-dir "$work/w" >"$work/w.log" 2>&1 &
until psql -h 127.0.0.1 -p 5711 -d postgres -qc "SELECT 1" >/dev/null 2>&1; do sleep 0.3; done
leader_port=$("$here/bin/kqlite" cluster status --peers "$peers" --json | sed -n 's/.*"leader":"\(n[12]\)".*/\1/p' | sed 's/n1/5711/;s/n2/5712/')
psql -h 127.0.0.1 -p "${leader_port:-5711}" -d postgres -qc "$schema"
kq=$(run_pgbench kqlite -h 127.0.0.1 -p "${leader_port:-5711}" postgres)
# The witness's memory right after the load, as the kernel counts it (peak over its whole life).
witness_pid=$(pgrep -f -- "--data-dir $work/w\$" | head -1 || true)
witness_rss=$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$witness_pid/status" 2>/dev/null)
witness_peak=$(awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$witness_pid/status" 2>/dev/null)

su postgres -c "$pgbin/initdb -D $work/pg -A trust -U postgres" >/dev/null
su postgres -c "$pgbin/pg_ctl -D $work/pg -o '-p 5799 -k $work' -l $work/pg.log start" >/dev/null
until psql -h 127.0.0.1 -p 5799 -U postgres -d postgres -qc "SELECT 1" >/dev/null 2>&1; do sleep 0.3; done
psql -h 127.0.0.1 -p 5799 -U postgres -d postgres -qc "$schema"
pg=$(run_pgbench postgres -h 127.0.0.1 -p 5799 -U postgres postgres)

echo "kine INSERT … RETURNING id, $clients clients, ${seconds}s after a ${warmup}s warm-up:"
echo "  kqlite (2 data + witness, via the leader): $kq ops/s"
echo "  PostgreSQL 15 (single server, fsync on):   $pg ops/s"
awk -v a="$kq" -v b="$pg" 'BEGIN { printf "  ratio kqlite / PostgreSQL: %.2f\n", a / b }'
echo "  CPU per write, whole machine: kqlite $(cat "$work/kqlite.cpu"), PostgreSQL $(cat "$work/postgres.cpu")"
echo "  witness resident after the kqlite run: ${witness_rss:-?} MB (peak ${witness_peak:-?} MB)"
