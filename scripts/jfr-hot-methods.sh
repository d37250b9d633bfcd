#!/usr/bin/env bash
# Where a flight recording's CPU samples went (jdk.ExecutionSample: Java threads running Java code,
# about every 10-20 ms with settings=profile): the share of samples by thread pool, the share whose
# stack passes through each of the project's and the engine's main parts (a sample can count for
# several), and the methods most often on top. Record with deep stacks, or Spring's outer frames are
# cut: JAVA_OPTS=-XX:FlightRecorderOptions:stackdepth=256 (scripts/load-benchmark.sh with JFR_DIR).
#
#   scripts/jfr-hot-methods.sh recording.jfr [top]
set -euo pipefail
RECORDING=$1
TOP=${2:-15}
jfr print --events jdk.ExecutionSample --stack-depth 256 "$RECORDING" | awk -v top="$TOP" '
  function flush() {
    if (!inside) return
    total++; pool[thread]++
    for (c in hit) part[c]++
    if (first != "") self[first]++
    delete hit; first = ""; inside = 0
  }
  function category(frame) {
    if (frame ~ /Pbkdf2PasswordEncryptor|PBKDF2/) hit["sign-in: PBKDF2"] = 1
    if (frame ~ /CamundaIdentityAuthenticationProvider\.authenticate/) hit["sign-in: every check (Basic)"] = 1
    if (frame ~ /ApplicationController\.get\(/) hit["API: GET application (poll)"] = 1
    if (frame ~ /ApplicationController\.submit/) hit["API: POST application (intake)"] = 1
    if (frame ~ /BareEngineController\.get\(/) hit["API: GET bare instance (poll)"] = 1
    if (frame ~ /BareEngineController\.start/) hit["API: POST bare instance"] = 1
    if (frame ~ /AssessCreditDelegate\.execute/) hit["step: assess credit"] = 1
    if (frame ~ /org\.drools|org\.kie/) hit["Drools"] = 1
    if (frame ~ /Collect(Financial|Telecom)DataDelegate\.execute/) hit["step: collect MyData"] = 1
    if (frame ~ /MyDataSimulator|SimulatorHandler|MyDataSimulatorServer/) hit["MyData simulator (provider side)"] = 1
    if (frame ~ /org\.creditflow\.audit/) hit["audit chain"] = 1
    if (frame ~ /(Approve|Decline)ApplicationDelegate\.execute/) hit["step: final decision"] = 1
    if (frame ~ /ApplicationStatusListener|FinalStatusGuard/) hit["listeners: status, final guard"] = 1
    if (frame ~ /AcquireJobsRunnable/) hit["engine: job acquisition"] = 1
    if (frame ~ /ExecuteJobsRunnable/) hit["engine: job execution (whole step)"] = 1
    if (frame ~ /DbSqlSession\.flush|DbEntityManager\.flush/) hit["engine: flush (SQL writes)"] = 1
    if (frame ~ /^org\.h2\.|^org\.postgresql\./) hit["JDBC driver / H2 engine"] = 1
    if (frame ~ /com\.fasterxml\.jackson/) hit["Jackson"] = 1
    if (frame ~ /FilterChainProxy\.doFilter/) hit["Spring Security filter chain"] = 1
  }
  /^jdk\.ExecutionSample/ { flush(); inside = 1; next }
  /sampledThread = / { t = $0; sub(/.*sampledThread = "/, "", t); sub(/".*/, "", t)
    gsub(/[-#]?[0-9]+$/, "", t); gsub(/-[0-9]+-/, "-", t); thread = t; next }
  /stackTrace = \[/ { stack = 1; next }
  stack && /^[[:space:]]*\]/ { stack = 0; next }
  stack { f = $0; sub(/^[[:space:]]+/, "", f); sub(/[[:space:]]+line:.*/, "", f)
    if (first == "") first = f; category(f); next }
  END { flush()
    printf "samples: %d\n\nby thread pool:\n", total
    for (p in pool) printf "  %5.1f %%  %s\n", 100 * pool[p] / total, p | "sort -rn"
    close("sort -rn")
    printf "\nsamples passing through:\n"
    for (c in part) printf "  %5.1f %%  %s\n", 100 * part[c] / total, c | "sort -rn"
    close("sort -rn")
    printf "\nmost often on top (self):\n"
    for (s in self) printf "  %5.1f %%  %s\n", 100 * self[s] / total, s | "sort -rn | head -" top
  }'
