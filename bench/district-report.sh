#!/bin/sh
# district-report.sh — the district's assessment summary for N schools (default 300),
# whole process, RUNS times (default 5), side by side with its anchor: a bare Pango +
# Cairo program writing a table report of as many rows, without the app's layout code
# (bench/district-anchor.c; the "300-row table report" of
# ../shared/reference/performance.md). The two run in turn in each round, so that both
# see the same load. Prints the median wall time and CPU time (user + sys) of each, the
# app's divided by the issue's goal of 0.4 s and by the anchor measured here. On a
# machine shared with other builds the wall time waits for the processor; the CPU time
# is the figure to compare then.
#
# Usage: bench/district-report.sh [BUILD_DIR] [N] [RUNS]   (default: _build, 300, 5)

set -eu

build=${1:-_build}
n=${2:-300}
runs=${3:-5}
program="$build/bench/district-report"
anchor="$build/bench/district-anchor"

for p in "$program" "$anchor"; do
  if [ ! -x "$p" ]; then
    echo "district-report.sh: $p is missing; build first (ninja -C $build)" >&2
    exit 2
  fi
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# run NAME PROGRAM: one timed run, its wall and CPU times appended to NAME.wall, NAME.cpu.
run () {
  /usr/bin/time -f "%e %U %S" -o "$out/time" "$2" "$out/$1.pdf" "$n" >"$out/$1.log"
  read -r wall user sys <"$out/time"
  echo "$wall" >>"$out/$1.wall"
  echo "$user $sys" | awk '{ printf "%.3f\n", $1 + $2 }' >>"$out/$1.cpu"
}

i=0
while [ "$i" -lt "$runs" ]; do
  run app "$program"
  run anchor "$anchor"
  i=$((i + 1))
done

median () {
  sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

pages () {
  sed -n 's/.*, \([0-9]*\) pages/\1/p' "$out/$1.log"
}

echo "district summary, $n schools, $(pages app) pages; anchor, $n rows, $(pages anchor) pages;" \
     "median of $runs runs each; load average $(cut -d' ' -f1 /proc/loadavg)"
awk -v w="$(median "$out/app.wall")" -v c="$(median "$out/app.cpu")" \
    -v aw="$(median "$out/anchor.wall")" -v ac="$(median "$out/anchor.cpu")" 'BEGIN {
  printf "  anchor wall %.3f s, CPU %.3f s\n", aw, ac
  printf "  wall %.3f s = %.2f × the goal (0.4 s), %.2f × the anchor\n", w, w / 0.4, (aw > 0 ? w / aw : 0)
  printf "  CPU  %.3f s = %.2f × the goal (0.4 s), %.2f × the anchor\n", c, c / 0.4, (ac > 0 ? c / ac : 0)
}'
