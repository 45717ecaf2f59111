#!/bin/sh
# hazards.sh — the hazard ledger at district scale on both engines (issue 11): a demo
# ledger of N hazards (default 1,000,000) over a 40-school district, and the time to the
# first screen of the app's list (its count and its first 40 rows, bench/hazard-screens)
# for:
#
#   a. opening the ledger: the latest school year of every school, and every year;
#   b. a school's hazards of a status: closed in the latest year, and 整改中 in any;
#   c. a search of 1, 2 and 3 characters over every school and year (门, 电线, 灭火器);
#
# each divided by a full scan of the same ledger measured in the same run (a LIKE over
# every description, what a search without the gram index would be). The goal: under
# 100 ms, aiming at 20 ms; a full scan takes 360 to 640 ms on SQLite
# (../shared/reference/performance.md). Also timed: `xiaoan-cli demo --hazards N` on
# SQLite (the goal: about a minute for a million), and moving the ledger to the server
# (`xiaoan-cli migrate`).
#
# Usage: bench/hazards.sh [BUILD_DIR] [N] [RUNS]   (default: _build, 1000000, 5)
# PostgreSQL is a temporary cluster that pg_virtualenv starts and removes, as in
# bench/store.sh; the figures there are taken as a member of the commission's staff, so
# that row level security is in them. Take the lock other PostgreSQL runs take:
#   flock /tmp/pg.lock bench/hazards.sh
#
# Figures of 2026-12-06 on a 2-core AMD EPYC virtual machine shared with other builds
# (load average 5 to 9), Debian 12, SQLite 3.40, PostgreSQL 15.18, 1,000,000 hazards:
# see the end of this file, appended by the run that made them.

set -eu

build=${1:-_build}
n=${2:-1000000}
runs=${3:-5}
case $build in
  /*) ;;
  *) build=$(pwd)/$build ;;
esac

for value in "$n" "$runs"; do
  case $value in
    ''|*[!0-9]*)
      echo "hazards.sh: N and RUNS must be numbers" >&2
      exit 2 ;;
  esac
done

cli="$build/src/xiaoan-cli"
screens="$build/bench/hazard-screens"
for program in "$cli" "$screens"; do
  if [ ! -x "$program" ]; then
    echo "hazards.sh: $program is missing; build first (ninja -C $build)" >&2
    exit 2
  fi
done
for tool in bc createdb psql; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "hazards.sh: $tool is missing (build-aux/setup.sh installs it)" >&2
    exit 2
  fi
done

if [ -z "${XIAOAN_BENCH_INNER:-}" ]; then
  if ! command -v pg_virtualenv >/dev/null 2>&1; then
    echo "hazards.sh: pg_virtualenv is missing (Debian packages postgresql and postgresql-common)" >&2
    exit 2
  fi
  XIAOAN_BENCH_INNER=1 exec pg_virtualenv -t -o fsync=on -o shared_buffers=256MB "$0" "$build" "$n" "$runs"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/xiaoan-hazards-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"
export LC_ALL=C.UTF-8
unset LANGUAGE XIAOAN_DATA_DIR XIAOAN_DATABASE XIAOAN_OPERATOR XIAOAN_AUDIT_KEY_FILE || true
mkdir -p "$work/sqlite"

server="postgresql://localhost:${PGPORT:-5432}"
admin_password=$PGPASSWORD
as_owner () {
  PGPASSWORD=$admin_password "$@"
}

seconds () {
  start=$(date +%s.%N)
  if ! "$@" >"$work/out.txt" 2>&1; then
    cat "$work/out.txt" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

file="$work/sqlite/xiaoan.db"
echo "Filling $n hazards on SQLite in $work …" >&2
t_fill=$(seconds "$cli" --database "$file" demo --schools 40 --hazards "$n")
size=$(du -m "$file" | cut -f1)

echo "Moving them to PostgreSQL …" >&2
as_owner createdb ledger
t_move=$(seconds as_owner "$cli" --database "$server/ledger" migrate --from "$file" --to "$server/ledger")
as_owner "$cli" --database "$server/ledger" server setup >/dev/null
# The server's planner statistics and visibility map after a bulk load, as autovacuum
# would make them a while later.
as_owner psql -q -d ledger -c "VACUUM ANALYZE" >/dev/null
staff_password=$(as_owner "$cli" --database "$server/ledger" server add-staff bench_staff 2>/dev/null |
                 sed -n 's/^Password: //p')

echo "Timing the first screens ($runs runs each) …" >&2
"$screens" "$file" "$runs" > "$work/file.txt"
PGPASSWORD=$staff_password "$screens" "postgresql://bench_staff@localhost:${PGPORT:-5432}/ledger" "$runs" \
  > "$work/server.txt"

printf '\n%d hazards; SQLite file %d MiB; demo --hazards %.1f s; migrate to the server %.1f s\n\n' \
  "$n" "$size" "$t_fill" "$t_move"
printf '%-24s %12s %9s %12s %9s %8s\n' "first screen" "SQLite ms" "/ scan" "server ms" "/ scan" "rows"
scan_file=$(awk '$1 == "full-scan" { print $2 }' "$work/file.txt")
scan_server=$(awk '$1 == "full-scan" { print $2 }' "$work/server.txt")
while read -r name file_s rows; do
  server_s=$(awk -v name="$name" '$1 == name { print $2 }' "$work/server.txt")
  printf '%-24s %12.1f %9.3f %12.1f %9.3f %8d\n' "$name" \
    "$(echo "$file_s * 1000" | bc -l)" "$(echo "$file_s / $scan_file" | bc -l)" \
    "$(echo "$server_s * 1000" | bc -l)" "$(echo "$server_s / $scan_server" | bc -l)" "$rows"
done < "$work/file.txt"
