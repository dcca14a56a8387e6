#!/usr/bin/env bash
# Sets up everything the test suite needs on a fresh Debian/Ubuntu machine and runs it.
#   bash tests/run.sh [pytest args...]
# System parts (Xvfb, a tray host, D-Bus, dunst, gnome-keyring, ...) come from apt when
# missing and we may install them (root, or sudo without a password); the tests start
# the servers they need themselves on loopback. Python parts go into .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(xvfb xauth x11-utils xdotool imagemagick trayer dbus dbus-x11 dunst libnotify-bin
  haskell-gtk-sni-tray-utils gnome-keyring desktop-file-utils appstream
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-image0 libegl1 libgl1 libfontconfig1 libdbus-1-3
  fonts-dejavu-core e2fsprogs poppler-utils at-spi2-core python3-pyatspi)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
  echo "tests/run.sh: installing system packages: ${missing[*]}"
  if $SUDO true 2>/dev/null; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "tests/run.sh: cannot install system packages (not root, no sudo); tests that need them will skip" >&2
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' 2>&1 | grep -v '^WARNING: Location' || true

echo "== ruff"
.venv/bin/ruff check antihjalte_desktop tests benchmarks
echo "== mypy (the whole package)"
.venv/bin/mypy
echo "== pytest"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
exec .venv/bin/python -m pytest "$@"
