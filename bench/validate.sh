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

# Each run: wall time and CPU time (user + sys) of the whole command, JVM start included, and the time the
# validation itself took (printed by --verbose). Other work on the machine inflates wall times; the CPU
# times and the validation's own time are steadier.
run() {
  local label=$1; shift
  local TIMEFORMAT='%R %U %S'
  if ! { time "$here/migrate" --verbose validate --path "$inst" "$@" > "$work/$label.out" 2> "$work/$label.err"; } \
      2> "$work/$label.time"; then
    echo "validate ($label) failed:" >&2; cat "$work/$label.out" "$work/$label.err" "$work/$label.time" >&2; exit 1
  fi
  local took
  took=$(sed -n 's/^validation took \([0-9.]*\) s$/\1/p' "$work/$label.err")
  awk -v t="$took" '{ printf "%s %.3f %s\n", $1, $2 + $3, t }' "$work/$label.time"
}

read -r first_wall first_cpu first_own < <(run first)
read -r second_wall second_cpu second_own < <(run second)
read -r full_wall full_cpu full_own < <(run full --full)
bytes=$(du -sb --exclude=.migrate "$inst" | cut -f1)

awk -v b="$bytes" -v fw="$first_wall" -v fc="$first_cpu" -v fo="$first_own" \
    -v sw="$second_wall" -v sc="$second_cpu" -v so="$second_own" \
    -v uw="$full_wall" -v uc="$full_cpu" -v uo="$full_own" 'BEGIN {
  printf "installation: %.2f GB (2 weight files with metadata)\n", b/1e9
  printf "                     wall      cpu   validation itself\n"
  printf "first validate:  %6.2f s %6.2f s   %7.3f s   (hashes every listed file, fills .migrate/statcache)\n", fw, fc, fo
  printf "second validate: %6.2f s %6.2f s   %7.3f s   (same run, files unchanged)\n", sw, sc, so
  printf "validate --full: %6.2f s %6.2f s   %7.3f s   (ignores the cache, for reference)\n", uw, uc, uo
  printf "ratio second/first: wall %.3f, cpu %.3f, validation itself %.3f  (target: under 0.100)\n", sw/fw, sc/fc, so/fo
}'
for label in first second full; do
  printf '  %-6s %s\n' "$label:" "$(grep -h 'hashed' "$work/$label.err" || true)"
done
