#!/usr/bin/env bash
# build-aux/setup.sh — make a Debian 12 machine ready, then build Xiaoan
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/setup.sh [--no-build]
#
# 1. Installs the Debian packages that are missing (as root: apt-get; as
#    anyone else: prints the exact sudo command and exits 1).
# 2. Makes sure the zh_CN.UTF-8 locale exists (the UI tests run in it), and
#    en_US.UTF-8 (a document must print the same under it).
# 3. Configures _build (meson setup) if needed and builds it (ninja).
#
# Idempotent: when everything is present it only runs dpkg-query, locale
# and ninja. The build directory can be changed with XIAOAN_BUILD_DIR.
set -euo pipefail

cd "$(dirname "$0")/.."

build=1
case ${1:-} in
  --no-build) build=0 ;;
  "") ;;
  *) echo "usage: $0 [--no-build]" >&2; exit 2 ;;
esac

builddir=${XIAOAN_BUILD_DIR:-_build}

# Everything the build, the app, the tests and the screenshots need, by the
# name Debian 12 (bookworm) gives it.
packages=(
  # Build tools and compiler.
  meson ninja-build pkg-config gcc libc6-dev
  # Libraries.
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev sqlite3 libjson-glib-dev
  libpoppler-glib-dev libcairo2-dev libpango1.0-dev libfontconfig-dev libgnutls28-dev
  libpq-dev libsecret-1-dev
  # jemalloc: the allocator of xiaoan-cli, which makes the demo ledger (src/meson.build).
  libjemalloc-dev
  # ICU: Chinese names read as pinyin and sorted in pinyin order (src/core/util/xa-pinyin.c).
  libicu-dev
  # libexif: when a hazard's photo was taken and which way up it is
  # (src/core/util/xa-image-exif.c); gdk-pixbuf, which decodes the photos, comes with GTK.
  libexif-dev
  # qpdf: the library that splits a batch's PDF per school, and the tool the tests check
  # its files with (qpdf --check).
  libqpdf-dev qpdf
  # The hazard ledger's files: XLSX written by libxlsxwriter, read through libarchive (the
  # zip) and libxml2 (the sheet's XML) (src/core/hazards/xa-hazard-export.c, -import.c).
  libxlsxwriter-dev libarchive-dev libxml2-dev
  # Signed agreements and the archive (src/core/archive, src/document): GnuTLS signs and
  # verifies PDFs (above), libqrencode draws the pages' QR codes, zbar reads them back from
  # scans, libtiff opens multi-page TIFF scans; certtool makes the tests' throwaway
  # certificates and Poppler's pdfsig checks our signatures.
  libqrencode-dev libzbar-dev libtiff-dev gnutls-bin poppler-utils
  # certutil and pk12util: the NSS database with which the tests have pdfsig sign a
  # PDF itself, so that a signature made elsewhere is verified too.
  libnss3-tools
  # Translations, desktop integration and their validators.
  gettext desktop-file-utils appstream libglib2.0-bin libglib2.0-dev-bin
  # A PostgreSQL 15 server and pg_virtualenv, which runs the pg suite on a temporary
  # cluster it starts and removes.
  postgresql-15 postgresql-common
  # The keyring that holds the database server's password (libsecret talks to it), for
  # the tests' own session bus; secret-tool to look at it by hand.
  gnome-keyring libsecret-tools
  # Display, session bus and locale for the UI tests; gdb, with which a UI test that hangs
  # prints where each of its threads stands before it gives up (tests/xa-test-ui-utils.c).
  xvfb xauth dbus dbus-x11 locales gdb
  # Fonts of the documents and the UI (DESIGN.md §6).
  fonts-noto-cjk fonts-arphic-ukai fonts-lxgw-wenkai
  # PDF checks, accessibility-driven UI tests, screenshots.
  # xdotool: the AT-SPI test clicks the rows of a list, which have no action.
  poppler-utils python3-pyatspi at-spi2-core imagemagick xdotool
  # Icons and settings the app looks up at run time.
  adwaita-icon-theme hicolor-icon-theme gsettings-desktop-schemas
  # Benchmarks (bench/): gtk4-demo to compare start-up with, Xlib for the observer of
  # the first mapped window (bench/first-map.c), bc for the ratios.
  gtk-4-examples libx11-dev bc
)

locale_names=(zh_CN.UTF-8 en_US.UTF-8)

have_locale ()
{
  local name
  for name in "${locale_names[@]}"; do
    locale -a 2> /dev/null | grep -qix "${name%%.*}\\.utf-\\{0,1\\}8" || return 1
  done
}

# One dpkg-query call for all packages: "name status" per installed package.
declare -A installed=()
while read -r name status; do
  [[ $status == ii* ]] && installed[$name]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${packages[@]}" 2> /dev/null || true)

missing=()
for p in "${packages[@]}"; do
  [[ -n ${installed[$p]:-} ]] || missing+=("$p")
done

locale_missing=0
if ! command -v locale > /dev/null || ! have_locale; then
  locale_missing=1
fi

if [[ ${#missing[@]} -gt 0 || $locale_missing -eq 1 ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Xiaoan needs what is missing from this machine. Run, then try again:" >&2
    if [[ ${#missing[@]} -gt 0 ]]; then
      echo "sudo apt-get update"
      echo "sudo apt-get install -y --no-install-recommends ${missing[*]}"
    fi
    if [[ $locale_missing -eq 1 ]]; then
      for locale_name in "${locale_names[@]}"; do
        # shellcheck disable=SC2028 # the backslashes are for sed, printed as they are
        echo "sudo sed -i 's/^# *\\($locale_name UTF-8\\)/\\1/' /etc/locale.gen && (grep -q '^$locale_name UTF-8' /etc/locale.gen || echo '$locale_name UTF-8' | sudo tee -a /etc/locale.gen)"
      done
      echo "sudo locale-gen"
    fi
    exit 1
  fi

  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
  fi

  if ! have_locale; then
    echo "setup: generating the ${locale_names[*]} locales" >&2
    touch /etc/locale.gen
    for locale_name in "${locale_names[@]}"; do
      sed -i "s/^# *\\($locale_name UTF-8\\)/\\1/" /etc/locale.gen
      grep -q "^$locale_name UTF-8" /etc/locale.gen || echo "$locale_name UTF-8" >> /etc/locale.gen
    done
    locale-gen
    if ! have_locale; then
      echo "setup: the ${locale_names[*]} locales could not be generated" >&2
      exit 1
    fi
  fi
fi

[[ $build -eq 1 ]] || exit 0

if [[ ! -f $builddir/build.ninja ]]; then
  if [[ -d $builddir/meson-private ]]; then
    # A set-up that stopped half-way: start it again from scratch.
    meson setup --wipe "$builddir"
  else
    meson setup "$builddir"
  fi
fi

# ninja re-runs meson by itself when a meson.build changed.
ninja -C "$builddir"
