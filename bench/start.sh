#!/bin/sh
# start.sh — start-up figures of the app, side by side with gtk4-demo in one run (issue 7):
#
#   1. time from exec to the first mapped window;
#   2. resident memory (VmRSS from /proc) at that moment;
#
# of `xiaoan` over the 300-school demo district and of gtk4-demo (Debian package
# gtk-4-examples), under Xvfb with GSK_RENDERER=cairo. The goal: no slower and no bigger
# than gtk4-demo (ratios ≤ 1).
#
# Usage: bench/start.sh [BUILD_DIR] [RUNS] [DATA_DIR]   (default: _build, 7; at least 5)
# DATA_DIR: start over that data folder instead of the 300-school district, for example
# the million hazards of bench/hazards.sh (`xiaoan-cli --data-dir D demo --hazards 1000000`:
# issue 11 asks for a start under 1 s and under 200 MiB with it).
# The observer is bench/first-map (built when libx11-dev is installed): it watches the
# X server, not the program. Runs alternate between the two programs, after one warm-up
# run of each, and the medians are printed. Medians move by ±15 % on a shared machine:
# compare the ratios of one run, not figures across runs.

set -eu

build=${1:-_build}
runs=${2:-7}
data=${3:-}
case $build in
  /*) ;;
  *) build=$(pwd)/$build ;;
esac

if [ "$runs" -lt 5 ]; then
  echo "start.sh: take at least 5 runs for a median" >&2
  exit 2
fi

# A display and a session bus of its own, as the UI tests have.
if [ -z "${XIAOAN_BENCH_INNER:-}" ]; then
  for tool in xvfb-run dbus-run-session; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "start.sh: $tool is missing (build-aux/setup.sh installs it)" >&2
      exit 2
    fi
  done
  XIAOAN_BENCH_INNER=1 exec xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- "$0" "$build" "$runs" "$data"
fi

app="$build/src/xiaoan"
cli="$build/src/xiaoan-cli"
observer="$build/bench/first-map"
demo=$(command -v gtk4-demo || true)

for program in "$app" "$cli" "$observer"; do
  if [ ! -x "$program" ]; then
    echo "start.sh: $program is missing; build first (ninja -C $build; first-map needs libx11-dev)" >&2
    exit 2
  fi
done
if [ -z "$demo" ]; then
  echo "start.sh: gtk4-demo is missing (Debian package gtk-4-examples; build-aux/setup.sh installs it)" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/xiaoan-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

export GSK_RENDERER=cairo
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build/data"
export XIAOAN_LOCALEDIR="$build/po"
export LANG=zh_CN.UTF-8
unset LC_ALL LANGUAGE XIAOAN_DATA_DIR XIAOAN_OPERATOR || true

if [ -n "$data" ]; then
  what="the data folder $data"
else
  echo "Preparing a demo district of 300 schools in $work …" >&2
  "$cli" --data-dir "$work/data" demo --schools 300 >/dev/null
  data="$work/data"
  what="300 demo schools"
fi

# One line "SECONDS RSS_KIB" of a start of "$@"; the program's own messages are kept
# aside and shown only when the measure fails.
measure () {
  if ! "$observer" --timeout 60 "$@" 2> "$work/stderr.txt"; then
    cat "$work/stderr.txt" >&2
    exit 1
  fi
}

# The median of the numbers on standard input, one a line.
median () {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Warm-up: the file cache, the fontconfig cache and the accessibility bus.
measure "$app" --data-dir "$data" >/dev/null
measure "$demo" >/dev/null

i=0
while [ "$i" -lt "$runs" ]; do
  measure "$app" --data-dir "$data" >> "$work/xiaoan.txt"
  measure "$demo" >> "$work/demo.txt"
  i=$((i + 1))
done

t_app=$(awk '{ print $1 }' "$work/xiaoan.txt" | median)
t_demo=$(awk '{ print $1 }' "$work/demo.txt" | median)
m_app=$(awk '{ print $2 / 1024 }' "$work/xiaoan.txt" | median)
m_demo=$(awk '{ print $2 / 1024 }' "$work/demo.txt" | median)

printf '\n%-46s %12s %12s %8s\n' "Start-up ($(nproc) cores, median of $runs)" "xiaoan" "gtk4-demo" "ratio"
printf '%-46s %12s %12s %8s\n' "------" "------" "---------" "-----"
printf '%-46s %10.3f s %10.3f s %7.2f ×\n' "exec → first mapped window" \
       "$t_app" "$t_demo" "$(echo "$t_app / $t_demo" | bc -l)"
printf '%-46s %8.0f MiB %8.0f MiB %7.2f ×\n' "resident memory when mapped" \
       "$m_app" "$m_demo" "$(echo "$m_app / $m_demo" | bc -l)"
printf '\n%s\n' "xiaoan: $what, zh_CN.UTF-8; both with GSK_RENDERER=cairo under Xvfb. Goal: both ratios ≤ 1."
