#!/usr/bin/env bash
# build-aux/merge-translations.sh — gather file lists and translations into po/
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A developer's tool; no test runs it. Usage, from anywhere:
#
#   build-aux/merge-translations.sh [-l LIST]... [FRAGMENT.po]...
#
# 1. Rebuilds po/POTFILES.in: its current entries plus every path in each
#    LIST (one path a line, relative to the repository root), sorted and
#    unique; paths that do not exist are dropped with a warning.
# 2. Regenerates the template from the sources (build-aux/make-pot.sh).
# 3. Fills po/zh_CN.po: the given .po fragments first, then the current
#    po/zh_CN.po (msgcat --use-first: a fragment's translation wins), merged
#    with the template (msgmerge), obsolete entries dropped, header kept.
# 4. Runs check-potfiles.sh and check-translations.sh and reports.
#
# Without arguments it uses the working lists of the foundation issue:
# /tmp/{core,ui,lead}-POTFILES.txt and /tmp/{core,ui,lead}-zh_CN.po
# (the ones that exist).
set -euo pipefail

srcroot=$(cd "$(dirname "$0")/.." && pwd)
lang=zh_CN

lists=()
fragments=()
while [[ $# -gt 0 ]]; do
  case $1 in
    -l|--list)
      lists+=("$2")
      shift 2
      ;;
    -h|--help)
      awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
      exit 0
      ;;
    -*)
      echo "unknown option: $1" >&2
      exit 2
      ;;
    *)
      fragments+=("$1")
      shift
      ;;
  esac
done

if [[ ${#lists[@]} -eq 0 && ${#fragments[@]} -eq 0 ]]; then
  for f in /tmp/core-POTFILES.txt /tmp/ui-POTFILES.txt /tmp/lead-POTFILES.txt; do
    [[ -f $f ]] && lists+=("$f")
  done
  for f in /tmp/core-zh_CN.po /tmp/ui-zh_CN.po /tmp/lead-zh_CN.po; do
    [[ -f $f ]] && fragments+=("$f")
  done
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8

# 1. POTFILES.in
{
  grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$srcroot/po/POTFILES.in" || true
  for l in "${lists[@]}"; do
    grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$l" || true
  done
} | sed -e 's/[[:space:]]*$//' -e "s|^$srcroot/||" -e 's|^\./||' | LC_ALL=C sort -u > "$tmp/potfiles"

: > "$tmp/potfiles.kept"
while IFS= read -r f; do
  if [[ -f $srcroot/$f ]]; then
    echo "$f" >> "$tmp/potfiles.kept"
  else
    echo "warning: dropping $f from po/POTFILES.in: no such file" >&2
  fi
done < "$tmp/potfiles"
cp "$tmp/potfiles.kept" "$srcroot/po/POTFILES.in"
echo "po/POTFILES.in: $(wc -l < "$srcroot/po/POTFILES.in") files"

# 2. The template.
"$srcroot/build-aux/make-pot.sh" "$srcroot" "$tmp/xiaoan.pot"

# 3. The translations. The header entry of po/zh_CN.po goes first, so that it
# wins over the fragments' headers; a fragment without a charset gets one.
po="$srcroot/po/$lang.po"
awk 'BEGIN { blank = 0 } /^$/ { exit } { print }' "$po" > "$tmp/header.po"
inputs=("$tmp/header.po")
n=0
for frag in "${fragments[@]}"; do
  n=$((n + 1))
  if grep -q '^"Content-Type: text/plain; charset=' "$frag"; then
    cp "$frag" "$tmp/frag-$n.in.po"
  else
    { printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'; cat "$frag"; } > "$tmp/frag-$n.in.po"
  fi
  # Only real translations: an empty or fuzzy entry in a fragment must not
  # hide a good one further down.
  msgattrib --translated --no-fuzzy --no-obsolete -o "$tmp/frag-$n.po" "$tmp/frag-$n.in.po"
  inputs+=("$tmp/frag-$n.po")
  echo "fragment: $frag ($(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/frag-$n.in.po" 2>&1))"
done
inputs+=("$po")

msgcat --use-first -o "$tmp/combined.po" "${inputs[@]}"
msgmerge --quiet -o "$tmp/merged.po" "$tmp/combined.po" "$tmp/xiaoan.pot"
msgattrib --no-obsolete -o "$tmp/final.po" "$tmp/merged.po"
cp "$tmp/final.po" "$po"
echo "po/$lang.po: $(LC_ALL=C msgfmt --statistics -o /dev/null "$po" 2>&1)"

# 4. Report.
status=0
"$srcroot/build-aux/check-potfiles.sh" "$srcroot" || status=1
"$srcroot/build-aux/check-translations.sh" "$srcroot" || status=1
exit $status
