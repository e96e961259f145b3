#!/usr/bin/env bash
# Failover benchmark: 2 data nodes + 1 witness as real processes on loopback. Repeatedly
# kill -9 the leader and measure the time until the first acknowledged write through a
# surviving data node; the killed node is restarted before the next round.
# Usage: bench/failover.sh [rounds=20] [election-timeout-ms=500]
set -euo pipefail
rounds=${1:-20}
election=${2:-500}
here=$(cd "$(dirname "$0")/.." && pwd)
kqlite="$here/bin/kqlite"
work=$(mktemp -d /tmp/kqlite-failover-XXXX)
peers="n1=127.0.0.1:7311:5611,n2=127.0.0.1:7312:5612,w=127.0.0.1:7313:5613:witness"
declare -A pg=([n1]=5611 [n2]=5612)
start() { "$kqlite" start --id "$1" --peers "$peers" --data-dir "$work/$1" --election-timeout-ms "$election" >>"$work/$1.log" 2>&1 & }
cleanup() { pkill -f -- "--data-dir $work/" || true; rm -rf "$work"; }
trap cleanup EXIT
for id in n1 n2 w; do start "$id"; done
leader() { "$kqlite" cluster status --peers "$peers" --json 2>/dev/null | sed -n 's/.*"leader":"\([^"]*\)".*/\1/p'; }
until [ -n "$(leader)" ]; do sleep 0.2; done
until psql -h 127.0.0.1 -p 5611 -d postgres -qc "CREATE TABLE IF NOT EXISTS beat (id serial PRIMARY KEY, at text)" 2>/dev/null; do sleep 0.2; done
results=()
for round in $(seq 1 "$rounds"); do
  l=$(leader)
  while [ "$l" != n1 ] && [ "$l" != n2 ]; do sleep 0.2; l=$(leader); done
  other=$([ "$l" = n1 ] && echo n2 || echo n1)
  psql -h 127.0.0.1 -p "${pg[$other]}" -d postgres -qc "INSERT INTO beat (at) VALUES ('warm')" >/dev/null
  pkill -9 -f -- "--id $l --peers" ; t0=$(date +%s%N)
  until psql -h 127.0.0.1 -p "${pg[$other]}" -d postgres -qc "INSERT INTO beat (at) VALUES ('after kill')" >/dev/null 2>&1; do sleep 0.02; done
  ms=$(( ($(date +%s%N) - t0) / 1000000 )); results+=("$ms")
  echo "round $round: killed $l, first acknowledged write via $other after $ms ms"
  start "$l"
  until [ "$("$kqlite" cluster status --peers "$peers" --json 2>/dev/null | grep -o UNREACHABLE | wc -l)" = 0 ]; do sleep 0.2; done
  sleep 1
done
sorted=$(printf '%s\n' "${results[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
echo "failover over $rounds kills (election timeout ${election}ms): median ${median} ms, min $(echo "$sorted" | head -1) ms, max $(echo "$sorted" | tail -1) ms"
