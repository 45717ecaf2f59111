#!/bin/sh
# agreement-render.sh — agreement rendering figures, side by side in one run, each next to
# its anchor from reference/performance.md (issue 3):
#
#   1. one agreement as a whole `xiaoan-cli agreement render` process, against LibreOffice
#      converting the same agreement (HTML written by bench/agreement-html) when soffice is
#      installed: a ratio (bare Pango/Cairo 0.12×, goal 0.08×);
#   2. 100 schools into separate PDFs (goal < 3 s; a bare Cairo program takes 10.2 s);
#   3. PDF size per agreement (goal < 200 KB; bare Cairo 710 KB, LibreOffice 198 KB).
#
# Usage: bench/agreement-render.sh [BUILD_DIR] [RUNS]   (default: _build, 5)
# Uses hyperfine when installed, else the median of RUNS timed runs. Medians move by
# ±15 % on a shared machine: compare the ratios of one run, not figures across runs.

set -eu

build=${1:-_build}
runs=${2:-5}
cli="$build/src/xiaoan-cli"
html_helper="$build/bench/agreement-html"
n_schools=100

for program in "$cli" "$html_helper"; do
  if [ ! -x "$program" ]; then
    echo "agreement-render.sh: $program is missing; build first (ninja -C $build)" >&2
    exit 2
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/xiaoan-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export LC_ALL=C.UTF-8
export XIAOAN_DATA_DIR="$work/data"
unset LANGUAGE XIAOAN_OPERATOR || true

# Seconds, the median of $runs runs of "$@" (or hyperfine's median).
median_seconds () {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/hf.json" -- "$*" >/dev/null 2>&1
    # The "median" member of the one result.
    sed -n 's/.*"median": *\([0-9.e+-]*\).*/\1/p' "$work/hf.json" | head -n 1
    return
  fi
  "$@" >/dev/null 2>&1   # warm-up
  i=0
  while [ "$i" -lt "$runs" ]; do
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
    i=$((i + 1))
  done | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

kib () {
  echo $(( ($(stat -c %s "$1") + 512) / 1024 ))
}

echo "Preparing a demo district of $n_schools schools in $work …" >&2
"$cli" demo --schools "$n_schools" >/dev/null
"$cli" agreement generate --year 2021-2022 --all >/dev/null
code=$(LC_ALL=C.UTF-8 "$cli" agreement list --year 2021-2022 | awk -F '\t' 'NR == 1 { print $1 }')
school=$(LC_ALL=C.UTF-8 "$cli" agreement list --year 2021-2022 | awk -F '\t' 'NR == 1 { print $2 }')

# 1. One agreement, one copy, as a whole process.
one="$work/one.pdf"
t_one=$(median_seconds "$cli" agreement render --year 2021-2022 --school "$code" --copy school --out "$one")

t_lo=""
if command -v soffice >/dev/null 2>&1; then
  "$html_helper" "$school" > "$work/agreement.html"
  profile="file://$work/lo-profile"
  # A warm profile, as a user who has opened LibreOffice before has.
  soffice -env:UserInstallation="$profile" --headless --convert-to pdf:writer_pdf_Export \
          --outdir "$work/lo" "$work/agreement.html" >/dev/null 2>&1 || true
  t_lo=$(median_seconds soffice -env:UserInstallation="$profile" --headless \
         --convert-to pdf:writer_pdf_Export --outdir "$work/lo" "$work/agreement.html")
fi

# 2. The batch: every school into its own PDF, both copies (一式两份) in each file.
t_batch=$(median_seconds "$cli" agreement render --year 2021-2022 --all --out "$work/batch")
n_files=$(ls "$work/batch" | wc -l)
batch_kib=$(du -sk "$work/batch" | awk '{ print $1 }')
t_batch_one=$(median_seconds "$cli" agreement render --year 2021-2022 --all --copy school --out "$work/batch-school")

# 3. Sizes.
one_kib=$(kib "$one")

printf '\n%-58s %12s   %s\n' "Figure (this machine, $(nproc) cores, median of $runs)" "measured" "anchor (reference/performance.md)"
printf '%-58s %12s   %s\n' "------" "--------" "------"
printf '%-58s %10.3f s   %s\n' "1 agreement, whole xiaoan-cli process" "$t_one" "bare Pango/Cairo 0.233 s"
if [ -n "$t_lo" ]; then
  printf '%-58s %10.3f s   %s\n' "1 agreement, LibreOffice (soffice --convert-to pdf, warm)" "$t_lo" "1.5–2.1 s"
  printf '%-58s %10.3f ×   %s\n' "ratio xiaoan-cli / LibreOffice" \
         "$(echo "$t_one / $t_lo" | bc -l)" "bare Pango/Cairo 0.12 ×, goal 0.08 ×"
else
  printf '%-58s %12s   %s\n' "1 agreement, LibreOffice" "skipped" "soffice is not installed: no ratio"
fi
printf '%-58s %10.3f s   %s\n' "$n_files schools → $n_files PDFs, both copies per file" "$t_batch" "goal < 3 s; bare Cairo 10.2 s (one copy)"
printf '%-58s %10.3f s   %s\n' "$n_schools schools → $n_schools PDFs, school's copy only" "$t_batch_one" "goal < 3 s; bare Cairo 10.2 s"
printf '%-58s %10d KB   %s\n' "PDF size, 1 agreement (school's copy)" "$one_kib" "goal < 200 KB; bare Cairo 710 KB"
if [ -n "$t_lo" ] && [ -f "$work/lo/agreement.pdf" ]; then
  printf '%-58s %10d KB   %s\n' "PDF size, LibreOffice's conversion" "$(kib "$work/lo/agreement.pdf")" "198 KB"
fi
printf '%-58s %10d KB   %s\n' "PDF size per batch file (both copies)" "$((batch_kib / n_files))" "goal < 200 KB per agreement"
