#!/usr/bin/env bash
# Client scaling on one service (H2 file database, default profile): start-up time to healthy,
# then throughput and latency at each number of concurrent clients, the 503s met, and the live
# heap (after a full GC) right after each measurement. LoadTest stops at any 5xx other than 503
# (busy, retried and counted). Needs Java 17 (jcmd from the JDK).
#
#   scripts/scaling-benchmark.sh [applications] [clients...]        e.g. scripts/scaling-benchmark.sh 600 16 64 256
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/service-control.sh
APPLICATIONS=${1:-600}
shift || true
CLIENTS=${*:-16 64 256}
PORT=${PORT:-8080}

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
PID=
trap '[ -z "$PID" ] || stop_service "$PID"; rm -rf "$WORK"' EXIT

# live_heap_mb PID: the heap in use after a full collection, in MB
live_heap_mb() {
  jcmd "$1" GC.run > /dev/null
  jcmd "$1" GC.heap_info | awk '/garbage-first heap/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?/, "", v); printf "%.0f\n", v / 1024}}'
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
started=$(date +%s.%N)
start_service "$WORK/h2" "$PORT"
PID=$STARTED_PID
echo "== start-up to healthy: $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s (java -jar to /actuator/health UP)"
echo "== live heap after start-up: $(live_heap_mb "$PID") MB"
for c in $CLIENTS; do
  echo "== $c clients"
  java scripts/LoadTest.java --url "http://localhost:$PORT" --applications "$APPLICATIONS" --concurrency "$c"
  echo "live heap after the run: $(live_heap_mb "$PID") MB"
done
stop_service "$PID"
PID=
