#!/bin/sh
# district-report.sh — the district's assessment summary for N schools (default 300),
# whole process, RUNS times (default 5): the median wall time and CPU time (user + sys),
# each divided by the goal of 0.4 s and by the anchor of a bare Pango + Cairo
# program writing a 300-row table report of 17 pages, 0.37 s
# (../shared/reference/performance.md). On a machine shared with other builds the wall
# time waits for the processor; the CPU time is the figure to compare then.
#
# Usage: bench/district-report.sh [BUILD_DIR] [N] [RUNS]   (default: _build, 300, 5)

set -eu

build=${1:-_build}
n=${2:-300}
runs=${3:-5}
program="$build/bench/district-report"

if [ ! -x "$program" ]; then
  echo "district-report.sh: $program is missing; build first (ninja -C $build)" >&2
  exit 2
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

i=0
while [ "$i" -lt "$runs" ]; do
  /usr/bin/time -f "%e %U %S" -o "$out/time" "$program" "$out/report.pdf" "$n" >"$out/log"
  read -r wall user sys <"$out/time"
  echo "$wall" >>"$out/wall"
  echo "$user $sys" | awk '{ printf "%.3f\n", $1 + $2 }' >>"$out/cpu"
  i=$((i + 1))
done

median () {
  sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

wall=$(median "$out/wall")
cpu=$(median "$out/cpu")
pages=$(sed -n 's/.*, \([0-9]*\) pages/\1/p' "$out/log")
echo "district summary, $n schools, $pages pages, median of $runs runs; load average $(cut -d' ' -f1 /proc/loadavg)"
awk -v w="$wall" -v c="$cpu" 'BEGIN {
  printf "  wall %.3f s = %.2f × the goal (0.4 s), %.2f × the anchor (0.37 s)\n", w, w / 0.4, w / 0.37
  printf "  CPU  %.3f s = %.2f × the goal (0.4 s), %.2f × the anchor (0.37 s)\n", c, c / 0.4, c / 0.37
}'
