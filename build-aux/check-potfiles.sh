#!/usr/bin/env bash
# build-aux/check-potfiles.sh — po/POTFILES.in lists every file with translatable strings
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/check-potfiles.sh [SOURCE_ROOT]
#
# As Papers' and Epiphany's checks: every file under src/, data/ and
# resources/ that marks a string for translation must be listed in
# po/POTFILES.in (or po/POTFILES.skip). Also fails when POTFILES.in names a
# file that does not exist, or is not sorted (LC_ALL=C sort order).
set -euo pipefail

srcroot=$(cd "${1:-$(dirname "$0")/..}" && pwd)
cd "$srcroot"

export LC_ALL=C

listed=$(mktemp)
needed=$(mktemp)
trap 'rm -f "$listed" "$needed"' EXIT

{
  grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' po/POTFILES.in || true
  if [[ -f po/POTFILES.skip ]]; then
    grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' po/POTFILES.skip || true
  fi
} | sort -u > "$listed"

dirs=()
for d in src data resources; do
  [[ -d $d ]] && dirs+=("$d")
done

{
  # C: _(), N_(), C_(), NC_() and the gettext family, not foo_() or a macro name.
  find "${dirs[@]}" -type f \( -name '*.c' -o -name '*.h' \) -print0 |
    xargs -0 -r grep -l -E '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)[[:space:]]*\(|(^|[^A-Za-z0-9_])(g_d?c?n?gettext|g_dpgettext2?|n?gettext|dc?n?gettext)[[:space:]]*\(' || true
  # GtkBuilder: translatable properties and strings.
  find "${dirs[@]}" -type f \( -name '*.ui' -o -name '*.ui.in' \) -print0 |
    xargs -0 -r grep -l -E 'translatable="(yes|true|1)"' || true
  # GSettings schemas with summaries or descriptions.
  find "${dirs[@]}" -type f \( -name '*.gschema.xml' -o -name '*.gschema.xml.in' \) -print0 |
    xargs -0 -r grep -l -E '<(summary|description)' || true
  # Desktop files and metainfo are translated as a whole.
  find "${dirs[@]}" -type f \( -name '*.desktop.in' -o -name '*.desktop.in.in' \
    -o -name '*.metainfo.xml.in' -o -name '*.metainfo.xml.in.in' \) -print || true
} | sed 's|^\./||' | sort -u > "$needed"

status=0

missing=$(comm -23 "$needed" "$listed")
if [[ -n $missing ]]; then
  echo "These files have translatable strings but are not listed in po/POTFILES.in:"
  while IFS= read -r f; do echo "  $f"; done <<< "$missing"
  status=1
fi

entries=$(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' po/POTFILES.in || true)

while IFS= read -r f; do
  if [[ -n $f && ! -f $f ]]; then
    echo "po/POTFILES.in lists a file that does not exist: $f"
    status=1
  fi
done <<< "$entries"

if [[ -n $entries ]] && ! sort -u -c <<< "$entries" 2> /dev/null; then
  echo "po/POTFILES.in is not sorted or lists a file twice (LC_ALL=C sort -u); expected:"
  sort -u <<< "$entries" | sed 's/^/  /'
  status=1
fi

if [[ $status -eq 0 ]]; then
  echo "po/POTFILES.in: complete ($(wc -l < "$needed") files with translatable strings)"
fi
exit $status
