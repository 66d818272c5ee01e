#!/usr/bin/env bash
# Load time and retained heap of the built-in ICD-10-CM release (docs/BENCHMARKS.md).
# Needs compiled classes: ./mvnw -B -q test-compile
set -euo pipefail
cd "$(dirname "$0")/.."
java ${BENCH_JAVA_OPTS:-} -cp target/classes:target/test-classes org.chartscribe.coding.Icd10LoadBenchmark "${1:-5}"
