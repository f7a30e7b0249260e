#!/usr/bin/env bash
# Checks that this build migrates records to the same bytes as another build: generated 0.1.0 records
# plus a file of unusual ones (escapes, non-ASCII text and names, nested values, decimals, -0, 1e3, huge
# integers, nulls, duplicate fields, spaces, blank lines), up 0.1.0 -> 2.1.0 and back down to 1.0.0.
# Compares every data file and the command's output, and shows the first lines that differ: since the lossless
# record SPI, the bytes of fields no rule touches are kept (escapes such as \/ and \u0041, and since issue 24 the
# spacing between untouched fields of an edited record), where older baselines rewrote them; those differences
# are on purpose.
#
# Usage: bench/same-bytes.sh BASELINE_JAR [MB]      (default 20 MB of generated records)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
baseline=$1
mb=${2:-20}
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-same-XXXXXX")
trap 'rm -rf "$work"' EXIT

"$here/migrate" --version >/dev/null
python3 "$here/bench/gen-records.py" "$work/a/data" "$mb"
python3 - "$work/a/data/unusual.jsonl" <<'PY'
import random, sys
random.seed(4)
samples = [
    '{"id":"a","ts":1700000000.5,"latency_ms":0,"prompt_tokens":1,"completion_tokens":2,"api_key":"k\\u00e9y",'
    '"note":"caf\\u00e9 \u00fc \u65e5\u672c \U0001F600 \\ud83d\\ude00","x":[1,{"b":null}],"d":-0,"e":1e3}',
    '{"completion_tokens":5,"prompt_tokens":3,"ts":-1,"latency_ms":7,"api_key":null,"usage":{"total":8}}',
    '{"ts":1700000000,"latency_ms":1.5,"completion_tokens":3.25,"api_key":"sk-1","metrics":{"x":1},"\u00e9":1,"\\u0041":2}',
    '  { "ts" : 12 , "latency_ms" : 3 , "prompt_tokens" : 1 }  ',
    '{"ts":1.7e9,"latency_ms":-20,"completion_tokens":-7,"big":123456789012345678901234567890,"s":"\\"q\\" \\\\ \\/ \\t\\n"}',
    '{"ts":null,"latency_ms":null,"api_key":"x"}',
    '{}',
    '{"ts":1,"ts":2,"latency_ms":1000,"completion_tokens":1}',
]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("\n".join(random.choice(samples) for _ in range(20000)) + "\n\n  \n")
PY
printf '0.1.0\n' > "$work/a/VERSION"
cp -a "$work/a" "$work/b"

run() { # run NAME DIR FROM TO COMMAND...
  local name=$1 dir=$2 from=$3 to=$4
  shift 4
  "$@" --quiet data --data-path "$dir/data" --from "$from" --to "$to" --no-backup --allow-lossy \
    > "$work/$name.out" 2>&1 || { cat "$work/$name.out" >&2; echo "same-bytes: $name failed" >&2; exit 1; }
}
status=0
for step in "0.1.0 2.1.0" "2.1.0 1.0.0"; do
  set -- $step
  run baseline "$work/a" "$1" "$2" java -XX:+UseSerialGC -Dverpath.plugins="$here/plugins/target/dist" -jar "$baseline"
  run this "$work/b" "$1" "$2" "$here/migrate"
  for f in "$work"/a/data/*.jsonl; do
    if ! cmp -s "$f" "$work/b/data/${f##*/}"; then
      echo "differs after $1 -> $2: data/${f##*/} (< baseline, > this build; first lines that differ):"
      diff "$f" "$work/b/data/${f##*/}" > "$work/diff" || true
      head -n 12 "$work/diff" | cut -c1-200
      status=1
    fi
  done
  diff -q "$work/baseline.out" "$work/this.out" >/dev/null || { echo "output differs after $1 -> $2"; status=1; }
done
[ "$status" -eq 0 ] && echo "same bytes: $(ls "$work/a/data" | wc -l) files, up 0.1.0 -> 2.1.0 and down to 1.0.0"
exit "$status"
