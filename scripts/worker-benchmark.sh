#!/usr/bin/env bash
# MyData collected by the service's job executor against collection by worker processes, in one
# run on this machine, with a provider that takes LATENCY to answer (the simulator's
# creditflow.mydata.simulator.latency, the same in the service and in the workers). The service runs
# the default profile (H2 file) in a fresh directory for each setting. Prints the figures for
# docs/benchmarks.md. Needs the jar and Java 17.
#
#   scripts/worker-benchmark.sh [applications] [concurrency] [latency]      e.g. 300 16 PT0.2S
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/service-control.sh
APPLICATIONS=${1:-300}
CONCURRENCY=${2:-16}
LATENCY=${3:-PT0.2S}
PORT=${PORT:-8080}
URL="http://localhost:$PORT"

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
PID=
WORKERS=()
stop_workers() {
  for worker in "${WORKERS[@]}"; do stop_service "$worker"; done
  WORKERS=()
}
trap 'stop_workers; [ -z "$PID" ] || stop_service "$PID"; rm -rf "$WORK"' EXIT

workers() { # count, threads each
  for n in $(seq 1 "$1"); do
    CREDITFLOW_WORKER_PASSWORD=worker java -Xmx256m -jar "$(realpath "$JAR")" mydata-worker \
      --creditflow.worker.service-url="$URL" --creditflow.worker.threads="$2" \
      --creditflow.mydata.simulator.latency="$LATENCY" > "$WORK/worker-$n.log" 2>&1 &
    WORKERS+=($!)
  done
  for n in $(seq 1 "$1"); do
    for _ in $(seq 1 60); do grep -q "polling" "$WORK/worker-$n.log" && break; sleep 1; done
  done
}

measure() { # label; twice, the first after the load script's warm-up
  for run in 1 2; do
    echo "== $1, run $run (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
    java scripts/LoadTest.java --url "$URL" --applications "$APPLICATIONS" --concurrency "$CONCURRENCY"
  done
}

setting() { # label, worker count, threads each, service arguments...
  local label=$1 count=$2 threads=$3
  shift 3
  start_service "$WORK/$count-$threads" "$PORT" --creditflow.mydata.simulator.latency="$LATENCY" "$@"
  PID=$STARTED_PID
  [ "$count" = 0 ] || workers "$count" "$threads"
  measure "$label"
  stop_workers
  stop_service "$PID"
  PID=
}

BY_WORKERS=(--creditflow.mydata.financial.collected-by=worker --creditflow.mydata.telecom.collected-by=worker)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "provider latency: $LATENCY"
setting "collected by the engine (job executor)" 0 0
setting "collected by 1 worker, 4 threads" 1 4 "${BY_WORKERS[@]}"
setting "collected by 2 workers, 8 threads each" 2 8 "${BY_WORKERS[@]}"
