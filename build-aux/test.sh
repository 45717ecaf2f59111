#!/usr/bin/env bash
# build-aux/test.sh — set up, build and run every test suite
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/test.sh
#
# Runs build-aux/setup.sh (packages, locale, build), then the unit and data
# suites, the pg suite on a temporary PostgreSQL cluster (pg_virtualenv), then
# the ui suite under its own Xvfb display and session bus. Its
# last line is always "N passed, N failed, N skipped", counted from meson's
# per-test results; a failed set-up or build counts as one failure. Exits
# non-zero if anything failed. The logs stay in _build/meson-logs/.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1

builddir=${XIAOAN_BUILD_DIR:-_build}
logdir=$builddir/meson-logs

python=$(command -v /usr/bin/python3 || command -v python3 || echo python3)

passed=0
failed=0
skipped=0

finish ()
{
  echo "$passed passed, $failed failed, $skipped skipped"
  [[ $failed -eq 0 ]]
  exit
}

# Adds the results of one meson test run, read from its JSON log (one object
# a line). A run that failed without reporting a failed test (a build error,
# a crash of meson itself) counts as one failure.
count ()
{
  local rc=$1 log=$2 counts p f s
  if [[ -f $log ]]; then
    counts=$("$python" - "$log" <<'PY'
import json, re, sys
# A TAP test counts each of its cases (ok / not ok lines); any other test counts
# once. A test that failed without a failing case (a crash after the last case,
# a timeout) adds one failure of its own.
ok = bad = skip = 0
case = re.compile(r'^(not ok|ok)\b(.*)$')
with open(sys.argv[1], encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if not line:
            continue
        try:
            test = json.loads(line)
        except ValueError:
            bad += 1
            continue
        result = test.get('result', '')
        cases = [case.match(l) for l in (test.get('stdout') or '').splitlines()]
        cases = [m for m in cases if m]
        if cases:
            n_bad = 0
            for m in cases:
                if m.group(1) == 'not ok':
                    n_bad += 1
                elif '# SKIP' in m.group(2).upper():
                    skip += 1
                else:
                    ok += 1
            bad += n_bad
            if result not in ('OK', 'EXPECTEDFAIL', 'SKIP') and n_bad == 0:
                bad += 1
        elif result in ('OK', 'EXPECTEDFAIL'):
            ok += 1
        elif result == 'SKIP':
            skip += 1
        else:
            # FAIL, TIMEOUT, ERROR, UNEXPECTEDPASS, INTERRUPT
            bad += 1
print(ok, bad, skip)
PY
) || counts="0 1 0"
  else
    counts="0 0 0"
  fi
  read -r p f s <<< "$counts"
  if [[ $rc -ne 0 && $f -eq 0 ]]; then
    f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
}

if ! build-aux/setup.sh; then
  echo "test: set-up or build failed" >&2
  failed=$((failed + 1))
  finish
fi

rm -f "$logdir/unit-data.json" "$logdir/pg.json" "$logdir/ui.json"

meson test -C "$builddir" --suite unit --suite data --print-errorlogs --logbase unit-data
count $? "$logdir/unit-data.json"

# The PostgreSQL engine against a real server: pg_virtualenv starts a temporary cluster
# (without fsync: nothing in it outlives the run), points libpq's environment at it,
# runs the suite and removes the cluster. The suite has a UI test (the database page's
# connection test), so it runs under a display and a session bus of its own too.
pg_virtualenv -t -o fsync=off \
  xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
  dbus-run-session -- \
  meson test -C "$builddir" --suite pg --print-errorlogs --logbase pg
count $? "$logdir/pg.json"

# xvfb-run sets DISPLAY before dbus-run-session starts the session bus, so the
# bus (and AT-SPI) know the display. -noreset: Xvfb otherwise resets when its last
# client leaves, and a program that connects in that moment (the a11y test's app,
# started right after the test before it exited) fails with "cannot open display".
xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
  dbus-run-session -- \
  meson test -C "$builddir" --suite ui --print-errorlogs --logbase ui
count $? "$logdir/ui.json"

finish
