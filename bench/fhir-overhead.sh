#!/usr/bin/env bash
# FHIR layer overhead: POST /fhir/$generate-soap vs POST /v1/note for the same transcript, one client,
# alternating rounds so both see the same machine load (see docs/BENCHMARKS.md, "FHIR").
# Needs: wrk, a built jar (./mvnw -B package -DskipTests).
# Usage: bench/fhir-overhead.sh [seconds_per_round] [rounds]   (defaults 10 s, 3 rounds)
# Optional: CHARTSCRIBE_FHIR_IG_PACKAGES=../shared/data/us-core/hl7.fhir.us.core-6.1.0.tgz to validate
# against US Core as well at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
rounds=${2:-3}
port=${BENCH_PORT:-18081}
data=$(mktemp -d)
key="cs_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export BENCH_KEY=$key
export BENCH_TRANSCRIPT=src/test/resources/fixtures/primary-care-1100-words.txt

CHARTSCRIBE_DATA_DIR=$data CHARTSCRIBE_BOOTSTRAP_API_KEYS="bench:$key" \
  java ${BENCH_JAVA_OPTS:-} -jar target/chartscribe.jar --server.port="$port" --logging.level.org.chartscribe.access=WARN \
  >"$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://localhost:$port/actuator/health" >/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "server died"; cat "$data/server.log"; exit 1; }
  sleep 0.1
done
grep -o 'Started ChartScribeApplication in [0-9.]* seconds' "$data/server.log" || true

v1="http://localhost:$port/v1/note"
fhir="http://localhost:$port/fhir/\$generate-soap"
echo "words=$(wc -w < "$BENCH_TRANSCRIPT")"
# Warm-up (JIT, validator snapshots) on both paths.
wrk -t1 -c1 -d5s -s bench/post-note.lua "$v1" >/dev/null
wrk -t1 -c1 -d5s -s bench/post-generate-soap.lua "$fhir" >/dev/null
for round in $(seq 1 "$rounds"); do
  echo -n "round=$round v1   "; wrk -t1 -c1 -d"${duration}s" -s bench/post-note.lua "$v1" | grep '^requests='
  echo -n "round=$round fhir "; wrk -t1 -c1 -d"${duration}s" -s bench/post-generate-soap.lua "$fhir" | grep '^requests='
done
echo "rss_mb_after_run=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)"
