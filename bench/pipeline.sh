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
#   BENCH_BASELINE=jar  compare with another build's migrate.jar: by default both builds in one JVM, each in a
#                       class loader of its own, pass by pass in turn (bench/PipelineAB.java; WARMUP passes of
#                       each first), which prints the median of the ratios of neighbouring passes. Two JVMs one
#                       after the other differ by what each one's compiler made of the code and by the machine's
#                       load meanwhile (single rounds spread 0.9-1.3 on a shared machine); passes in turn share it.
#                       Smaller data and more passes give a steadier median (e.g. pipeline.sh 20 50 10)
#   BENCH_SAME_JVM=0    instead run the baseline's passes in a JVM of its own after each round of this build's
#   BENCH_ROUNDS=n      rounds (default 1): JVMs; the last line gives the median of each over the rounds and
#                       the median of the ratios within a round
#   JAVA_OPTS           JVM options (default: -XX:+UseSerialGC, as ./migrate runs)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-100}
passes=${2:-7}
warmup=${3:-2}
rounds=${BENCH_ROUNDS:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-pipeline-XXXXXX")
trap 'rm -rf "$work"' EXIT
seed=${BENCH_DIR:-$work/seed}/records-$mb

"$here/migrate" --version >/dev/null   # builds cli/target/migrate.jar when needed
jar="$here/cli/target/migrate.jar"

python3 "$here/bench/gen-records.py" --installation "$seed" "$mb"

javac -nowarn -proc:none -d "$work/classes" -cp "$jar" "$here/bench/PipelineBench.java"
if [ -n "${BENCH_BASELINE:-}" ] && [ "${BENCH_SAME_JVM:-1}" != 0 ]; then
  javac -nowarn -d "$work/ab" "$here/bench/PipelineAB.java"
  for round in $(seq 1 "$rounds"); do
    echo "round $round of $rounds: this build and the baseline ($BENCH_BASELINE) in one JVM" >&2
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:--XX:+UseSerialGC} -cp "$work/ab" PipelineAB "$seed/data" "$work/classes" "$jar" \
      "$BENCH_BASELINE" "$passes" "$warmup"
  done
  exit 0
fi
# bench NAME JAR: one JVM of passes; prints its lines and appends its median to $work/NAME
bench() {
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:--XX:+UseSerialGC} -cp "$2:$work/classes" PipelineBench "$seed/data" "$passes" "$warmup" \
    > "$work/passes"
  cat "$work/passes"
  awk '/pipeline median/ {print $3}' "$work/passes" >> "$work/$1"
}
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds: this build" >&2
  bench this "$jar"
  if [ -n "${BENCH_BASELINE:-}" ]; then
    echo "round $round of $rounds: baseline ($BENCH_BASELINE)" >&2
    bench baseline "$BENCH_BASELINE"
  fi
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "pipeline, median of $rounds round(s), MB/s of input per CPU second: this $(median < "$work/this")" \
  "${BENCH_BASELINE:+baseline $(median < "$work/baseline")}"
if [ -n "${BENCH_BASELINE:-}" ]; then
  # the ratio within each round (this and the baseline ran one after the other) is steadier than either
  echo "this / baseline, per round: $(paste -d/ "$work/this" "$work/baseline" | tr '\n' ' ')-> median" \
    "$(paste "$work/this" "$work/baseline" | awk '{printf "%.3f\n", $1 / $2}' | median)"
fi
