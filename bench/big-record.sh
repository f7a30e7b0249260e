#!/usr/bin/env bash
# Peak memory of `migrate data` on a record file holding one very large record (a 100 MB line by default):
# with the default [data_migration] max_record_bytes (32 MiB) the line is refused before it is held whole; with
# the limit raised above it, the record is migrated. Prints the exit code, the peak RSS (/usr/bin/time -v) and the
# first line of stderr of each. Goal: peak RSS under 512 MiB in both.
#
# Usage: bench/big-record.sh [MB]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mb=${1:-100}
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-big-record-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$here/migrate" --version >/dev/null

make_installation() {
  mkdir -p "$1/data"
  echo "0.1.0" > "$1/VERSION"
  python3 - "$1/data/big.jsonl" "$mb" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write('{"id":"a","ts":1700000000}\n')
    f.write('{"id":"big","ts":1700000000,"blob":"' + "x" * (mb * 1000 * 1000) + '"}\n')
    f.write('{"id":"c","ts":1700000001}\n')
PY
}

run() {
  local name=$1; shift
  local inst="$work/$name"
  make_installation "$inst"
  set +e
  /usr/bin/time -v "$@" data --data-path "$inst/data" --from 0.1.0 --to 2.1.0 --no-backup \
      >"$work/$name.out" 2>"$work/$name.err"
  local rc=$?
  set -e
  local rss
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/$name.err")
  printf '%-28s exit %d, peak RSS %d MiB: %s\n' "$name" "$rc" "$((rss / 1024))" \
      "$(grep '^migrate:' "$work/$name.err" | head -1 | cut -c1-150)"
}

printf 'max_record_bytes = %d\n' $(((mb + 10) * 1000 * 1000)) | sed 's/^/[data_migration]\n/' > "$work/raised.toml"
run default-limit "$here/migrate"
run raised-limit "$here/migrate" --migration-config "$work/raised.toml"
