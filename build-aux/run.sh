#!/usr/bin/env bash
# build-aux/run.sh — set up, build and start Xiaoan from the build tree
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/run.sh [ARGS...]   (ARGS go to the app)
#
# Runs build-aux/setup.sh, then starts _build/src/xiaoan with the schemas and
# translations of the build tree, on the default database
# ($XDG_DATA_HOME/xiaoan/xiaoan.db, or XIAOAN_DATA_DIR when it is set).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD

build-aux/setup.sh

builddir=${XIAOAN_BUILD_DIR:-_build}
case $builddir in
  /*) ;;
  *) builddir=$root/$builddir ;;
esac

export GSETTINGS_SCHEMA_DIR=$builddir/data
export XIAOAN_LOCALEDIR=$builddir/po
# The app icon from the source tree, found through the hicolor theme.
export XDG_DATA_DIRS=$root/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}

# Xiaoan's users read Chinese: without a locale of the user's own (a fresh
# machine or container runs in C/POSIX), start it in zh_CN.UTF-8.
current=${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}
case $current in
  ""|C|C.*|POSIX) export LANG=zh_CN.UTF-8; unset LC_ALL LC_MESSAGES ;;
esac

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  echo "run: no DISPLAY or WAYLAND_DISPLAY: start it from a desktop session" >&2
fi

exec meson devenv -C "$builddir" -w "$root" "$builddir/src/xiaoan" "$@"
