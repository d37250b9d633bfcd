#!/usr/bin/env bash
# Start-up to healthy, the packaged jar (java -jar, nested jars) against the same jar extracted
# (java -Djarmode=tools -jar ... extract: the application jar with its libraries in lib/, which
# Spring Boot documents as the faster way to run in production), taking turns ROUNDS times each:
# on a fresh H2 database (Flyway and Camunda create their tables, the demo users are hashed) and
# on the database the fresh start left (a restart). Prints every start, then the medians and
# their ratio. Wall time from `java` to /actuator/health answering UP; CPU is the process's
# user + system time until then.
#   ./mvnw -B package -DskipTests && scripts/startup-benchmark.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/service-control.sh
ROUNDS=${1:-5}
PORT=${PORT:-18480}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" > /dev/null
EXTRACTED=$(ls "$WORK"/extracted/*.jar)

# start LAYOUT DIRECTORY: prints "wall cpu" in seconds for one start in DIRECTORY
start() {
  local layout=$1 directory=$2 began cpu wall
  began=$(date +%s.%N)
  if [ "$layout" = extracted ]; then
    SERVICE_JAR=$EXTRACTED start_service "$directory" "$PORT"
  else
    SERVICE_JAR=$JAR start_service "$directory" "$PORT"
  fi
  wall=$(awk -v a="$began" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')
  cpu=$(awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' "/proc/$STARTED_PID/stat")
  stop_service "$STARTED_PID"
  echo "$wall $cpu"
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average at the start: $(cut -d' ' -f1 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  for layout in jar extracted; do
    directory="$WORK/$layout-$round"
    read -r wall cpu <<< "$(start "$layout" "$directory")"
    echo "$layout fresh $wall $cpu" | tee -a "$WORK/starts"
    read -r wall cpu <<< "$(start "$layout" "$directory")"
    echo "$layout restart $wall $cpu" | tee -a "$WORK/starts"
  done
done
echo "load average at the end: $(cut -d' ' -f1 /proc/loadavg)"
echo
echo "| layout | database | median wall (s) | median CPU (s) | wall vs java -jar |"
echo "| --- | --- | ---: | ---: | ---: |"
for database in fresh restart; do
  base=$(awk -v d="$database" '$1 == "jar" && $2 == d {print $3}' "$WORK/starts" | median)
  for layout in jar extracted; do
    wall=$(awk -v l="$layout" -v d="$database" '$1 == l && $2 == d {print $3}' "$WORK/starts" | median)
    cpu=$(awk -v l="$layout" -v d="$database" '$1 == l && $2 == d {print $4}' "$WORK/starts" | median)
    echo "| $layout | $database | $wall | $cpu | $(awk -v w="$wall" -v b="$base" 'BEGIN {printf "%.2f", w / b}') |"
  done
done
