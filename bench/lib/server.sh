# Shared by the bench scripts (source it from the repository root): starts target/chartscribe.jar on a
# fresh H2 data dir with a random bootstrap key, waits for /actuator/health, and stops it on exit.
# Inputs:  BENCH_PORT (port), BENCH_JAVA_OPTS (e.g. "-Xmx384m"), BENCH_JAR (default target/chartscribe.jar,
#          e.g. a copy of an earlier build to compare against); the rest of the environment
#          (e.g. CHARTSCRIBE_FHIR_IG_PACKAGES) is passed to the server as is.
# Outputs: BENCH_KEY (exported, read by the wrk scripts), BENCH_PID, BENCH_DATA, BENCH_BASE,
#          BENCH_TRANSCRIPT (exported), and the functions below.

export BENCH_TRANSCRIPT=${BENCH_TRANSCRIPT:-src/test/resources/fixtures/primary-care-1100-words.txt}

bench_server_start() {
  local port=$1 start
  local jar=${BENCH_JAR:-target/chartscribe.jar}
  [ -f "$jar" ] || { echo "$jar missing: ./mvnw -B package -DskipTests" >&2; return 1; }
  BENCH_DATA=$(mktemp -d)
  BENCH_KEY="cs_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export BENCH_KEY
  BENCH_BASE="http://localhost:$port"
  start=$(date +%s%N)
  # A load test measures capacity, not the per-client limits (README, "Traffic limits"): they are off
  # unless the environment sets them.
  CHARTSCRIBE_TRAFFIC_KEY_REQUESTS_PER_MINUTE=${CHARTSCRIBE_TRAFFIC_KEY_REQUESTS_PER_MINUTE:-0} \
  CHARTSCRIBE_TRAFFIC_ADDRESS_REQUESTS_PER_MINUTE=${CHARTSCRIBE_TRAFFIC_ADDRESS_REQUESTS_PER_MINUTE:-0} \
  CHARTSCRIBE_TRAFFIC_MAX_IN_FLIGHT_PER_ADDRESS=${CHARTSCRIBE_TRAFFIC_MAX_IN_FLIGHT_PER_ADDRESS:-0} \
  CHARTSCRIBE_DATA_DIR=$BENCH_DATA CHARTSCRIBE_BOOTSTRAP_API_KEYS="bench:$BENCH_KEY" \
    java ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --logging.level.org.chartscribe.access=WARN \
    >"$BENCH_DATA/server.log" 2>&1 &
  BENCH_PID=$!
  trap bench_server_stop EXIT
  until curl -sf "$BENCH_BASE/actuator/health" >/dev/null; do
    kill -0 "$BENCH_PID" 2>/dev/null || { echo "server died"; cat "$BENCH_DATA/server.log"; return 1; }
    sleep 0.05
  done
  echo "startup_to_healthy_s=$(awk "BEGIN{print ($(date +%s%N)-$start)/1e9}")"
  grep -o 'Started ChartScribeApplication in [0-9.]* seconds' "$BENCH_DATA/server.log" || true
  echo "java_opts=${BENCH_JAVA_OPTS:-(none)} ig_packages=${CHARTSCRIBE_FHIR_IG_PACKAGES:-(none)} words=$(wc -w < "$BENCH_TRANSCRIPT")"
}

bench_server_stop() {
  if [ -n "${BENCH_PID:-}" ]; then
    kill "$BENCH_PID" 2>/dev/null || true
    wait "$BENCH_PID" 2>/dev/null || true
  fi
  [ -n "${BENCH_DATA:-}" ] && rm -rf "$BENCH_DATA"
}

# Waits until the FHIR validator has been built and warmed up (a background thread after start-up),
# so that it does not compete with the measurement; prints its timings.
bench_server_wait_fhir_validator() {
  until grep -q 'FHIR validator warmed up' "$BENCH_DATA/server.log"; do
    kill -0 "$BENCH_PID" 2>/dev/null || { echo "server died"; return 1; }
    sleep 0.5
  done
  grep -o 'FHIR validator .*' "$BENCH_DATA/server.log"
}

# Resident memory of the server now, in MB.
bench_server_rss_mb() {
  awk '/VmRSS/{print int($2/1024)}' "/proc/$BENCH_PID/status"
}

# The machine's load average, to print next to every figure.
bench_load() {
  echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
}
