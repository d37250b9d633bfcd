#!/usr/bin/env bash
# Runs the load script against the service on H2 and on PostgreSQL, one after the other on this
# machine, and prints the figures for docs/benchmarks.md. Needs Java 17 and a PostgreSQL server
# (PGHOST, default 127.0.0.1; PGUSER, default postgres) where it may create the database
# creditflow_load.
#
#   scripts/load-benchmark.sh [applications] [concurrency...]      e.g. scripts/load-benchmark.sh 300 16 32
set -euo pipefail
cd "$(dirname "$0")/.."
APPLICATIONS=${1:-300}
shift || true
CONCURRENCY=${*:-16 32}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
PORT=${PORT:-8080}
JAR=target/creditflow-0.1.0-SNAPSHOT.jar

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

start() { # name, extra args...
  local name=$1; shift
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && exec java -jar "$OLDPWD/$JAR" --server.port="$PORT" "$@" > service.log 2>&1) &
  PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && return 0
    sleep 1
  done
  echo "service ($name) did not start; see $WORK/$name/service.log" >&2
  exit 1
}

run() { # name; each setting twice, to show how far the figures move between runs
  for c in $CONCURRENCY; do
    for attempt in 1 2; do
      echo "== $1, concurrency $c, run $attempt"
      java scripts/LoadTest.java --url "http://localhost:$PORT" --applications "$APPLICATIONS" --concurrency "$c"
    done
  done
}

stop() {
  kill "$PID"
  wait "$PID" 2> /dev/null || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
start h2
run "H2 (file, default profile)"
stop

psql -h "$PGHOST" -U "$PGUSER" -d postgres -q -c 'drop database if exists creditflow_load' \
  -c 'create database creditflow_load'
CREDITFLOW_DB_URL="jdbc:postgresql://$PGHOST:5432/creditflow_load" CREDITFLOW_DB_USER=$PGUSER \
  start postgres --spring.profiles.active=postgres,demo
run "PostgreSQL $(psql -h "$PGHOST" -U "$PGUSER" -d postgres -tA -c 'show server_version')"
stop
