#!/usr/bin/env bash
# Memory under load (docs/BENCHMARKS.md, "Memory under load"): starts the jar, then runs 1, 16 and 64
# concurrent clients for BENCH_SECONDS each (default 15) and prints, per phase, throughput, latency and
# the peak RSS sampled every 0.2 s; at the end the process's peak RSS (VmHWM), its thread count, the
# live heap after a full GC and, when the JVM runs with -XX:NativeMemoryTracking=summary, the
# committed native memory per category (jcmd VM.native_memory).
# Traffic (bench/post-mixed.lua): each client alternates POST /v1/note and POST /fhir/$generate-soap,
# so the FHIR validator is built (at start-up, and warmed up before the first phase) and used;
# BENCH_MIX=v1 sends only /v1/note and leaves the validator unbuilt (it is lazy).
# Needs: wrk (apt-get install wrk), jcmd (the JDK), a built jar (./mvnw -B package -DskipTests).
# Usage: BENCH_JAVA_OPTS="..." [CHARTSCRIBE_FHIR_IG_PACKAGES=/abs/us-core.tgz] [BENCH_MIX=v1] bench/memory-load.sh
# Environment variables the server reads (e.g. MALLOC_ARENA_MAX) are passed through to it as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
seconds=${BENCH_SECONDS:-15}
mix=${BENCH_MIX:-mixed}
[ "$mix" = v1 ] || export CHARTSCRIBE_FHIR_PRELOAD_VALIDATOR=true
export BENCH_MIX=$mix
bench_server_start "${BENCH_PORT:-18085}"
echo "mix=$mix malloc_arena_max=${MALLOC_ARENA_MAX:-(unset)}"
[ "$mix" = v1 ] || bench_server_wait_fhir_validator

# Largest VmRSS seen while the given process (the load generator) runs, in MB.
peak_rss_while() {
  local watched=$1 peak=0 now
  while kill -0 "$watched" 2>/dev/null; do
    now=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$BENCH_PID/status")
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.2
  done
  echo "$peak"
}

out=$(mktemp)
for clients in 1 16 64; do
  threads=$([ "$clients" -eq 1 ] && echo 1 || echo 2)
  wrk -t"$threads" -c"$clients" -d"${seconds}s" --timeout 30s -s bench/post-mixed.lua "$BENCH_BASE" >"$out" &
  peak=$(peak_rss_while $!)
  wait $! || true
  echo "clients=$clients $(grep '^requests=' "$out") peak_rss_mb=$peak $(bench_load)"
done
rm -f "$out"

echo "vm_hwm_mb=$(awk '/VmHWM/{print int($2/1024)}' "/proc/$BENCH_PID/status") rss_mb_now=$(bench_server_rss_mb) threads=$(awk '/Threads/{print $2}' "/proc/$BENCH_PID/status")"
jcmd "$BENCH_PID" GC.run >/dev/null
sleep 1
echo "heap_after_full_gc: $(jcmd "$BENCH_PID" GC.heap_info | grep -o 'total [0-9]*K, used [0-9]*K')"
if jcmd "$BENCH_PID" VM.native_memory summary scale=MB >"$BENCH_DATA/nmt.txt" 2>&1 && grep -q 'Total:' "$BENCH_DATA/nmt.txt"; then
  # One line: each category's committed MB, e.g. "Java Heap=384 Class=120 Thread=70 ...".
  echo "nmt_committed_mb: $(grep -E '^(Total|-)' "$BENCH_DATA/nmt.txt" \
    | sed -E 's/^-? *([A-Za-z ]+[A-Za-z]) *\(.*committed=([0-9]+)MB.*/\1=\2/; s/^Total: .*committed=([0-9]+)MB.*/Total=\1/' \
    | grep -v '=0$' | tr ' ' '_' | tr '\n' ' ')"
fi
[ -n "${BENCH_HISTO:-}" ] && jcmd "$BENCH_PID" GC.class_histogram | head -"$((BENCH_HISTO + 3))"
bench_load
