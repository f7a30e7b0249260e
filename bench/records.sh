#!/usr/bin/env bash
# Throughput of `migrate data` through all three serve steps (0.1.0 -> 1.0.0 -> 2.0.0 -> 2.1.0), beside
# `cat` of the same files in the same run, with and without the backup.
#
# Usage: bench/records.sh [MB] [RUNS]        (defaults: 500 MB, 3 runs)
#
# Each run copies fresh 0.1.0 records into a new installation, then times with /usr/bin/time:
# `cat` of the files, `migrate data` (backup and in-memory validation on, as a user runs it) and
# `migrate data --no-backup`. It prints the median of each figure over the runs: wall seconds, CPU
# seconds (user + sys, every thread of the process, JIT compilers and GC included) and MB/s of
# both. On a shared machine wall time depends on the neighbours; CPU seconds much less so.
#
# Environment:
#   BENCH_CPUS=0        run cat and migrate under `taskset -c 0` (one core; any taskset CPU list works)
#   BENCH_DIR=folder    keep the generated records there and reuse them (default: a temp folder)
#   MIGRATE_JAVA_OPTS   passed on to the JVM by ./migrate (e.g. -XX:TieredStopAtLevel=1)
#   BENCH_BASELINE=jar  also time `migrate data` of another build's migrate.jar (java -jar, with this build's
#                       plugins folder), e.g. one built from an older commit, for a before/after in the same run
#   BENCH_BASELINE=dir  the same with another source tree's ./migrate (its jar built; a cache of its own): the
#                       launcher's JVM options and class-data archive on both sides
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-500}
runs=${2:-3}
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
pin=()
if [ -n "${BENCH_CPUS:-}" ]; then
  pin=(taskset -c "$BENCH_CPUS")
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
seed=${BENCH_DIR:-$work/seed}/records-$mb

"$here/migrate" --version >/dev/null   # builds the command line once, outside the timings

python3 "$here/bench/gen-records.py" --installation "$seed" "$mb"
bytes=$(cat "$seed"/data/*.jsonl | wc -c)

# timed NAME COMMAND...: runs the command, appends "wall cpu" to $work/NAME
timed() {
  local name=$1
  shift
  /usr/bin/time -f "%e %U %S" -o "$work/time.out" "$@" >/dev/null 2>"$work/stderr" \
    || { cat "$work/stderr" >&2; echo "bench: $name failed" >&2; exit 1; }
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$work/time.out" >> "$work/$name"
}

fresh() {
  rm -rf "$work/inst"
  cp -a "$seed" "$work/inst"
  sync
}

if [ -d "${BENCH_BASELINE:-}" ]; then
  # one untimed run each first: a launcher with a new cache makes its class-data archive on first use
  fresh
  "$here/migrate" --quiet data --data-path "$work/inst/data" --from 0.1.0 --to 2.1.0 --no-backup >/dev/null
  fresh
  XDG_CACHE_HOME="$work/baseline-cache" "$BENCH_BASELINE/migrate" --quiet data --data-path "$work/inst/data" \
    --from 0.1.0 --to 2.1.0 --no-backup >/dev/null
fi
for run in $(seq 1 "$runs"); do
  echo "run $run of $runs ..." >&2
  fresh
  timed cat "${pin[@]}" sh -c 'cat "$1"/data/*.jsonl' sh "$work/inst"
  timed migrate "${pin[@]}" "$here/migrate" --quiet data --data-path "$work/inst/data" --from 0.1.0 --to 2.1.0
  if [ -n "${BENCH_BASELINE:-}" ]; then
    fresh
    if [ -d "$BENCH_BASELINE" ]; then
      # another source tree: its own launcher (the same JVM options as ./migrate), with a cache of its own
      timed baseline "${pin[@]}" env XDG_CACHE_HOME="$work/baseline-cache" "$BENCH_BASELINE/migrate" \
        --quiet data --data-path "$work/inst/data" --from 0.1.0 --to 2.1.0
    else
      # shellcheck disable=SC2086
      timed baseline "${pin[@]}" java -XX:+UseSerialGC -Xshare:auto -Dverpath.plugins="$here/plugins/target/dist" \
        ${MIGRATE_JAVA_OPTS:-} -jar "$BENCH_BASELINE" \
        --quiet data --data-path "$work/inst/data" --from 0.1.0 --to 2.1.0
    fi
  fi
  fresh
  timed migrate-no-backup "${pin[@]}" "$here/migrate" --quiet data --data-path "$work/inst/data" --from 0.1.0 --to 2.1.0 --no-backup
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v c="$2" '{print $c}' "$work/$1" | median; }

cat_wall=$(col cat 1); cat_cpu=$(col cat 2)
echo "records: $(awk -v b="$bytes" 'BEGIN {printf "%.0f", b/1e6}') MB in 8 files, ${runs} run(s), medians;" \
  "CPU = user + sys of every thread${BENCH_CPUS:+; pinned to CPU(s) $BENCH_CPUS}"
printf '%-26s %8s %8s %11s %10s %14s\n' "" "wall s" "CPU s" "MB/s wall" "MB/s CPU" "x cat (wall)"
names=(cat migrate migrate-no-backup)
[ -n "${BENCH_BASELINE:-}" ] && names+=(baseline)
for name in "${names[@]}"; do
  wall=$(col "$name" 1); cpu=$(col "$name" 2)
  label=$name
  [ "$name" = migrate ] && label="migrate data"
  [ "$name" = migrate-no-backup ] && label="migrate data --no-backup"
  [ "$name" = baseline ] && label="baseline migrate data"
  awk -v l="$label" -v b="$bytes" -v w="$wall" -v c="$cpu" -v cw="$cat_wall" 'BEGIN {
    cpu_rate = c > 0 ? sprintf("%.0f", b/1e6/c) : "-"
    printf "%-26s %8.2f %8.2f %11.0f %10s %14.1f\n", l, w, c, b/1e6/w, cpu_rate, w/cw }'
done
for name in "${names[@]}"; do   # every run, to see the spread behind the medians
  echo "  $name, each run (wall/CPU s): $(tr ' ' / < "$work/$name" | tr '\n' ' ')"
done
