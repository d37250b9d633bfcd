#!/usr/bin/env bash
# How fast a backtest runs and how little memory it holds: a synthetic history of N applicants
# (default 1,000,000) through the default ruleset, in one run on this machine, measured as
#   check     every row read and checked before a run decides anything (the floor: the command
#             prints how long its check took, in each run)
#   1 thread  the default ruleset on one core
#   all cores the default ruleset on every core (the command's default)
#   baseline  the default ruleset against itself as baseline (two rulesets per row)
#   256 MB    all cores with the heap capped at 256 MB: streaming, not all rows in memory
# Prints wall time, rows per second and peak resident memory of each, for docs/benchmarks.md.
#
#   scripts/backtest-benchmark.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
JAR=${JAR:-target/creditflow-0.1.0-SNAPSHOT.jar}
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "cores: $(nproc), java: $(java -version 2>&1 | head -1)"
/usr/bin/time -f "history: %e s, peak RSS %M KB" \
  java -jar "$JAR" history --size "$ROWS" --seed 1 --out "$WORK/history.csv" > /dev/null
ls -l "$WORK/history.csv" | awk '{printf "history file: %.0f MB\n", $5 / 1e6}'

measure() { # name, java options, backtest arguments...
  local name=$1 options=$2
  shift 2
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %M" -o "$WORK/time" java $options -jar "$JAR" backtest --input "$WORK/history.csv" \
    --out "$WORK/$name" "$@" > "$WORK/$name.log" 2>&1
  read -r seconds rss < "$WORK/time"
  awk -v n="$name" -v s="$seconds" -v r="$ROWS" -v m="$rss" \
    'BEGIN { printf "%-10s %7.1f s  %9.0f rows/s  peak RSS %5.0f MB\n", n, s, r / s, m / 1024 }'
}

measure "1-thread" "" --rules active --threads 1
measure "all-cores" "" --rules active
measure "baseline" "" --rules active --baseline active
measure "256MB" "-Xmx256m" --rules active
grep -h "^Checked" "$WORK/all-cores.log" | sed 's/^/check: /'
grep -h "rows:" "$WORK/all-cores.log"
