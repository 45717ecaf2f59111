#!/usr/bin/env bash
# build-aux/asan.sh — the unit suite under AddressSanitizer, leak detection on
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/asan.sh [TEST…]
#
# Builds _asan (-Db_sanitize=address -Db_lundef=false) and runs the unit suite, or
# the tests named, with LeakSanitizer and build-aux/lsan.supp. Run it before a change
# to memory handling lands; CI does not (on a 2-core machine the build alone takes
# about 2 minutes and the run 3 more, against the about 2 minutes CI could spare).
#
# Two passes. The first unwinds stacks by frame pointers, which is quick but stops at
# the first system library (GLib, Cairo, fontconfig are built without them), so a
# report names little and the suppressions, which name functions deep in a stack,
# cannot match. Each test that failed runs again with full unwinding, three times
# slower, whose result counts: its stacks name our function, and a leak that is not
# ours is suppressed. The last line is "N passed, N failed", counting test programs.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1

builddir=${XIAOAN_ASAN_BUILD_DIR:-_asan}
logdir=$builddir/meson-logs
python=$(command -v /usr/bin/python3 || command -v python3 || echo python3)

if [[ ! -f $builddir/build.ninja ]] &&
   ! meson setup "$builddir" -Db_sanitize=address -Db_lundef=false; then
  echo "0 passed, 1 failed"
  exit 1
fi
if ! ninja -C "$builddir"; then
  echo "0 passed, 1 failed"
  exit 1
fi

export LSAN_OPTIONS="suppressions=$PWD/build-aux/lsan.supp"

# The names of the tests of a meson JSON log that passed (ok) or did not (bad).
results ()
{
  [[ -f $2 ]] || return 0
  "$python" - "$1" "$2" <<'PY'
import json, sys
want_ok = sys.argv[1] == 'ok'
with open(sys.argv[2], encoding='utf-8') as f:
    for line in f:
        if line.strip():
            test = json.loads(line)
            if (test.get('result') in ('OK', 'EXPECTEDFAIL', 'SKIP')) == want_ok:
                # "xiaoan:unit / cli" → "cli", as meson test takes it
                print(test['name'].split(' / ')[-1])
PY
}

rm -f "$logdir/asan-fast.json" "$logdir/asan-full.json"

ASAN_OPTIONS=detect_leaks=1 \
  meson test -C "$builddir" --suite unit --logbase asan-fast "$@" > /dev/null
mapfile -t passed < <(results ok "$logdir/asan-fast.json")
mapfile -t again < <(results bad "$logdir/asan-fast.json")

failed=()
if [[ ${#again[@]} -gt 0 ]]; then
  echo "asan: again with full stacks: ${again[*]}"
  ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:malloc_context_size=16 \
    meson test -C "$builddir" --suite unit --timeout-multiplier 3 --print-errorlogs \
    --logbase asan-full "${again[@]}"
  mapfile -t -O "${#passed[@]}" passed < <(results ok "$logdir/asan-full.json")
  mapfile -t failed < <(results bad "$logdir/asan-full.json")
  # A test that did not even run the second time (a build error) still failed.
  if [[ ! -f $logdir/asan-full.json ]]; then
    failed=("${again[@]}")
  fi
fi

echo "${#passed[@]} passed, ${#failed[@]} failed"
[[ ${#failed[@]} -eq 0 ]]
