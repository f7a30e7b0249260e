#!/usr/bin/env bash
# Start-up time of the migrate command: medians of `migrate --version`, `migrate info --from 0.1.0 --to 2.1.0`
# and `migrate status --path` on a small installation (the demo's 0.1.0 sample), beside `java -version`, all
# in one run and interleaved (each round runs every command once, in turn), for the source launcher (./migrate)
# and the release launcher (bin/migrate of cli/target/verpath-*.tar.gz, unpacked here). Wall seconds and CPU
# seconds (user + sys, the JIT and GC threads included).
# Usage: bench/startup.sh [RUNS] (default 10). BENCH_BASELINE=DIR also times another source tree's ./migrate
# (its cli/target/migrate.jar already built) in the same rounds; BENCH_JDK=DIR also times the release launcher with
# JAVA_HOME=DIR (a Java 25 runtime: the launcher then makes an ahead-of-time cache). Not run by the tests.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-startup-XXXXXX")
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"

"$here/migrate" --version >/dev/null   # builds the CLI once, outside the timings
archive=$(ls "$here"/cli/target/verpath-*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -z "$archive" ] || [ "$here/cli/target/migrate.jar" -nt "$archive" ] || [ "$here/migrate" -nt "$archive" ]; then
  echo "building the release archive (mvn -B -q -DskipTests package) ..." >&2
  (cd "$here" && mvn -B -q -DskipTests package >&2)
  archive=$(ls "$here"/cli/target/verpath-*.tar.gz | head -n 1)
fi
tar -xzf "$archive" -C "$work"
release=$(ls -d "$work"/verpath-*/)bin/migrate

inst="$work/inst"
"$here/migrate" demo --keep "$inst" >/dev/null 2>&1
cd "$work"   # no migration_config.toml here: every launcher reads the same (built-in) settings

launchers=(source release)
declare -A script=([source]="$here/migrate" [release]="$release")
if [ -n "${BENCH_BASELINE:-}" ]; then
  launchers+=(baseline)
  script[baseline]="$BENCH_BASELINE/migrate"
fi
if [ -n "${BENCH_JDK:-}" ]; then
  launchers+=(release-jdk)
  script[release-jdk]="$work/release-jdk"
  printf '#!/usr/bin/env bash\nJAVA_HOME=%q exec %q "$@"\n' "$BENCH_JDK" "$release" >"$work/release-jdk"
  chmod +x "$work/release-jdk"
fi
commands=("--version" "info --from 0.1.0 --to 2.1.0" "status --path $inst")

# one warm-up of each (class-data archives are made on first use), outside the timings
for l in "${launchers[@]}"; do
  for c in "${commands[@]}"; do
    # shellcheck disable=SC2086
    "${script[$l]}" $c >/dev/null 2>&1 || { echo "$l: migrate $c failed" >&2; "${script[$l]}" $c >&2; exit 1; }
  done
done

# time LABEL COMMAND...: appends "wall cpu" to $work/LABEL
timed() {
  local label=$1; shift
  local TIMEFORMAT='%R %U %S'
  { time "$@" >/dev/null 2>&1; } 2>>"$work/$label.raw"
}
for ((i = 0; i < runs; i++)); do
  timed java java -version
  for l in "${launchers[@]}"; do
    for c in "${commands[@]}"; do
      # shellcheck disable=SC2086
      timed "$l ${c%% *}" "${script[$l]}" $c
    done
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
row() {
  local file="$work/$1.raw"
  printf '%-28s %7.3f s %7.3f s\n' "$2" "$(awk '{ print $1 }' "$file" | median)" \
    "$(awk '{ print $2 + $3 }' "$file" | median)"
}
echo "medians of $runs runs, $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1)${BENCH_JDK:+; release-jdk: $("$BENCH_JDK/bin/java" -version 2>&1 | head -n 1)}"
printf '%-28s %9s %9s\n' "" "wall" "cpu"
row java "java -version"
for l in "${launchers[@]}"; do
  for c in "${commands[@]}"; do
    row "$l ${c%% *}" "$l: migrate ${c%% *}"
  done
done
