#!/usr/bin/env bash
# Runs the load script against the service on H2 and on PostgreSQL, one after the other on this
# machine, and prints the figures for docs/benchmarks.md. Needs Java 17 and a PostgreSQL server
# (PGHOST, default 127.0.0.1; PGUSER, default postgres) where it may create the database
# creditflow_load.
#
#   scripts/load-benchmark.sh [applications] [concurrency...]      e.g. scripts/load-benchmark.sh 300 16 32
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/service-control.sh
APPLICATIONS=${1:-300}
shift || true
CONCURRENCY=${*:-16 32}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
PORT=${PORT:-8080}

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
PID=
trap '[ -z "$PID" ] || stop_service "$PID"; rm -rf "$WORK"' EXIT

run() { # name; each setting twice, to show how far the figures move between runs
  for c in $CONCURRENCY; do
    for attempt in 1 2; do
      echo "== $1, concurrency $c, run $attempt"
      java scripts/LoadTest.java --url "http://localhost:$PORT" --applications "$APPLICATIONS" --concurrency "$c"
    done
  done
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
start_service "$WORK/h2" "$PORT"
PID=$STARTED_PID
echo "== idle, before any load: $(idle_cpu "$PID" 15) % of one core"
run "H2 (file, default profile)"
stop_service "$PID"

psql -h "$PGHOST" -U "$PGUSER" -d postgres -q -c 'drop database if exists creditflow_load' \
  -c 'create database creditflow_load'
CREDITFLOW_DB_URL="jdbc:postgresql://$PGHOST:5432/creditflow_load" CREDITFLOW_DB_USER=$PGUSER \
  start_service "$WORK/postgres" "$PORT" --spring.profiles.active=postgres,demo
PID=$STARTED_PID
run "PostgreSQL $(psql -h "$PGHOST" -U "$PGUSER" -d postgres -tA -c 'show server_version')"
stop_service "$PID"
PID=
