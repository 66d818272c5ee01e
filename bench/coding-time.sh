#!/usr/bin/env bash
# Time the billing coder adds to a 1,100-word note (docs/BENCHMARKS.md). Needs: ./mvnw -B -q test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt 2>/dev/null || true)"
java ${BENCH_JAVA_OPTS:-} -cp "$CP" org.chartscribe.coding.CodingBenchmark "${1:-2000}"
