# tests/ui/xa_tap.py — TAP for the Python tests
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One "ok"/"not ok" line a case, its diagnostics under it, the plan at the end (meson and
# build-aux/test.sh count the lines).

import sys

results = []


def tap(ok, description, diagnostics=()):
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {description}")
    for line in diagnostics:
        print(f"# {line}")
    sys.stdout.flush()


def finish():
    """Prints the plan; the exit status for sys.exit."""
    print(f"1..{len(results)}")
    return 0 if all(results) else 1
