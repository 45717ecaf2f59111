#!/bin/sh
# demo-fill.sh — how fast `xiaoan-cli demo --hazards N` fills the ledger on SQLite (issue
# 11: a million hazards in about a minute), beside the anchor of
# ../shared/reference/performance.md measured in the same run: a million hazard-like
# rows (about 40 Chinese characters of description each) inserted in one transaction
# with the sqlite3 shell, 2.4 s on the reference machine.
#
# The demo does much more per hazard than the anchor's row: the hazard with its nine
# indexes and the count trigger, its three or four steps, about 29 grams for the
# search of one- and two-character terms, and an audit image (38 column digests and
# the image's SHA-256) in a signed chain. The ratio says how many anchor inserts one
# demo hazard costs, and stays comparable between runs on a shared machine where the
# seconds do not.
#
# Times are CPU (user + system) of each process, less disturbed than wall time when
# other builds share the cores; wall time is printed beside. The runs alternate
# between the two, and the medians are printed.
#
# Usage: bench/demo-fill.sh [BUILD_DIR] [N] [RUNS]   (default: _build, 100000, 3)
# Below 100,000 the making of the district (schools, staff) weighs in the figure.
#
# Figures of 2026-12-07 on the 2-core virtual machine shared with other builds (load
# average 5 to 15), CPU seconds of `demo --hazards`, user + system:
#                                      100,000 (paired runs)     1,000,000
#   before (main at 98e0dd7)           32.7                      282 (the run)
#   images from values, sorted grams   25.7                      240.4 (a run beside the pg suite)
#   anchor, 1,000,000 rows             1.4 to 1.6
# Later the same day (hazard-fill), the machine at load average 6 to 12, so that the
# same binary varies by a fifth between runs; side by side in the same hour:
#                                      100,000 (2 pairs)         1,000,000 (1 run each)
#   before (main at 845e550)           18.3, 18.5                221.5 CPU, 831 s wall
#   step 23, grams and images made in
#   the other thread, one write <= 100k 17.1, 20.7               203.8 CPU, 459 s wall
#   the whole million in one write     -                         245.1 CPU, 842 s wall
# The one write (indexes and counts made after the rows) was 14.7 against 21.0 at
# 100,000 in a quiet hour, but past the 256 MiB bulk cache its pages are spilled to the
# log one by one and read back: 74.4 against 65.9 for a write a batch at 300,000, so
# the demo took it only up to 100,000 hazards.
# 2026-12-07, a quiet machine (load average 1; the same binary still varies by a third
# between runs, as the host's other guests come and go), `demo --hazards 1000000`:
#                                      wall s     CPU s (user + system)
#   main at 15ed24a (a write a batch)  118.2      164.5
#   the one write at any size, with a
#   rollback journal; fewer copies     95.5       141.5   (139.6 and 210.9 in a slow hour)
# With a rollback journal the pages the write spills go straight into the file, once;
# with WAL they went into the log, were read back and copied into the file at COMMIT.
# Where the 95.5 s go: the two threads run side by side for 78 s, the one that writes
# busy 75 s of them (its hazards with three unique keys, about four steps and 29 grams
# each, and the images), the one that makes the hazards 49 s; then the six indexes and
# the counts made from the million rows 13.6 s, COMMIT 1.9 s, ANALYZE 2.5 s.
# The ratio demo hazard / anchor row is about 160 × today; a minute for the million is
# 25 ×. Where the rest goes (perf, 40,000 hazards): the hazard's INSERT a third (its nine
# indexes, the count trigger, and the CHECKs' IN lists, for which SQLite 3.40 builds a
# table of its own on every row: two per hazard, one per step), making the hazards and
# their steps in the other thread a sixth, the images' digests 8 %, the grams 7 % each
# to make and to write, COMMIT 9 %.
# 2026-12-07, later (load average 1.5; main at 890e00b took 114.2, 123.4 and 142.4 s
# that afternoon), `demo --hazards 1000000`, per thread by getrusage(RUSAGE_THREAD) in a
# build with timing prints that is not committed:
#                                      wall s   maker CPU s   writer CPU s   batches s
#   main at 890e00b                    142.4    88.8          102.2          116.6
#   grams from a memo of words, labels
#   translated only for a refusal, one
#   text pass, gram arrays kept        79.3     59.5          54.2           62.3
#                                      88.9     61.8          55.7           64.4
# After the batches: the six indexes and the counts 13.6 to 18.9 s, ANALYZE 2.3 to 3.9 s.
# A run with no grams written at all (an experiment) left the writer 41 s of CPU for a
# million: the rows of hazard_gram are most of what remains of it, and a postings form
# of that table (a row per gram and run of hazards) is the next step. In the thread
# that makes the hazards, the images (22 s: each one's 1.4 KB buffer makes glibc gather
# its freed small blocks first) and the steps through the workflow (27 s with the
# hazard itself) remain. Tried and dropped: a 2 GiB cache for the write (104.4 and
# 100.6 s against 105.0 and 82.6), the six indexes kept row by row (writer 115 s),
# GLIBC_TUNABLES=glibc.malloc.mxfast=0 (no gain), batches of 2,000 (within the noise).
# 2026-12-07 (stop 28), `demo --hazards 1000000`, per thread as above; the same binary
# still varies by a sixth between runs as the host's other guests come and go:
#                                      wall s   maker CPU s   writer CPU s   batches s
#   main at eb07ad3                    83.0     39.1          63.7           64.7
#                                      89.6     57.3          68.2           71.8
#   images' texts in an arena, counts
#   kept, steps check changed columns,
#   no printf                          90.0     35.2          70.3           71.3
#                                      70.9     39.9          55.3           56.8
#   grams of all batches written once
#   at the end (8.8 s), index's order  59.3     30.9          35.7           37.0
#   ... their gram bound once a
#   statement (grams 9.3 s)            63.8     30.8          39.0           40.9
# The committed build without the prints, at 52188f0: 61.8 and 69.3 s wall, peak
# 1,081 MiB (the grams wait in memory, 16 bytes each); half an hour later, the host
# busier, 76.3 and 84.4 s, and this script 72.7 s wall, 111.6 s CPU, 108 x the anchor
# (1.03 s CPU in the same run). The grams waiting in 8 bytes each instead (ids of 32
# bits), alternating with that build: 75.5 and 56.3 s against 58.5 and 69.3, peak
# 823 MiB against 1,081. After the batches: grams 8.8 to
# 9.3 s, the six indexes and the counts 9.2 to 9.4 s, COMMIT 1.7 s, ANALYZE 2.1 to
# 2.3 s: 22 s on one core while the other waits. The writing thread is now the
# hazards' rows (their three unique keys, four steps each) and the audit images (1.3 GB
# of the 3 GB file); the indexes after it are the same rows read six times. Tried and
# dropped this time: the grams kept by the making thread instead (it became the one
# waited for: 41 to 46 s), PRAGMA threads for the indexes, analysis_limit (stat1 far
# from the true counts), secure_delete off (no change).
# 2026-12-07 (stop 29), `demo --hazards 1000000`, per thread as above, a fresh machine
# whose first 3 GB written cost 9 s of the kernel's time against 2 s for the next:
#                                      wall s   maker CPU s   writer CPU s   batches s
#   main at 10cd881 (no prints)        61.8, 62.5, 61.4
#   grams' hazards in blocks, through
#   one INSERT … SELECT; arenas reused 56.4     34.9          32.9           36.3
#   hazard_gram's stat1 from the grams
#   (ANALYZE 2.3 -> 0.95 s)            58.8     35.9          34.6           37.8
#   a step in place, undone if refused 60.8     30.9          35.5           36.7
#     (the same build, as the host    59.0     31.4          35.3           36.6
#      quietened)                     57.3     29.0          34.2           35.1
#                                      55.2     27.7          33.5           34.2
#                                      51.0     27.9          31.5           32.2
# After the batches: grams 8.1 to 11 s, the six indexes and the counts 8.4 to 10 s,
# COMMIT 1.2 to 1.9 s, ANALYZE 0.95 s. This script at 28a36a2, 3 runs: median 58.4 s
# wall, 85.1 s CPU, 79.5 x the anchor's CPU (1.07 s CPU, 1.31 s wall in the same runs);
# a minute on the reference machine is 25 x, so the million still has to halve.
# Tried and dropped: the six indexes kept during the insert (batches 49 s, the writer
# 14 s more for 9.7 s saved), the grams' postings kept by the thread that makes the
# hazards (it became the one waited for: batches 37.6 s), binding texts with their
# GRefString's length (g_atomic_rc_box_get_size() cost more than strlen()), a
# connection without SQLite's mutex (1.3 s, but its safety rests on every caller
# keeping to the store's lock: not taken), PRAGMA threads with a smaller cache for the
# index builds (slower in the shell), sync_file_range() to start the file's writeback
# after the batches (COMMIT 1.7 -> 1.25 s, but the grams and indexes slower: 56.4 and
# 56.3 s against 55.3 and 55.4 s, alternating).
# 2026-12-07 (stop 30), `demo --hazards 1000000`, wall (user + system CPU), the builds
# alternating in the same hour:
#   main at ca64234, 4 KiB pages          56.6 (80.1), 50.3 (72.5)
#   pages of 16 KiB in a new file         48.1 (71.4), 44.9 (66.6)   sys 8.1 and 6.2 s
#                                                                    against 11.9 and 10.4
#   ... hazards and steps of a batch in
#   one statement each                    41.4 (60.0), 42.4 (61.2)   against 44.7 (66.4)
#   ... xiaoan-cli linked with jemalloc   34.1 (47.7), 34.6 (48.0)   against 42.3 (61.4)
# With 4 KiB pages a tenth of the time was the kernel's, a pwrite() per page spilled
# from the cache; with jemalloc the making thread lost the quarter of its time that
# glibc's allocator took (malloc_consolidate, unsorted bins) for the small blocks made
# and freed batch by batch. The two threads are now even (about 17 s of CPU each for
# the batches), and the 16 s after them run on one core: the grams 7.4 s, the six
# indexes 7.6 s (1.0 to 1.5 s each), COMMIT and ANALYZE about 1.5 s. This script at
# 08925ac, 3 runs: median 40.0 s wall, 57.3 s CPU, anchor 1.25 s wall and 0.98 s CPU in
# the same runs: 32 x the anchor's wall, where a minute on the reference machine is
# 25 x. Tried and dropped: PRAGMA threads = 2 with a 32 MiB cache for the index builds
# (7.6 s either way), glibc's tunables instead of jemalloc (trim threshold and top pad
# 44.9 s, one arena 50.9 s).
# Later (5ebe99a: image lines in one write, a write's images in one statement), in a
# quieter hour: 31.2, 31.4, 32.5 and 33.3 s, user + system 45 to 48 s. This script at
# the same commit: median 42.2 s wall and 56.7 s CPU, anchor 1.29 s wall. The gap is the
# kernel's: a run whose 3 GB of page cache comes from a file deleted just before spends
# about 3 s in the kernel, one that needs memory the machine has not used lately 8 to
# 10 s (32.7 s against 39.6 s for the same binary, minutes apart). By the anchor, 24 to
# 33 x; a minute on the reference machine is 25 x. This script at 04d1d48 in a quieter
# hour: 3 runs, median 33.65 s wall and 47.7 s CPU, anchor 1.51 s wall (22.3 x); 5 runs,
# median 32.44 s wall and 46.3 s CPU, anchor 1.29 s wall (25.1 x).

