#!/usr/bin/env bash
# How well `info`'s estimate holds (issue 31): on three installation sizes, the estimate of time and peak memory
# `info --json` gives before each of three real `migrate version` 0.1.0 -> 2.1.0 runs (backup and validation on),
# beside what the run took (whole command wall time, peak RSS by /usr/bin/time). The first run of each size is
# estimated from the default speeds (no run measured yet: the baseline); the later ones from what the earlier runs
# of the installation measured (.migrate/rates.json). Each run is rolled back before the next.
# Prints the ratio estimate / real per run, and for the measured runs their median. Goal: within 2x (0.5 to 2.0).
# Usage: bench/estimate.sh [SIZES] (default "32:10 256:60 1024:200": WEIGHT_MB_PER_FILE:RECORDS_MB, two weight files)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
sizes=${1:-"32:10 256:60 1024:200"}
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-estimate-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$here/migrate" --version >/dev/null
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { python3 -c 'import json,sys; e=json.load(sys.stdin)["plan"]["estimate"]; v=e[sys.argv[1]]; print(0 if v is None else v)' "$1"; }

printf '%-14s %-4s %-9s %-9s %-7s %-9s %-9s %-7s %s\n' size run est_s real_s ratio est_MiB real_MiB ratio basis
for size in $sizes; do
  weight_mb=${size%%:*}; records_mb=${size##*:}
  inst="$work/inst-$weight_mb"
  "$here/bench/make-installation.sh" "$inst" "$weight_mb" "$records_mb" >/dev/null
  time_ratios=(); mem_ratios=()
  for run in 1 2 3; do
    "$here/migrate" --json info --path "$inst" --to 2.1.0 > "$work/info.json"
    est_ms=$(field timeMillis < "$work/info.json")
    est_mem=$(field peakMemory < "$work/info.json")
    basis=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["plan"]["estimate"]["basis"])' < "$work/info.json")
    sync
    t0=$(now)
    /usr/bin/time -f '%M' -o "$work/rss" "$here/migrate" --quiet version --path "$inst" --to 2.1.0 > /dev/null
    t1=$(now)
    real=$(echo "$t1 - $t0" | bc)
    rss_kib=$(cat "$work/rss")
    ratio=$(echo "scale=3; $est_ms / 1000 / $real" | bc)
    if [ "$est_mem" = 0 ]; then mem_ratio="-"; est_mib="-"; else
      est_mib=$((est_mem / 1048576)); mem_ratio=$(echo "scale=3; $est_mem / 1024 / $rss_kib" | bc); fi
    printf '%-14s %-4s %-9.2f %-9.2f %-7s %-9s %-9s %-7s %s\n' "${weight_mb}x2+${records_mb}MB" "$run" \
      "$(echo "$est_ms / 1000" | bc -l)" "$real" "$ratio" "$est_mib" "$((rss_kib / 1024))" "$mem_ratio" "$basis"
    if [ "$run" != 1 ]; then time_ratios+=("$ratio"); mem_ratios+=("$mem_ratio"); fi
    "$here/migrate" --quiet rollback --yes --path "$inst" > /dev/null
  done
  printf '%-14s measured runs: time estimate/real median %s, peak memory estimate/real median %s\n' \
    "${weight_mb}x2+${records_mb}MB" "$(printf '%s\n' "${time_ratios[@]}" | median)" \
    "$(printf '%s\n' "${mem_ratios[@]}" | median)"
  rm -rf "$inst"
done
