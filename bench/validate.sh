#!/usr/bin/env bash
# Time of `migrate validate` on a 2 GB serve 1.0.0 installation: two 1 GiB weight files, each listed with
# its size and SHA-256 in its model folder's metadata.json. The first validate hashes both and fills
# .migrate/statcache; the second finds them unchanged (size, mtime, ctime, inode) and hashes nothing.
# Prints both wall times (JVM start included) and their ratio; the target is a second run under a tenth
# of the first. Usage: bench/validate.sh [MiB per weight file] (default 1024). Not run by the tests.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mib=${1:-1024}
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

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
printf '%s\n' '{"id":"req-1","model":"alpha","ts":1700000000,"latency_ms":250,"schema_version":1}' > "$inst/data/requests.jsonl"

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

now() { date +%s.%N; }
run() {
  local label=$1; shift
  local t0 t1
  t0=$(now)
  if ! "$here/migrate" validate --path "$inst" "$@" > "$work/$label.out" 2> "$work/$label.err"; then
    echo "validate ($label) failed:" >&2; cat "$work/$label.out" "$work/$label.err" >&2; exit 1
  fi
  t1=$(now)
  echo "$t1 - $t0" | bc
}

first=$(run first)
second=$(run second)
full=$(run full --full)
bytes=$(du -sb --exclude=.migrate "$inst" | cut -f1)

awk -v b="$bytes" -v f="$first" -v s="$second" -v u="$full" 'BEGIN {
  printf "installation: %.2f GB (2 weight files with metadata)\n", b/1e9
  printf "first validate:   %6.2f s  (hashes every listed file, fills .migrate/statcache)\n", f
  printf "second validate:  %6.2f s  (same run, files unchanged)\n", s
  printf "ratio second/first: %.3f  (target: under 0.100)\n", s/f
  printf "validate --full:  %6.2f s  (ignores the cache, for reference)\n", u
}'
for label in first second full; do
  printf '  %-6s %s\n' "$label:" "$(grep -h 'hashed' "$work/$label.err" || true)"
done
