#!/usr/bin/env bash
# Throughput of `migrate data` through all three serve steps (0.1.0 -> 2.1.0), beside `cat` of the
# same files in the same run. Usage: bench/records.sh [MB] (default 500). Prints medians of 3 runs.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-500}
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

"$here/migrate" --version >/dev/null   # builds the CLI once, outside the timings

echo "generating ${mb} MB of 0.1.0 records in 8 files ..." >&2
mkdir -p "$work/seed/data"
python3 - "$work/seed/data" "$mb" <<'PY'
import os, sys, random
out, mb = sys.argv[1], int(sys.argv[2])
random.seed(7)
target = mb * 1000 * 1000 // 8
for f in range(8):
    with open(os.path.join(out, f"requests-{f}.jsonl"), "w", encoding="utf-8") as fh:
        size, i = 0, 0
        while size < target:
            i += 1
            ts = 1700000000 + i if i % 3 else f"{1700000000 + i}.{i % 1000:03d}"
            line = ('{"id":"req-%d-%d","model":"llama-7b","ts":%s,"latency_ms":%d,"prompt_tokens":%d,'
                    '"completion_tokens":%d,"client_ip":"10.1.%d.%d","api_key":"sk-%08x"}\n'
                    % (f, i, ts, 50 + i % 900, 5 + i % 200, 10 + i % 400, i % 255, f, i))
            fh.write(line)
            size += len(line)
PY
bytes=$(du -sb "$work/seed/data" | cut -f1)

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cat_times=(); mig_times=()
for run in 1 2 3; do
  rm -rf "$work/inst"; cp -a "$work/seed" "$work/inst"; printf '0.1.0\n' > "$work/inst/VERSION"
  sync
  t0=$(now); cat "$work/inst"/data/*.jsonl > /dev/null; t1=$(now)
  cat_times+=("$(echo "$t1 - $t0" | bc)")
  t0=$(now)
  "$here/migrate" --quiet data --data-path "$work/inst/data" --from 0.1.0 --to 2.1.0 >/dev/null
  t1=$(now)
  mig_times+=("$(echo "$t1 - $t0" | bc)")
done
cat_med=$(printf '%s\n' "${cat_times[@]}" | median)
mig_med=$(printf '%s\n' "${mig_times[@]}" | median)
awk -v b="$bytes" -v c="$cat_med" -v m="$mig_med" 'BEGIN {
  printf "records: %.0f MB\n", b/1e6
  printf "cat:            median %.2f s  %.0f MB/s\n", c, b/1e6/c
  printf "migrate data:   median %.2f s  %.0f MB/s  (0.1.0 -> 2.1.0, backup and validation on)\n", m, b/1e6/m
  printf "ratio migrate/cat time: %.1fx\n", m/c
}'
