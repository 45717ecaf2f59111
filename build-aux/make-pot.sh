#!/usr/bin/env bash
# build-aux/make-pot.sh — extract the translatable strings listed in po/POTFILES.in
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/make-pot.sh SOURCE_ROOT OUTPUT.pot
#
# Writes the same template as `ninja -C _build xiaoan-pot` (the xgettext
# arguments of meson's i18n "glib" preset), but to any path, so that checks
# never write into po/. xgettext 0.21 reads C, GtkBuilder .ui (ITS rules from
# libgtk-4-dev), .desktop.in.in, .metainfo.xml.in.in (ITS rules from appstream)
# and .gschema.xml (ITS rules from libglib2.0-dev) in one run.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 SOURCE_ROOT OUTPUT.pot" >&2
  exit 2
fi

srcroot=$(cd "$1" && pwd)
out=$2

list=$(mktemp)
trap 'rm -f "$list"' EXIT

# POTFILES.in may hold comments and blank lines; xgettext -f would take a
# blank line for a file name.
grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$srcroot/po/POTFILES.in" > "$list" || true

xgettext \
  --package-name=xiaoan \
  --msgid-bugs-address=https://github.com/xiaoan/xiaoan/issues \
  --force-po \
  --directory="$srcroot" \
  --files-from="$list" \
  --output="$out" \
  --from-code=UTF-8 \
  --add-comments \
  --keyword=_ \
  --keyword=N_ \
  --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format \
  --flag=C_:2:pass-c-format \
  --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format \
  --flag=g_print:1:c-format \
  --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format \
  --flag=g_sprintf:2:c-format \
  --flag=g_snprintf:3:c-format
