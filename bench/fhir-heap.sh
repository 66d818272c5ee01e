#!/usr/bin/env bash
# Memory of the FHIR validator: starts the jar, waits for the validator's background warm-up, sends
# $generate-soap for 10 s, then prints RSS and the live heap after a full GC (jcmd GC.run + GC.heap_info).
# Run it with and without CHARTSCRIBE_FHIR_IG_PACKAGES to see what an IG package costs.
# Usage: BENCH_JAVA_OPTS="-Xmx384m" [CHARTSCRIBE_FHIR_IG_PACKAGES=/abs/path.tgz] bench/fhir-heap.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
# Build the validator at start-up (it is lazy by default) so that its build is not measured as a call.
export CHARTSCRIBE_FHIR_PRELOAD_VALIDATOR=true
bench_server_start "${BENCH_PORT:-18082}"
bench_server_wait_fhir_validator
bench_load
wrk -t1 -c1 -d10s -s bench/post-generate-soap.lua "$BENCH_BASE/fhir/\$generate-soap" | grep '^requests='
echo "rss_mb_after_run=$(bench_server_rss_mb)"
jcmd "$BENCH_PID" GC.run >/dev/null
sleep 1
echo "live_heap_after_full_gc: $(jcmd "$BENCH_PID" GC.heap_info | grep -o 'total [0-9]*K, used [0-9]*K')"
