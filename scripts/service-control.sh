# Shell functions the benchmark scripts share: start the packaged service in a directory of its own
# and wait until it answers, stop it, kill it. Source it from the repository's root:
#   . scripts/service-control.sh
JAR=${JAR:-target/creditflow-0.1.0-SNAPSHOT.jar}

# start_service DIRECTORY PORT [ARGUMENTS...]: runs the jar with DIRECTORY as its working directory
# (the default profile keeps its H2 database there), logs to DIRECTORY/service.log, waits for
# /actuator/health and sets STARTED_PID. JAVA_OPTS, when set, go to the JVM; SERVICE_JAR, when
# set, is run instead of $JAR (the extracted layout, say).
start_service() {
  local directory=$1 port=$2 jar
  shift 2
  jar=$(realpath "${SERVICE_JAR:-$JAR}")
  mkdir -p "$directory"
  (cd "$directory" && exec java ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" "$@" > service.log 2>&1) &
  STARTED_PID=$!
  # asked every 0.1 s, so a start-up measured around this call is not rounded up to the second
  for _ in $(seq 1 1800); do
    curl -sf "http://localhost:$port/actuator/health" > /dev/null && return 0
    kill -0 "$STARTED_PID" 2> /dev/null || break
    sleep 0.1
  done
  echo "service in $directory did not start; see $directory/service.log" >&2
  return 1
}

# stop_service PID: a graceful stop (SIGTERM), as an operator's.
stop_service() {
  kill "$1" 2> /dev/null || true
  wait "$1" 2> /dev/null || true
}

# kill_service PID: a crash (SIGKILL).
kill_service() {
  kill -9 "$1" 2> /dev/null || true
  wait "$1" 2> /dev/null || true
}

# idle_cpu PID SECONDS: the share of one core the process used over SECONDS while nobody called
# it (user + system time from /proc, in percent), after a settling pause as long as the sample.
idle_cpu() {
  local pid=$1 seconds=$2 ticks before after
  ticks=$(getconf CLK_TCK)
  sleep "$seconds"
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep "$seconds"
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  awk -v d=$((after - before)) -v t="$ticks" -v s="$seconds" 'BEGIN {printf "%.1f\n", 100 * d / t / s}'
}
