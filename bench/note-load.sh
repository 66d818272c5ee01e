#!/usr/bin/env bash
# Load benchmark for POST /v1/note over HTTP (see docs/BENCHMARKS.md).
# Needs: wrk (apt-get install wrk), a built jar (./mvnw -B package -DskipTests).
# Usage: bench/note-load.sh [duration_seconds]   (default 20 s per phase)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
duration=${1:-20}
bench_server_start "${BENCH_PORT:-18080}"

url="$BENCH_BASE/v1/note"
wrk -t1 -c1 -d5s -s bench/post-note.lua "$url" >/dev/null   # warm-up (JIT)
bench_load
echo -n "clients=1  "; wrk -t1 -c1 -d"${duration}s" -s bench/post-note.lua "$url" | grep '^requests='
echo -n "clients=8  "; wrk -t2 -c8 -d"${duration}s" -s bench/post-note.lua "$url" | grep '^requests='
echo -n "clients=32 "; wrk -t2 -c32 -d"${duration}s" -s bench/post-note.lua "$url" | grep '^requests='
bench_load
echo "rss_mb_after_run=$(bench_server_rss_mb)"
