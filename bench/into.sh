#!/usr/bin/env bash
# Side by side against in place: `migrate version --into DEST` of an installation (the weight files hard-linked,
# never copied) beside the in-place `migrate version` of a copy of it (backup and validation on) and `cp -a` of it,
# timed in the same run; then `--into --switch LINK` and `migrate rollback --path LINK` (the switch back), for this
# installation and for a tiny one, to show the switch back does not grow with the size. Median of RUNS (default 3).
# Usage: bench/into.sh [WEIGHT_MB_PER_FILE] (default 1024: two weight files, 2 GB) [RECORDS_MB] (default 70) [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
weight_mb=${1:-1024}
records_mb=${2:-70}
runs=${3:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$here/migrate" --version >/dev/null
echo "building an installation: 2 x ${weight_mb} MB weights, ${records_mb} MB records, and a tiny one ..." >&2
"$here/bench/make-installation.sh" "$work/releases/0.1.0" "$weight_mb" "$records_mb"
"$here/bench/make-installation.sh" "$work/tiny/0.1.0" 1 1

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
since() { echo "$(now) - $1" | bc; }
cpa=(); inplace=(); into=(); switch=(); back=(); backsw=(); tiny=(); tinysw=()
# the seconds the switch itself took, as the rollback's --json document says
switched() { python3 -c 'import json,sys; print(json.load(sys.stdin)["switched"]["seconds"])'; }
for run in $(seq "$runs"); do
  rm -rf "$work/copy"; sync; t0=$(now); cp -a "$work/releases/0.1.0" "$work/copy"; sync; cpa+=("$(since "$t0")")
  t0=$(now); "$here/migrate" --quiet version --path "$work/copy" --to 2.1.0 >/dev/null; sync; inplace+=("$(since "$t0")")
  rm -rf "$work/copy" "$work/releases/2.1.0"; sync
  t0=$(now)
  "$here/migrate" --quiet version --path "$work/releases/0.1.0" --into "$work/releases/2.1.0" --to 2.1.0 >/dev/null
  sync; into+=("$(since "$t0")")
  rm -rf "$work/releases/2.1.0"; sync
  for layout in releases tiny; do
    rm -f "$work/$layout/current"; ln -s "$work/$layout/0.1.0" "$work/$layout/current"
    t0=$(now)
    "$here/migrate" --quiet version --path "$work/$layout/0.1.0" --into "$work/$layout/2.1.0" --switch "$work/$layout/current" \
      --to 2.1.0 >/dev/null
    sync; [ "$layout" = releases ] && switch+=("$(since "$t0")")
    t0=$(now)
    seconds=$("$here/migrate" --json rollback --path "$work/$layout/current" --yes | switched)
    if [ "$layout" = releases ]; then back+=("$(since "$t0")"); backsw+=("$seconds"); else tiny+=("$(since "$t0")"); tinysw+=("$seconds"); fi
    [ "$(readlink "$work/$layout/current")" = "$work/$layout/0.1.0" ] || { echo "the link was not switched back" >&2; exit 1; }
    rm -rf "$work/$layout/2.1.0"; sync
  done
done
m() { printf '%s\n' "$@" | median; }
c=$(m "${cpa[@]}"); p=$(m "${inplace[@]}"); i=$(m "${into[@]}"); s=$(m "${switch[@]}")
b=$(m "${back[@]}"); bs=$(m "${backsw[@]}"); t=$(m "${tiny[@]}"); ts=$(m "${tinysw[@]}")
awk -v c="$c" -v p="$p" -v i="$i" -v s="$s" -v b="$b" -v bs="$bs" -v t="$t" -v ts="$ts" -v n="$runs" 'BEGIN {
  printf "medians of %d runs\n", n
  printf "cp -a of the installation: %.2f s\n", c
  printf "migrate version in place (backup, validation): %.2f s = %.2fx cp -a\n", p, p/c
  printf "migrate version --into DEST: %.2f s = %.2fx in place (goal <= 1.10), %.2fx cp -a\n", i, i/p, i/c
  printf "migrate version --into DEST --switch LINK (no hooks): %.2f s = %.2fx in place\n", s, s/p
  printf "migrate rollback --path LINK (switch back), whole command: %.2f s; the switch itself %.4f s (goal < 0.5 s)\n", b, bs
  printf "the same on a tiny installation: whole command %.2f s; the switch itself %.4f s\n", t, ts
}'
echo "every run (s): cp -a ${cpa[*]} | in place ${inplace[*]} | into ${into[*]} | switch ${switch[*]} | back ${back[*]} (${backsw[*]}) | tiny back ${tiny[*]} (${tinysw[*]})"
