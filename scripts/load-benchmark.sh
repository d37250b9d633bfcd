#!/usr/bin/env bash
# creditflow against the bare engine: on one started service (profile bare-engine) the load script
# drives, alternately, the bare engine (loan-application with every delegate a no-op) and creditflow
# itself, at each number of clients, twice, first on the H2 file database and then on a fresh
# PostgreSQL database; then it prints one table with throughput, p50, p99, the 5xx answers, the
# service's CPU per application and the ratio creditflow / bare engine for each setting.
# Needs Java 17 (jcmd with JFR_DIR) and a PostgreSQL server (PGHOST, default 127.0.0.1; PGUSER,
# default postgres) where it may create the database PGDATABASE (default creditflow_load).
#
#   scripts/load-benchmark.sh [applications] [clients...]      e.g. scripts/load-benchmark.sh 300 16 64
#
# JFR_DIR=folder records each measurement into folder/<database>-<mode>-<clients>-<round>.jfr
# (jcmd JFR.start/JFR.stop around it); scripts/jfr-hot-methods.sh summarises one.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/service-control.sh
APPLICATIONS=${1:-300}
shift || true
CLIENTS=${*:-16 64}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
PGDATABASE=${PGDATABASE:-creditflow_load}
PORT=${PORT:-8080}
JFR_DIR=${JFR_DIR:-}

[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
RESULTS=$WORK/results
PID=
trap '[ -z "$PID" ] || stop_service "$PID"; rm -rf "$WORK"' EXIT
[ -z "$JFR_DIR" ] || mkdir -p "$JFR_DIR"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# measure DATABASE MODE CLIENTS ROUND: one LoadTest run; its summary line, with the service's CPU
# per application (warm-up included), goes to RESULTS
measure() {
  local database=$1 mode=$2 clients=$3 round=$4 before after summary
  echo "== $database, $mode, $clients clients, round $round"
  [ -z "$JFR_DIR" ] || jcmd "$PID" JFR.start name=load settings=profile > /dev/null
  before=$(cpu_ticks "$PID")
  java scripts/LoadTest.java --url "http://localhost:$PORT" --mode "$mode" --applications "$APPLICATIONS" \
    --concurrency "$clients" | tee "$WORK/out"
  after=$(cpu_ticks "$PID")
  [ -z "$JFR_DIR" ] || jcmd "$PID" JFR.stop name=load filename="$(realpath "$JFR_DIR")/$database-$mode-$clients-$round.jfr" > /dev/null
  summary=$(grep '^summary:' "$WORK/out")
  echo "$summary database=$database round=$round cpu_ms=$(awk -v d=$((after - before)) -v t="$(getconf CLK_TCK)" \
    -v n=$((APPLICATIONS + 100)) 'BEGIN {printf "%.0f", 1000 * d / t / n}')" >> "$RESULTS"
}

# run DATABASE: a warm-up of each mode (not counted), then each number of clients twice, the two
# modes alternating and swapping which goes first, so neither always meets the warmer service
run() {
  local database=$1
  java scripts/LoadTest.java --url "http://localhost:$PORT" --mode bare --applications 200 --concurrency 16 > /dev/null
  java scripts/LoadTest.java --url "http://localhost:$PORT" --mode creditflow --applications 200 --concurrency 16 > /dev/null
  for clients in $CLIENTS; do
    measure "$database" bare "$clients" 1
    measure "$database" creditflow "$clients" 1
    measure "$database" creditflow "$clients" 2
    measure "$database" bare "$clients" 2
  done
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
start_service "$WORK/h2" "$PORT" --spring.profiles.active=demo,bare-engine
PID=$STARTED_PID
echo "== idle, before any load: $(idle_cpu "$PID" 15) % of one core"
run H2
stop_service "$PID"

psql -h "$PGHOST" -U "$PGUSER" -d postgres -q -c "drop database if exists $PGDATABASE" -c "create database $PGDATABASE"
CREDITFLOW_DB_URL="jdbc:postgresql://$PGHOST:5432/$PGDATABASE" CREDITFLOW_DB_USER=$PGUSER \
  start_service "$WORK/postgres" "$PORT" --spring.profiles.active=postgres,demo,bare-engine
PID=$STARTED_PID
echo "PostgreSQL $(psql -h "$PGHOST" -U "$PGUSER" -d postgres -tA -c 'show server_version')"
run PostgreSQL
stop_service "$PID"
PID=

# one row per database and number of clients: each mode's mean over its two rounds
echo
echo "| database | clients | bare engine (apps/s) | creditflow (apps/s) | creditflow / bare | bare p50 / p99 (ms) | creditflow p50 / p99 (ms) | 5xx (bare, creditflow) | service CPU per application (ms, bare, creditflow) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
sed 's/^summary: //' "$RESULTS" | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    key = f["database"] SUBSEP f["clients"]; m = f["mode"]
    if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    t[key, m] += f["throughput"]; p50[key, m] += f["p50"]; p99[key, m] += f["p99"]
    e[key, m] += f["5xx"]; cpu[key, m] += f["cpu_ms"]; runs[key, m]++ }
  END { for (i = 1; i <= n; i++) { k = order[i]; split(k, dc, SUBSEP)
    b = t[k, "bare"] / runs[k, "bare"]; c = t[k, "creditflow"] / runs[k, "creditflow"]
    printf "| %s | %s | %.1f | %.1f | **%.2f** | %.0f / %.0f | %.0f / %.0f | %d, %d | %.0f, %.0f |\n", dc[1], dc[2], b, c, c / b,
      p50[k, "bare"] / runs[k, "bare"], p99[k, "bare"] / runs[k, "bare"],
      p50[k, "creditflow"] / runs[k, "creditflow"], p99[k, "creditflow"] / runs[k, "creditflow"],
      e[k, "bare"], e[k, "creditflow"], cpu[k, "bare"] / runs[k, "bare"], cpu[k, "creditflow"] / runs[k, "creditflow"] } }'
echo
echo "each measurement:"
cat "$RESULTS"
