#!/usr/bin/env bash
# Measures the reason kqlite does not translate SQL with JSqlParser: over the statements real
# clients were captured sending (kine, psql 15, pgbench, pgjdbc, SQLAlchemy/asyncpg/psycopg), how
# many JSqlParser 5.3 parses and how many kqlite translates, and µs per statement for both.
# Needs the project built (mvn install -DskipTests) and Maven Central, or jsqlparser 5.3 in ~/.m2.
# Usage: bench/sql-parser.sh [rounds=200]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/kqlite-sqlparser-XXXX)
trap 'rm -rf "$work"' EXIT
jar=$HOME/.m2/repository/com/github/jsqlparser/jsqlparser/5.3/jsqlparser-5.3.jar
[ -f "$jar" ] || mvn -B -q dependency:get -Dartifact=com.github.jsqlparser:jsqlparser:5.3 -Dtransitive=false
(cd "$here" && mvn -B -o -q dependency:build-classpath -pl kqlite-pgwire -Dmdep.outputFile="$work/cp.txt")
cp="$here/kqlite-pgwire/target/classes:$(cat "$work/cp.txt"):$jar"
javac --release 17 -d "$work" -cp "$cp" "$here/bench/sql-parser/ParserComparison.java"
java -cp "$work:$cp" ParserComparison "$here/kqlite-pgwire/src/test/resources/client-statements" "${1:-200}"
