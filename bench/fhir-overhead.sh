#!/usr/bin/env bash
# FHIR layer overhead: POST /fhir/$generate-soap vs POST /v1/note for the same transcript, one client,
# alternating rounds so both see the same machine load (see docs/BENCHMARKS.md, "FHIR").
# Needs: wrk, a built jar (./mvnw -B package -DskipTests).
# Usage: bench/fhir-overhead.sh [seconds_per_round] [rounds]   (defaults 10 s, 3 rounds)
# Optional: CHARTSCRIBE_FHIR_IG_PACKAGES=/abs/path/hl7.fhir.us.core-6.1.0.tgz to validate against US Core
# as well at run time; BENCH_JAVA_OPTS="-Xmx384m" as ./mvnw spring-boot:run uses.
# Prints per round the p50 of each path (the median of all calls of that round), the overhead
# (FHIR p50 - /v1 p50) and the ratio, then the medians of those over the rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
duration=${1:-10}
rounds=${2:-3}
# Build the validator at start-up (it is lazy by default) so that its build is not measured as a call.
export CHARTSCRIBE_FHIR_PRELOAD_VALIDATOR=true
bench_server_start "${BENCH_PORT:-18081}"
bench_server_wait_fhir_validator

v1="$BENCH_BASE/v1/note"
fhir="$BENCH_BASE/fhir/\$generate-soap"
# Warm-up (JIT, validator snapshots) on both paths.
wrk -t1 -c1 -d5s -s bench/post-note.lua "$v1" >/dev/null
wrk -t1 -c1 -d5s -s bench/post-generate-soap.lua "$fhir" >/dev/null
results=$(mktemp)
p50() { grep -o 'p50_ms=[0-9.]*' <<<"$1" | cut -d= -f2; }
for round in $(seq 1 "$rounds"); do
  a=$(wrk -t1 -c1 -d"${duration}s" -s bench/post-note.lua "$v1" | grep '^requests=')
  b=$(wrk -t1 -c1 -d"${duration}s" -s bench/post-generate-soap.lua "$fhir" | grep '^requests=')
  echo "round=$round $(bench_load) v1   $a"
  echo "round=$round $(bench_load) fhir $b"
  echo "$(p50 "$a") $(p50 "$b")" >>"$results"
done
awk '{printf "round=%d overhead_p50_ms=%.2f ratio=%.2f\n", NR, $2-$1, $2/$1}' "$results"
median() { sort -n | awk '{v[NR]=$1} END {m=int((NR+1)/2); printf "%.2f", (NR%2 ? v[m] : (v[m]+v[m+1])/2)}'; }
echo "median_over_rounds overhead_p50_ms=$(awk '{print $2-$1}' "$results" | median) ratio=$(awk '{print $2/$1}' "$results" | median)"
rm -f "$results"
echo "rss_mb_after_run=$(bench_server_rss_mb)"
