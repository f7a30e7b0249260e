#!/usr/bin/env bash
# Cost of a whole-version migration with backup and validation, beside sha256sum and cp -a of the same
# installation timed in the same run; then rollback beside cp -a. Median of 3 runs each. Also the floors every
# command stands on: `java -version` and `migrate --version` (JVM start, class loading, the launcher).
# Usage: bench/backup.sh [WEIGHT_MB_PER_FILE] (default 1024: two weight files, 2 GB) [RECORDS_MB] (default 70)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
weight_mb=${1:-1024}
records_mb=${2:-70}
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$here/migrate" --version >/dev/null

echo "building an installation: 2 x ${weight_mb} MB weights, ${records_mb} MB records ..." >&2
seed="$work/seed"
"$here/bench/make-installation.sh" "$seed" "$weight_mb" "$records_mb"

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
sha=(); cpa=(); mig=(); rb=(); rss=(); jv=(); mv=()
for run in 1 2 3; do
  t0=$(now); java -version 2>/dev/null; t1=$(now); jv+=("$(echo "$t1 - $t0" | bc)")
  t0=$(now); "$here/migrate" --version >/dev/null; t1=$(now); mv+=("$(echo "$t1 - $t0" | bc)")
  sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
  t0=$(now); find "$seed" -type f -print0 | xargs -0 sha256sum > /dev/null; t1=$(now); sha+=("$(echo "$t1 - $t0" | bc)")
  rm -rf "$work/copy"; t0=$(now); cp -a "$seed" "$work/copy"; sync; t1=$(now); cpa+=("$(echo "$t1 - $t0" | bc)")
  rm -rf "$work/copy"
  rm -rf "$work/inst"; cp -a "$seed" "$work/inst"; sync
  t0=$(now)
  /usr/bin/time -f '%M' -o "$work/rss" "$here/migrate" --quiet version --path "$work/inst" --to 2.1.0 > /dev/null
  sync; t1=$(now); mig+=("$(echo "$t1 - $t0" | bc)"); rss+=("$(cat "$work/rss")")
  t0=$(now); "$here/migrate" --quiet rollback --path "$work/inst" > /dev/null; sync; t1=$(now); rb+=("$(echo "$t1 - $t0" | bc)")
done
s=$(printf '%s\n' "${sha[@]}" | median); c=$(printf '%s\n' "${cpa[@]}" | median)
m=$(printf '%s\n' "${mig[@]}" | median); r=$(printf '%s\n' "${rb[@]}" | median)
peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
j=$(printf '%s\n' "${jv[@]}" | median); e=$(printf '%s\n' "${mv[@]}" | median)
awk -v s="$s" -v c="$c" -v m="$m" -v r="$r" -v p="$peak" -v j="$j" -v e="$e" 'BEGIN {
  printf "java -version: median %.2f s; migrate --version: median %.2f s (= %.2fx cp -a)\n", j, e, e/c
  printf "sha256sum of every file: median %.2f s\n", s
  printf "cp -a of the installation: median %.2f s\n", c
  printf "migrate version 0.1.0 -> 2.1.0 (backup, validation): median %.2f s  = %.2fx sha256sum (goal <= 2.5), %.2fx cp -a (goal <= 0.35)\n", m, m/s, m/c
  printf "rollback: median %.2f s = %.2fx cp -a (goal <= 0.2)\n", r, r/c
  printf "peak RSS of migrate: %.0f MiB (goal <= 512)\n", p/1024
}'
