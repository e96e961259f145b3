#!/usr/bin/env bash
# The state machine's apply path alone (no Raft, no wire): kine inserts applied in entries of N
# commands by kqlite's store, beside the same SQL through plain sqlite-jdbc in the same run.
# Needs the project built (mvn install -DskipTests).
# Usage: bench/apply.sh [entries=3000] [commands-per-entry=9]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/kqlite-apply-XXXX)
trap 'rm -rf "$work"' EXIT
(cd "$here" && mvn -B -o -q dependency:build-classpath -pl kqlite-statemachine -Dmdep.outputFile="$work/cp.txt")
cp="$here/kqlite-statemachine/target/classes:$(cat "$work/cp.txt")"
javac --release 17 -d "$work" -cp "$cp" "$here/bench/apply/ApplyThroughput.java"
java -cp "$work:$cp" ApplyThroughput "${1:-3000}" "${2:-9}" "$work"
