#!/usr/bin/env bash
# LLM engine overhead, first token to first SSE section, and 200 concurrent open streams against a
# zero-latency fake OpenAI-compatible model served by bench/llm-stream.py (docs/BENCHMARKS.md,
# "LLM engine and streamed notes"). Needs python3 and a built jar (./mvnw -B package -DskipTests).
# Usage: bench/llm-stream.sh [overhead] [first] [streams]   (default: all three)
# Optional: BENCH_N (overhead requests, 500), BENCH_WARMUP (overhead warm-up requests per engine, 2000), BENCH_FIRST_N (50), BENCH_STREAMS (200),
#           BENCH_JAVA_OPTS="-Xmx384m" as ./mvnw spring-boot:run uses.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/server.sh
export BENCH_PORT=${BENCH_PORT:-18091}
export FAKE_PORT=${FAKE_PORT:-18092}
export CHARTSCRIBE_LLM_PROVIDER=openai-compatible CHARTSCRIBE_LLM_ENDPOINT="http://127.0.0.1:$FAKE_PORT/v1"
export CHARTSCRIBE_LLM_MODEL=bench CHARTSCRIBE_LLM_TIMEOUT=60s
# every stream holds a worker while the fake model writes: room for all of them at once
export CHARTSCRIBE_STREAM_WORKERS=${CHARTSCRIBE_STREAM_WORKERS:-${BENCH_STREAMS:-200}}
export CHARTSCRIBE_TRAFFIC_MAX_IN_FLIGHT=${CHARTSCRIBE_TRAFFIC_MAX_IN_FLIGHT:-0}
bench_server_start "$BENCH_PORT"
export BENCH_PID
python3 bench/llm-stream.py "$@"
