#!/usr/bin/env bash
# `migrate data` 0.1.0 -> 2.1.0 end to end (JVM start included) beside peers doing the same transform of the same
# records in the same runs: a Python script with the standard json module (bench/peer-serve.py) and, when jq is
# installed, a jq filter (bench/peer-serve.jq; no SHA-256 in jq, see there). Prints medians of wall and CPU seconds
# and how many times faster migrate is than each peer (goal: >= 10x the Python script, wall).
#
# Usage: bench/peers.sh [MB] [RUNS]        (defaults: 100 MB, 3 runs)
#
# Each run copies fresh 0.1.0 records for every command. `migrate data` runs as a user runs it (backup and
# validation on) and with --no-backup (the peers keep no backup and check nothing). Before the timings the Python
# peer's output is compared with migrate's, byte for byte, so that both are known to do the same work.
#
# Environment:
#   BENCH_CPUS=0        run everything under `taskset -c 0` (one core; any taskset CPU list works)
#   BENCH_DIR=folder    keep the generated records there and reuse them (default: a temp folder)
#   BENCH_BASELINE=jar  also time `migrate data` of another build's migrate.jar in the same runs
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-100}
runs=${2:-3}
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
pin=()
[ -n "${BENCH_CPUS:-}" ] && pin=(taskset -c "$BENCH_CPUS")
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-peers-XXXXXX")
trap 'rm -rf "$work"' EXIT
seed=${BENCH_DIR:-$work/seed}/records-$mb

"$here/migrate" --version >/dev/null   # builds the command line once, outside the timings
python3 "$here/bench/gen-records.py" --installation "$seed" "$mb"
bytes=$(cat "$seed"/data/*.jsonl | wc -c)
has_jq=0
if command -v jq >/dev/null 2>&1; then has_jq=1; else echo "peers: jq is not installed, so it is left out" >&2; fi

fresh() { rm -rf "$work/inst"; cp -a "$seed" "$work/inst"; sync; }
data=$work/inst/data
migrate=("$here/migrate" --quiet data --data-path "$data" --from 0.1.0 --to 2.1.0)
python_peer=(python3 "$here/bench/peer-serve.py" "$data")
jq_peer=(sh -c 'for f in "$1"/*.jsonl; do jq -c -f "$2" "$f" > "$f.peer-partial" && mv "$f.peer-partial" "$f" || exit 1; done' \
  sh "$data" "$here/bench/peer-serve.jq")
baseline=(java -XX:+UseSerialGC -Xshare:auto -Dverpath.plugins="$here/plugins/target/dist" -jar "${BENCH_BASELINE:-}"
  --quiet data --data-path "$data" --from 0.1.0 --to 2.1.0)
# timed NAME COMMAND...: on fresh records; appends "wall cpu" to $work/NAME
timed() {
  local name=$1
  shift
  fresh
  /usr/bin/time -f "%e %U %S" -o "$work/time.out" "${pin[@]}" "$@" >/dev/null 2>"$work/stderr" \
    || { cat "$work/stderr" >&2; echo "bench: $name failed" >&2; exit 1; }
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$work/time.out" >> "$work/$name"
}

# the peer does the same work: its output is migrate's, byte for byte
fresh; "${migrate[@]}" --no-backup >/dev/null; mv "$work/inst" "$work/by-migrate"
fresh; "${python_peer[@]}"; same=identical
for f in "$work"/by-migrate/data/*.jsonl; do cmp -s "$f" "$work/inst/data/${f##*/}" || same=DIFFERENT; done
rm -rf "$work/by-migrate"
echo "python peer output against migrate's: $same" >&2
[ "$same" = identical ] || exit 1

names=(migrate migrate-no-backup python)
[ "$has_jq" = 1 ] && names+=(jq)
[ -n "${BENCH_BASELINE:-}" ] && names+=(baseline)
for run in $(seq 1 "$runs"); do
  echo "run $run of $runs ..." >&2
  timed migrate "${migrate[@]}"
  timed migrate-no-backup "${migrate[@]}" --no-backup
  timed python "${python_peer[@]}"
  if [ "$has_jq" = 1 ]; then timed jq "${jq_peer[@]}"; fi
  if [ -n "${BENCH_BASELINE:-}" ]; then timed baseline "${baseline[@]}"; fi
done

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v c="$2" '{print $c}' "$work/$1" | median; }
echo "records: $(awk -v b="$bytes" 'BEGIN {printf "%.0f", b/1e6}') MB in 8 files, $runs run(s), medians;" \
  "CPU = user + sys${BENCH_CPUS:+; pinned to CPU(s) $BENCH_CPUS}"
printf '%-26s %8s %8s %11s %10s\n' "" "wall s" "CPU s" "MB/s wall" "MB/s CPU"
for name in "${names[@]}"; do
  awk -v l="$name" -v b="$bytes" -v w="$(col "$name" 1)" -v c="$(col "$name" 2)" 'BEGIN {
    printf "%-26s %8.2f %8.2f %11.1f %10.1f\n", l, w, c, b/1e6/w, b/1e6/c }'
done
ratio() { awk -v a="$(col "$1" "$3")" -v b="$(col "$2" "$3")" 'BEGIN {printf "%.1f", a / b}'; }
for peer in python jq; do
  [ -f "$work/$peer" ] || continue
  echo "migrate data is $(ratio "$peer" migrate 1)x faster than $peer (wall; CPU $(ratio "$peer" migrate 2)x);" \
    "--no-backup $(ratio "$peer" migrate-no-backup 1)x (CPU $(ratio "$peer" migrate-no-backup 2)x)"
done
for name in "${names[@]}"; do
  echo "  $name, each run (wall/CPU s): $(tr ' ' / < "$work/$name" | tr '\n' ' ')"
done
