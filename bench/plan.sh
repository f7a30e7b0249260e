#!/usr/bin/env bash
# Planning at scale and many small steps (issue 30), beside Flyway 10.22 on H2 in the same rounds.
# Builds two plugins from bench/plan-plugin/bench/: AtlasRules (product atlas: 10,000 versions, 105,546 edges) and
# StepsRules (product steps: a chain of 1,000 no-op steps), and the Flyway peer (bench/peers/flyway, with Maven).
# Each round times, interleaved:
#   --version                          start-up alone
#   info serve (built-in), no plugins  `info --from 0.1.0 --to 2.1.0 --no-plugins`
#   info serve, plugin loaded          the same command with the atlas plugin in the plugins folder
#   info atlas --verbose               0.0.0 to the newest, with the in-process planning time it prints
#   version steps 10 / 1000            `migrate version` of a fresh steps installation (1.0.0 -> 1.0.N), steps plugin
#   flyway 10 / 1000                   Flyway migrate of N trivial migrations (SELECT 1) to a fresh H2 file database
# and prints medians (wall s, peak RSS MiB) and the ratios the issue sets goals for.
# Usage: bench/plan.sh [RUNS] (default 3). BENCH_BASELINE=DIR also times another tree's ./migrate (built) in the
# same rounds (not its info atlas unless BENCH_BASELINE_ATLAS=1: before issue 30 it did not finish). Not run by the
# tests.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/verpath-plan-XXXXXX")
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"   # each launcher gets its own below: builds sharing one would evict each other's

"$here/migrate" --version >/dev/null   # builds the CLI once, outside the timings
peer="$here/bench/peers/flyway"
if [ ! -f "$peer/target/flyway-peer-1.jar" ]; then
  echo "building the Flyway peer (mvn -B -q package in bench/peers/flyway) ..." >&2
  (cd "$peer" && mvn -B -q package >&2)
fi

