#!/usr/bin/env bash
# Load benchmark for POST /v1/note over HTTP (see docs/BENCHMARKS.md).
# Needs: wrk (apt-get install wrk), a built jar (./mvnw -B package -DskipTests).
# Usage: bench/note-load.sh [duration_seconds]   (default 20 s per phase)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
port=${BENCH_PORT:-18080}
data=$(mktemp -d)
key="cs_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export BENCH_KEY=$key
export BENCH_TRANSCRIPT=src/test/resources/fixtures/primary-care-1100-words.txt

start=$(date +%s%N)
CHARTSCRIBE_DATA_DIR=$data CHARTSCRIBE_BOOTSTRAP_API_KEYS="bench:$key" \
  java ${BENCH_JAVA_OPTS:-} -jar target/chartscribe.jar --server.port="$port" --logging.level.org.chartscribe.access=WARN \
  >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://localhost:$port/actuator/health" >/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "server died"; cat "$data/server.log"; exit 1; }
  sleep 0.05
done
echo "startup_to_healthy_s=$(awk "BEGIN{print ($(date +%s%N)-$start)/1e9}")"
grep -o 'Started ChartScribeApplication in [0-9.]* seconds' "$data/server.log" || true

url="http://localhost:$port/v1/note"
echo "words=$(wc -w < "$BENCH_TRANSCRIPT")"
wrk -t1 -c1 -d5s -s bench/post-note.lua "$url" >/dev/null   # warm-up (JIT)
echo -n "clients=1  "; wrk -t1 -c1 -d"${duration}s" -s bench/post-note.lua "$url" | grep '^requests='
echo -n "clients=8  "; wrk -t2 -c8 -d"${duration}s" -s bench/post-note.lua "$url" | grep '^requests='
echo -n "clients=32 "; wrk -t2 -c32 -d"${duration}s" -s bench/post-note.lua "$url" | grep '^requests='
echo "rss_mb_after_run=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)"
