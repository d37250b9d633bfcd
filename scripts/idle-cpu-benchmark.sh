#!/usr/bin/env bash
# How much CPU the service uses while nobody calls it, with the shipped settings and with the
# job executor off (the floor: Tomcat, the scheduled refreshes, the JVM), on the H2 file database.
# Prints the share of one core for each, measured one after the other in the same run.
#
#   scripts/idle-cpu-benchmark.sh [seconds]        (default 30 s per sample)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/service-control.sh
SECONDS_PER_SAMPLE=${1:-30}
PORT=${PORT:-8080}

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
PID=
trap '[ -z "$PID" ] || stop_service "$PID"; rm -rf "$WORK"' EXIT

measure() { # name, arguments...
  local name=$1
  shift
  start_service "$WORK/$name" "$PORT" "$@"
  PID=$STARTED_PID
  echo "$name: $(idle_cpu "$PID" "$SECONDS_PER_SAMPLE") % of one core while idle"
  stop_service "$PID"
  PID=
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure shipped
measure job-executor-off --camunda.bpm.job-execution.enabled=false
