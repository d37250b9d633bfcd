#!/usr/bin/env bash
# One node against two on one PostgreSQL database, in one run on this machine, and what a node's
# crash costs. Node A alone, then A and B, twice each (B stopped and started again between), then
# A and B once more with B killed (SIGKILL) while the applications flow, the load script's clients
# moving to A as a load balancer would. Prints the figures for docs/benchmarks.md. Needs the jar,
# Java 17 and a PostgreSQL server (PGHOST, default 127.0.0.1; PGUSER, default postgres) where it
# may create the database creditflow_cluster.
#
#   scripts/cluster-benchmark.sh [applications] [concurrency] [seconds before the kill]   e.g. 300 16 10
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/service-control.sh
APPLICATIONS=${1:-300}
CONCURRENCY=${2:-16}
KILL_AFTER=${3:-10}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
PORT_A=${PORT_A:-8081}
PORT_B=${PORT_B:-8082}
A="http://localhost:$PORT_A"
B="http://localhost:$PORT_B"

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
PID_A=
PID_B=
trap '[ -z "$PID_B" ] || stop_service "$PID_B"; [ -z "$PID_A" ] || stop_service "$PID_A"; rm -rf "$WORK"' EXIT

psql -h "$PGHOST" -U "$PGUSER" -d postgres -q -c 'drop database if exists creditflow_cluster' \
  -c 'create database creditflow_cluster'
export CREDITFLOW_DB_URL="jdbc:postgresql://$PGHOST:5432/creditflow_cluster" CREDITFLOW_DB_USER=$PGUSER

node() { # name, port: a node of the postgres profile with the demo users and the MyData simulator
  start_service "$WORK/$1" "$2" --spring.profiles.active=postgres,demo \
    "--camunda.bpm.generic-properties.properties.hostname=node-$1"
}

load() { # label, urls, further options for the load script...
  local label=$1 urls=$2
  shift 2
  echo "== $label (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
  java scripts/LoadTest.java --url "$urls" --applications "$APPLICATIONS" --concurrency "$CONCURRENCY" "$@"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
# one after the other: the first node on a new database creates the schema and the users
node a "$PORT_A"
PID_A=$STARTED_PID
for run in 1 2; do
  load "one node, run $run" "$A"
  node b "$PORT_B"
  PID_B=$STARTED_PID
  load "two nodes, run $run" "$A,$B"
  [ "$run" = 2 ] || { stop_service "$PID_B"; PID_B=; }
done

# both nodes are warm: no warm-up, so that the kill falls among the measured applications
load "two nodes, node B killed after ${KILL_AFTER} s" "$A,$B" --warmup 0 > "$WORK/crash.log" &
LOAD=$!
sleep "$KILL_AFTER"
kill_service "$PID_B"
KILLED=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
PID_B=
wait "$LOAD"
cat "$WORK/crash.log"
LAST=$(sed -n 's/^last decision: *//p' "$WORK/crash.log")
echo "node B killed:  $KILLED"
echo "kill to last decision: $(echo "$(date -d "$LAST" +%s.%N) - $(date -d "$KILLED" +%s.%N)" | bc) s"
