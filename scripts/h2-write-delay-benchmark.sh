#!/usr/bin/env bash
# What durable commits cost on the embedded H2 database: the load script against the default
# profile as shipped (WRITE_DELAY=0: each commit written to the file before it returns) and with
# the datasource URL it had before, which left H2's default write delay (500 ms: commits written
# later, in the background), alternating, each on a fresh database, in one run on this machine.
# Prints throughput, latency, the database file's size before and after a graceful stop and how
# long the stop took, for docs/benchmarks.md.
#
#   scripts/h2-write-delay-benchmark.sh [applications] [concurrency] [rounds]      e.g. 300 16 2
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/service-control.sh
APPLICATIONS=${1:-300}
CONCURRENCY=${2:-16}
ROUNDS=${3:-2}
PORT=${PORT:-8080}

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
PID=
trap '[ -z "$PID" ] || stop_service "$PID"; rm -rf "$WORK"' EXIT

measure() { # name, arguments for the service...
  local name=$1
  shift
  start_service "$WORK/$name" "$PORT" "$@"
  PID=$STARTED_PID
  echo "== $name"
  java scripts/LoadTest.java --url "http://localhost:$PORT" --applications "$APPLICATIONS" --concurrency "$CONCURRENCY"
  # before the stop: closing the database compacts its file, which a killed service never does
  echo "database file:  $(du -k "$WORK/$name/data/creditflow.mv.db" | cut -f1) KB"
  local stopping
  stopping=$(date +%s.%N)
  stop_service "$PID"
  PID=
  echo "stopped in:     $(echo "$(date +%s.%N) - $stopping" | bc) s, file then $(du -k "$WORK/$name/data/creditflow.mv.db" | cut -f1) KB"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  measure "write-delay-0-run-$round"
  measure "write-delay-500-run-$round" "--spring.datasource.url=jdbc:h2:file:./data/creditflow;DB_CLOSE_ON_EXIT=FALSE"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