# the plugins, each in its own folder: compiled against rules-api and PF4J (whose annotation processor writes
# META-INF/extensions.idx)
api=$(ls "$here"/rules-api/target/rules-api-*.jar | grep -v sources | grep -v javadoc | head -n 1)
pf4j=$(ls ~/.m2/repository/org/pf4j/pf4j/*/pf4j-*.jar | grep -v sources | tail -n 1)
for p in atlas steps; do
  class=$(echo "${p:0:1}" | tr a-z A-Z)${p:1}Rules
  mkdir -p "$work/classes-$p" "$work/plugins-$p"
  # -XDstringConcat=inline as plugin-parent/pom.xml compiles a team's plugin (inherited from the parent pom)
  javac --release 17 -nowarn -XDstringConcat=inline -cp "$api:$pf4j" -d "$work/classes-$p" "$here/bench/plan-plugin/bench/$class.java"
  printf 'Plugin-Id: plan-%s\nPlugin-Version: 1.0.0\nVerpath-Rules-Api: >=2.2.0 <3.0.0\nPlugin-Provider: bench\n' "$p" >"$work/manifest"
  jar --create --file "$work/plugins-$p/plan-$p-1.0.0.jar" --manifest "$work/manifest" -C "$work/classes-$p" .
done

# the installations and the Flyway migrations
mkdir -p "$work/steps-template"
echo "steps 1.0.0" >"$work/steps-template/VERSION"
printf 'name = "steps"\n' >"$work/steps-template/config.toml"
for n in 10 1000; do
  mkdir -p "$work/sql$n"
  for ((i = 1; i <= n; i++)); do echo "SELECT 1;" >"$work/sql$n/V${i}__step.sql"; done
done
cd "$work"   # no migration_config.toml here

launchers=(migrate)
declare -A script=([migrate]="$here/migrate")
if [ -n "${BENCH_BASELINE:-}" ]; then
  launchers+=(baseline)
  script[baseline]="$BENCH_BASELINE/migrate"
fi
printf '#!/usr/bin/env bash\nexec java -cp %q bench.FlywayPeer "$@"\n' "$peer/target/flyway-peer-1.jar:$peer/target/lib/*" >"$work/flyway"
chmod +x "$work/flyway"

# timed LABEL COMMAND...: appends "wall_s rss_kib" to $work/LABEL.raw
timed() {
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/last" "$@" >"$work/out" 2>&1 || { echo "$label failed:" >&2; cat "$work/out" >&2; exit 1; }
  cat "$work/last" >>"$work/$label.raw"
}
fresh() { rm -rf "$work/inst"; cp -a "$work/steps-template" "$work/inst"; }
round() {
  for l in "${launchers[@]}"; do
    local m=${script[$l]}
    # its own cache, as another user's would be: two builds in one cache rewrite each other's remembered engine-jar
    # hash (graphs/code: a 36 MB jar hashed again, ~0.25 s) and evict each other's kept graphs (4 a product)
    export XDG_CACHE_HOME="$work/cache-$l"
    timed "$l.version" "$m" --version
    timed "$l.info-serve-bare" "$m" --no-plugins info --from 0.1.0 --to 2.1.0
    timed "$l.info-serve" "$m" --plugins-dir "$work/plugins-atlas" info --from 0.1.0 --to 2.1.0
    if [ "$l" != baseline ] || [ -n "${BENCH_BASELINE_ATLAS:-}" ]; then
      timed "$l.info-atlas" "$m" --plugins-dir "$work/plugins-atlas" --verbose info --product atlas --from 0.0.0
      grep -E '^planning' "$work/out" >>"$work/$l.planning.raw" || true
      cp "$work/out" "$work/$l.info-atlas.out"
    fi
    for n in 10 1000; do
      fresh
      timed "$l.steps$n" "$m" --plugins-dir "$work/plugins-steps" --quiet version --path "$work/inst" --to "1.0.$n"
      grep -q "steps 1.0.$n" "$work/inst/VERSION" || { echo "$l: steps $n did not reach 1.0.$n" >&2; exit 1; }
    done
  done
  for n in 10 1000; do
    rm -rf "$work/db$n"*
    timed "flyway.steps$n" "$work/flyway" "$work/sql$n" "$work/db$n"
  done
}
round >/dev/null   # warm-up (class-data archives, page cache, the kept version graph), outside the figures
for l in "${launchers[@]}"; do   # the first info atlas built the product's graph and kept it in $XDG_CACHE_HOME
  [ -f "$work/$l.planning.raw" ] && cp "$work/$l.planning.raw" "$work/$l.planning.first"
done
rm -f "$work"/*.raw
for ((r = 0; r < runs; r++)); do round; done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
wall() { cut -d' ' -f1 "$work/$1.raw" | median; }
rss() { cut -d' ' -f2 "$work/$1.raw" | median | awk '{printf "%.0f", $1/1024}'; }
echo "medians of $runs (wall s, peak RSS MiB); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for l in "${launchers[@]}"; do
  echo "== $l ($(cd "$(dirname "${script[$l]}")" && git rev-parse --short HEAD 2>/dev/null || dirname "${script[$l]}"))"
  for c in version info-serve-bare info-serve info-atlas steps10 steps1000; do
    [ -f "$work/$l.$c.raw" ] || continue
    printf '  %-16s %6.2f s %5s MiB\n' "$c" "$(wall "$l.$c")" "$(rss "$l.$c")"
  done
  if [ -f "$work/$l.info-atlas.raw" ]; then
    echo "  atlas plan: $(grep -E '^plan:' "$work/$l.info-atlas.out" | head -n 1)"
    [ -f "$work/$l.planning.first" ] && echo "  in-process planning, first run (builds the graph, keeps it): $(cat "$work/$l.planning.first")"
    echo "  in-process planning (info --verbose), each run:"; sed 's/^/    /' "$work/$l.planning.raw"
    awk -v a="$(wall "$l.info-atlas")" -v s="$(wall "$l.info-serve")" -v b="$(wall "$l.info-serve-bare")" \
      'BEGIN {printf "  info atlas - info serve: %+.2f s (goal <= 0.3), - info serve without plugins: %+.2f s\n", a - s, a - b}'
  fi
  for n in 10 1000; do
    awk -v m="$(wall "$l.steps$n")" -v f="$(wall "flyway.steps$n")" -v mr="$(rss "$l.steps$n")" -v fr="$(rss "flyway.steps$n")" \
      -v n="$n" 'BEGIN {printf "  %d steps: %.2f s vs Flyway %.2f s = %.2fx wall (goal %s); RSS %d vs %d MiB = %.2fx (goal %s)\n",
        n, m, f, m / f, (n == 10 ? "<= 0.5x" : "<= 0.25x"), mr, fr, mr / fr, (n == 10 ? "-" : "<= 0.4x")}'
  done
done
