#!/bin/sh
# evidence.sh — the assessment's evidence finders at district scale (issue 14): a demo
# district of N schools (default 300) with a ledger of H hazards over five school years
# (default 300,000), this year's inspections, campaigns, education records, drills,
# incidents and 综治 registers, then every finding of every school for this school year
# (`xiaoan-cli assessment evidence --year Y --json`), against the same program's start
# and register read (`school list`) measured in the same run. SQLite only.
#
# Usage: bench/evidence.sh [BUILD_DIR] [N] [H] [RUNS]   (default: _build, 300, 300000, 5)
#
# Figures of 2026-12-07 on a 2-core virtual machine shared with seven other builds (load
# average 13 to 16, so that wall times were 5 to 8 times the CPU times: compare CPU),
# Debian 12, SQLite 3.40, 300 schools, 300,000 hazards (8,711 overdue in the year),
# median of 3, CPU = user + system:
#   school list (start, register)       CPU 2.5 s
#   assessment evidence, all keys       CPU 4.3 s: 4,500 findings, 4.6 MB of JSON
#   --key hazards.overdue               CPU 2.9 s
# so every finding of the district costs about 1.8 s of CPU beyond the program's start.
# Reading the overdue hazards through xa_hazard_book_read_all() (pages by OFFSET, each
# hazard with its history) took CPU 9.5 s for that one key; xa_hazard_book_read_columns()
# (one query, no history) is what made it 0.4 s.

set -eu

build=${1:-_build}
n=${2:-300}
hazards=${3:-300000}
runs=${4:-5}
case $build in
  /*) ;;
  *) build=$(pwd)/$build ;;
esac
for value in "$n" "$hazards" "$runs"; do
  case $value in
    ''|*[!0-9]*)
      echo "evidence.sh: N, H and RUNS must be numbers" >&2
      exit 2 ;;
  esac
done

cli="$build/src/xiaoan-cli"
if [ ! -x "$cli" ]; then
  echo "evidence.sh: $cli is missing; build first (ninja -C $build)" >&2
  exit 2
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/xiaoan-evidence-bench-XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
data="$dir/data"

echo "demo district: $n schools, $hazards hazards"
/usr/bin/time -f "  demo: wall %e s" "$cli" --data-dir "$data" demo --schools "$n" --hazards "$hazards" \
  --inspections --education --drills --governance >/dev/null
month=$(date +%m)
year=$(date +%Y)
if [ "$month" -lt 9 ]; then
  year=$((year - 1))
fi

# Prints the median of RUNS runs of a command: wall and CPU (user + system) seconds.
median () {
  label=$1
  shift
  i=0
  : >"$dir/times"
  while [ $i -lt "$runs" ]; do
    /usr/bin/time -f "%e %U %S" -o "$dir/time" "$@" >/dev/null
    awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$dir/time" >>"$dir/times"
    i=$((i + 1))
  done
  sort -n -k2 "$dir/times" | awk -v label="$label" -v runs="$runs" \
    'NR == int ((runs + 1) / 2) { printf "  %-34s wall %6.2f s   CPU %6.2f s\n", label, $1, $2 }'
}

median "school list (start, register)" "$cli" --data-dir "$data" school list
median "assessment evidence, all keys" "$cli" --data-dir "$data" assessment evidence --year "$year" --json
for key in hazards.overdue campaigns.not_done education.coverage drills.missed; do
  median "  --key $key" "$cli" --data-dir "$data" assessment evidence --year "$year" --key "$key" --json
done
