#!/usr/bin/env bash
# build-aux/check-translations.sh — every language in po/LINGUAS is 100 % translated
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/check-translations.sh [SOURCE_ROOT]
#
# Extracts the strings of the current sources (po/POTFILES.in) into a
# temporary template, merges each po/LANG.po with it into a temporary file
# and fails if any message is untranslated or fuzzy, or if msgfmt --check
# finds an error (a format directive that does not match, a bad header).
# Nothing in the source tree is written.
set -euo pipefail

srcroot=$(cd "${1:-$(dirname "$0")/..}" && pwd)

for tool in xgettext msgmerge msgfmt msgattrib; do
  if ! command -v "$tool" > /dev/null; then
    echo "check-translations: $tool not found (Debian package: gettext)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$srcroot/build-aux/make-pot.sh" "$srcroot" "$tmp/xiaoan.pot"

status=0
langs=$(grep -v -e '^[[:space:]]*#' "$srcroot/po/LINGUAS" | tr -s '[:space:]' ' ')
for lang in $langs; do
  po="$srcroot/po/$lang.po"
  if [[ ! -f $po ]]; then
    echo "po/$lang.po: missing (listed in po/LINGUAS)"
    status=1
    continue
  fi

  if ! msgfmt --check -o /dev/null "$po"; then
    echo "po/$lang.po: msgfmt --check failed"
    status=1
  fi

  merged="$tmp/$lang.po"
  msgmerge --quiet --output-file="$merged" "$po" "$tmp/xiaoan.pot"

  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$merged" 2>&1) || status=1
  echo "po/$lang.po: $stats"

  # msgattrib keeps the header entry first; sed drops it.
  if grep -q 'untranslated' <<< "$stats"; then
    echo "po/$lang.po: untranslated against the current sources:"
    msgattrib --untranslated --no-obsolete "$merged" | sed '1,/^$/d'
    status=1
  fi
  if grep -q 'fuzzy' <<< "$stats"; then
    echo "po/$lang.po: fuzzy (a source string changed: check the translation, then drop the fuzzy flag):"
    msgattrib --only-fuzzy --no-obsolete "$merged" | sed '1,/^$/d'
    status=1
  fi
done

if [[ $status -ne 0 ]]; then
  echo "check-translations: FAILED (update po/*.po: build-aux/merge-translations.sh, then translate)"
fi
exit $status
