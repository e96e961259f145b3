#!/usr/bin/env bash
# Snapshot stall benchmark: a single node holding a large database takes snapshots (VACUUM INTO
# in the background) while pgbench inserts small rows. Reports write latency with snapshots
# every few thousand entries against the same run with snapshots effectively off.
# Usage: bench/snapshot-stall.sh [database-MB=300] [seconds=30]
set -euo pipefail
mb=${1:-300}
seconds=${2:-30}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/kqlite-snapbench-XXXX)
cleanup() { pkill -f -- "--data-dir $work/" || true; rm -rf "$work"; }
trap cleanup EXIT
run() { # $1 = label, $2 = snapshot threshold
  local dir="$work/$1" port=$3
  "$here/bin/kqlite" start --id s --data-dir "$dir" --pg-port "$port" --raft-port $((port + 1000)) \
    --snapshot-threshold "$2" >"$work/$1.log" 2>&1 &
  until psql -h 127.0.0.1 -p "$port" -d postgres -qc "SELECT 1" >/dev/null 2>&1; do sleep 0.2; done
  psql -h 127.0.0.1 -p "$port" -d postgres -qc "CREATE TABLE filler (id INTEGER PRIMARY KEY, b BLOB)" \
    -c "CREATE TABLE hot (id serial PRIMARY KEY, v text)"
  for i in $(seq 1 "$mb"); do # 1 MB per statement, one log entry each
    psql -h 127.0.0.1 -p "$port" -d postgres -qc "INSERT INTO filler (b) SELECT randomblob(1024) FROM (WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000) SELECT x FROM n) AS t"
  done
  (cd "$work" && pgbench -h 127.0.0.1 -p "$port" -n -c 4 -T "$seconds" -l --log-prefix="$1" \
    -f <(echo "INSERT INTO hot (v) VALUES ('x')") postgres >"$work/$1.pgbench" 2>&1)
  local tps; tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/$1.pgbench")
  local stats; stats=$(cat "$work/$1".* 2>/dev/null | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "p50 %.1f ms, p99 %.1f ms, max %.1f ms", a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000, a[NR]/1000}')
  local snaps; snaps=$(grep -c "snapshot of all databases" "$work/$1.log" || true)
  echo "$1: $tps tps, $stats, snapshots taken: $snaps"
  pkill -f -- "--data-dir $dir" || true
  sleep 1
}
echo "database of ${mb} MB, ${seconds}s of 4-client single-row inserts"
run baseline 100000000 5811
run snapshots 2000 5812
