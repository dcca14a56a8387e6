#!/usr/bin/env bash
# Installs the desktop integration files for Antihjälte on Linux:
#   the .desktop launcher, AppStream metainfo, and the icons in the hicolor theme.
#   bash packaging/install-linux.sh [PREFIX]     (default: ~/.local; /usr for a distribution package,
#                                                  with DESTDIR=... for staging)
# The app itself is installed with pip (pip install .) or from the PyInstaller bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-$HOME/.local}
dest="${DESTDIR:-}$prefix/share"
id=se.antihjalte.Desktop
install -Dm644 packaging/$id.desktop "$dest/applications/$id.desktop"
install -Dm644 packaging/$id.metainfo.xml "$dest/metainfo/$id.metainfo.xml"
install -Dm644 resources/icons/antihjalte.svg "$dest/icons/hicolor/scalable/apps/$id.svg"
install -Dm644 resources/icons/antihjalte-symbolic.svg "$dest/icons/hicolor/symbolic/apps/$id-symbolic.svg"
if command -v rsvg-convert >/dev/null; then
  for s in 16 24 32 48 64 128 256; do
    mkdir -p "$dest/icons/hicolor/${s}x${s}/apps"
    rsvg-convert -w $s -h $s resources/icons/antihjalte.svg > "$dest/icons/hicolor/${s}x${s}/apps/$id.png"
  done
fi
if [ -z "${DESTDIR:-}" ]; then
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$dest/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$dest/icons/hicolor" || true
fi
echo "installed under $dest"
