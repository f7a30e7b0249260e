#!/usr/bin/env bash
# Time of `migrate validate` on a serve 1.0.0 installation of about 1 GB: two weight files, each listed with
# its size and SHA-256 in its model folder's metadata.json, and 38 MB of 1.0.0 records in 8 files under data/
# (bench/gen-records.py, with schema_version 1), a few of them wrong so that the report has findings. The first
# validate hashes the weights and checks every record, filling .migrate/statcache and .migrate/recordcache; the
# second finds every file unchanged (size, mtime, ctime, inode) and reads none. Prints the wall and CPU times of
# the whole command (JVM start included) of both, text and --json, beside `migrate --version` and
# `migrate status --path` (the start-up) in the same rounds, medians of RUNS, and the ratio second/first; the target
# is a second run under a tenth of the first. BENCH_BASELINE=DIR also times another source tree's ./migrate (its
# cli/target/migrate.jar already built) in the same rounds.
# Usage: bench/validate.sh [MiB per weight file] [MB of records] [RUNS] (default 512 38 3). Not run by the tests.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mib=${1:-512}
records_mb=${2:-38}
runs=${3:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-bench-XXXXXX")
# KEEP=1 keeps the installation (its folder is printed) for a closer look
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "keeping $work" >&2; fi

"$here/migrate" --version >/dev/null   # builds the CLI once, outside the timings

inst="$work/inst"
mkdir -p "$inst/config" "$inst/data" "$inst/models/alpha" "$inst/models/beta"
printf '1.0.0\n' > "$inst/VERSION"
cat > "$inst/config/server.toml" <<'TOML'
bind_address = "0.0.0.0"
http_port = 8080
models_path = "models"
max_batch_size = 8
log_level = "info"

[workers]
count = 4
queue_size = 1024
TOML
# 1.0.0 records: the generator's 0.1.0 records with schema_version 1; every 10,000th has schema_version 7 (a finding)
python3 "$here/bench/gen-records.py" "$work/gen" "$records_mb" 2>/dev/null
for file in "$work/gen"/*.jsonl; do
  awk '{ sub(/}$/, NR % 10000 == 0 ? ",\"schema_version\":7}" : ",\"schema_version\":1}"); print }' "$file" \
    > "$inst/data/$(basename "$file")"
done
rm -rf "$work/gen"

echo "writing 2 x ${mib} MiB of weights ..." >&2
for model in alpha beta; do
  head -c $((mib * 1024 * 1024)) /dev/urandom > "$inst/models/$model/model.safetensors"
done
for model in alpha beta; do
  file="$inst/models/$model/model.safetensors"
  size=$(stat -c %s "$file")
  sha=$(sha256sum "$file" | cut -d' ' -f1)
  cat > "$inst/models/$model/metadata.json" <<JSON
{
  "name" : "$model",
  "format" : "safetensors",
  "files" : [ {
    "path" : "model.safetensors",
    "size" : $size,
    "sha256" : "$sha"
  } ],
  "metadata_version" : 1
}
JSON
done
# The stat cache does not remember a file changed less than 2 s before it was hashed (a second change in
# the same clock tick would go unseen); let the fresh weight files settle past that window.
sleep 3
sync

# Each run: wall and CPU time (user + sys) of the whole command, JVM start included, and the time the validation
# itself took (printed by --verbose). Other work on the machine inflates wall times; CPU times are steadier.
run() {
  local label=$1 launcher=$2; shift 2
  local TIMEFORMAT='%R %U %S'
  local rc=0
  { time "$launcher" "$@" > "$work/$label.out" 2> "$work/$label.err"; } 2> "$work/$label.time" || rc=$?
  # exit 1 is a validation that found errors (the installation has some, on purpose)
  if [ "$rc" != 0 ] && { [ "$rc" != 1 ] || [ "$label" = version ] || [ "$label" = status ]; }; then
    echo "migrate $* ($label) failed (exit $rc):" >&2; cat "$work/$label.out" "$work/$label.err" "$work/$label.time" >&2; exit 1
  fi
  local took
  took=$(sed -n 's/^validation took \([0-9.]*\) s$/\1/p' "$work/$label.err")
  awk -v t="${took:-0}" '{ printf "%s %.3f %s\n", $1, $2 + $3, t }' "$work/$label.time" >> "$work/$label.times"
}
# validate LABEL LAUNCHER [OPTIONS]: a first run (no caches) and a second; both reports must be the same
validate_twice() {
  local label=$1 launcher=$2; shift 2
  rm -f "$inst/.migrate/statcache" "$inst/.migrate/recordcache"
  run "$label-first" "$launcher" --verbose validate --path "$inst" "$@"
  run "$label-second" "$launcher" --verbose validate --path "$inst" "$@"
  cmp -s "$work/$label-first.out" "$work/$label-second.out" \
    || { echo "$label: the second report differs from the first" >&2; diff "$work/$label-first.out" "$work/$label-second.out" >&2; exit 1; }
}

for round in $(seq "$runs"); do
  run version "$here/migrate" --version
  run status "$here/migrate" status --path "$inst"
  validate_twice text "$here/migrate"
  validate_twice json "$here/migrate" --json
  if [ -n "${BENCH_BASELINE:-}" ]; then
    validate_twice baseline "$BENCH_BASELINE/migrate"
  fi
done
bytes=$(du -sb --exclude=.migrate "$inst" | cut -f1)
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
col() { cut -d' ' -f"$2" "$work/$1.times" | median; }
row() {
  local own; own=$(col "$2" 3)
  # --verbose prints the validation's own time only beside a text report
  case "$own" in 0|0.000) own="        -  " ;; *) own=$(printf '%7.3f s' "$own") ;; esac
  printf '%-28s %6.2f s %6.2f s   %s   %s\n' "$1" "$(col "$2" 1)" "$(col "$2" 2)" "$own" "$3"
}
ratio() { awk -v a="$(col "$2" "$3")" -v b="$(col "$1" "$3")" 'BEGIN { printf "%.3f", a / b }'; }

printf 'installation: %.2f GB (2 weight files with metadata, %s MB of records); medians of %s rounds\n' \
  "$(awk -v b="$bytes" 'BEGIN { print b / 1e9 }')" "$records_mb" "$runs"
printf '%-28s %8s %8s   %9s\n' "" wall cpu "validation itself"
row "migrate --version" version "(start-up alone: JVM, picocli)"
row "migrate status --path" status "(start-up with settings, plugins and rule sets; C1 only)"
row "validate, first" text-first "(no caches: hashes the weights, checks every record)"
row "validate, second" text-second "(files unchanged; the same report)"
row "validate --json, first" json-first ""
row "validate --json, second" json-second ""
if [ -n "${BENCH_BASELINE:-}" ]; then
  row "baseline validate, first" baseline-first "($BENCH_BASELINE)"
  row "baseline validate, second" baseline-second ""
fi
echo "ratio second/first, whole command (target: at most 0.100):"
echo "  this build:  wall $(ratio text-first text-second 1), cpu $(ratio text-first text-second 2);" \
  "--json wall $(ratio json-first json-second 1), cpu $(ratio json-first json-second 2);" \
  "validation itself $(ratio text-first text-second 3)"
if [ -n "${BENCH_BASELINE:-}" ]; then
  echo "  baseline:    wall $(ratio baseline-first baseline-second 1), cpu $(ratio baseline-first baseline-second 2);" \
    "validation itself $(ratio baseline-first baseline-second 3)"
fi
echo "second validate against status --path (start-up): wall $(ratio status text-second 1), cpu $(ratio status text-second 2)"
for label in text-first text-second; do
  printf '  %-12s %s\n' "$label:" "$(grep -h 'hashed\|record file' "$work/$label.err" | tr '\n' ' ' || true)"
done