set -eu

build=${1:-_build}
n=${2:-100000}
runs=${3:-3}
case $build in
  /*) ;;
  *) build=$(pwd)/$build ;;
esac

for value in "$n" "$runs"; do
  case $value in
    ''|*[!0-9]*)
      echo "demo-fill.sh: N and RUNS must be numbers" >&2
      exit 2 ;;
  esac
done

cli="$build/src/xiaoan-cli"
if [ ! -x "$cli" ]; then
  echo "demo-fill.sh: $cli is missing; build first (ninja -C $build)" >&2
  exit 2
fi
for tool in sqlite3 awk; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "demo-fill.sh: $tool is missing" >&2
    exit 2
  fi
done
if [ ! -x /usr/bin/time ]; then
  echo "demo-fill.sh: /usr/bin/time is missing (Debian package time)" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/xiaoan-demo-fill-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"
export LC_ALL=C.UTF-8
unset LANGUAGE XIAOAN_DATA_DIR XIAOAN_DATABASE XIAOAN_OPERATOR XIAOAN_AUDIT_KEY_FILE || true

# Prints "cpu wall" in seconds of the command, which must succeed.
measure () {
  if ! /usr/bin/time -f '%U %S %e' -o "$work/time.txt" "$@" >"$work/out.txt" 2>&1; then
    cat "$work/out.txt" >&2
    exit 1
  fi
  awk '{ printf "%.3f %.3f\n", $1 + $2, $3 }' "$work/time.txt"
}

# The anchor: the store's settings (WAL, synchronous FULL), one transaction.
anchor_sql="PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
CREATE TABLE hazard (id INTEGER PRIMARY KEY, school INTEGER NOT NULL, year INTEGER NOT NULL,
                     status TEXT NOT NULL, description TEXT NOT NULL);
BEGIN;
WITH RECURSIVE i (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM i WHERE k < 1000000)
INSERT INTO hazard (school, year, status, description)
  SELECT k % 300, 2017 + k % 5, 'pending',
         '教学楼二楼东侧走廊配电箱门锁损坏电线裸露学生经常经过存在较大安全隐患已口头提醒第' || k || '号'
  FROM i;
COMMIT;"

: > "$work/demo.txt"
: > "$work/anchor.txt"
for run in $(seq 1 "$runs"); do
  echo "Run $run of $runs: demo --hazards $n, then the anchor …" >&2
  rm -rf "$work/demo" "$work/anchor.db" "$work/anchor.db-wal" "$work/anchor.db-shm"
  mkdir -p "$work/demo"
  measure "$cli" --data-dir "$work/demo" demo --hazards "$n" >> "$work/demo.txt"
  measure sqlite3 "$work/anchor.db" "$anchor_sql" >> "$work/anchor.txt"
done

median () {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

demo_cpu=$(cut -d' ' -f1 "$work/demo.txt" | median)
demo_wall=$(cut -d' ' -f2 "$work/demo.txt" | median)
anchor_cpu=$(cut -d' ' -f1 "$work/anchor.txt" | median)
anchor_wall=$(cut -d' ' -f2 "$work/anchor.txt" | median)

awk -v n="$n" -v dc="$demo_cpu" -v dw="$demo_wall" -v ac="$anchor_cpu" -v aw="$anchor_wall" -v runs="$runs" 'BEGIN {
  printf "\nmedians of %d runs; CPU = user + system\n\n", runs
  printf "%-38s %10s %10s %14s\n", "", "CPU s", "wall s", "CPU s per 1M"
  printf "%-38s %10.2f %10.2f %14.1f\n", "xiaoan-cli demo --hazards " n, dc, dw, dc * 1000000 / n
  printf "%-38s %10.2f %10.2f %14.1f\n", "anchor: 1,000,000 rows, one INSERT", ac, aw, ac
  printf "\ndemo hazard / anchor row (CPU): %.1f ×; at this rate a million demo hazards take %.0f s of CPU\n",
         (dc / n) / (ac / 1000000), dc * 1000000 / n
  printf "(the reference machine inserts the anchor in 2.4 s: a minute for the million is 25 ×)\n"
}'
