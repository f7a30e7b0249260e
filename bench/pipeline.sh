#!/usr/bin/env bash
# The record pipeline alone (bench/PipelineBench.java): the built-in serve data rules and record checks of
# 0.1.0 -> 2.1.0 over generated 0.1.0 records, several passes in one JVM, read from the page cache and
# written nowhere. Prints thread CPU seconds, MB/s and bytes allocated a record for each pass, and the
# median MB/s after the warm-up passes: the steady state without JVM start, JIT warm-up, backup or disk.
#
# Usage: bench/pipeline.sh [MB] [PASSES] [WARMUP]     (defaults: 100 MB, 7 passes, 2 of them warm-up)
#
# Environment:
#   BENCH_DIR=folder    keep the generated records there and reuse them (default: a temp folder)
#   BENCH_BASELINE=jar  run the same passes on another build's migrate.jar afterwards
#   JAVA_OPTS           JVM options (default: -XX:+UseSerialGC, as ./migrate runs)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-100}
passes=${2:-7}
warmup=${3:-2}
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-pipeline-XXXXXX")
trap 'rm -rf "$work"' EXIT
seed=${BENCH_DIR:-$work/seed}/records-$mb

"$here/migrate" --version >/dev/null   # builds cli/target/migrate.jar when needed
jar="$here/cli/target/migrate.jar"

if [ ! -f "$seed/.complete" ]; then
  echo "generating ${mb} MB of 0.1.0 records in 8 files ..." >&2
  rm -rf "$seed"
  python3 "$here/bench/gen-records.py" "$seed/data" "$mb"
  printf '0.1.0\n' > "$seed/VERSION"
  touch "$seed/.complete"
fi

javac -nowarn -proc:none -d "$work/classes" -cp "$jar" "$here/bench/PipelineBench.java"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--XX:+UseSerialGC} -cp "$jar:$work/classes" PipelineBench "$seed/data" "$passes" "$warmup"
if [ -n "${BENCH_BASELINE:-}" ]; then
  echo "baseline ($BENCH_BASELINE):"
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:--XX:+UseSerialGC} -cp "$BENCH_BASELINE:$work/classes" PipelineBench "$seed/data" "$passes" "$warmup"
fi
