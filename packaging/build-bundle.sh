#!/usr/bin/env bash
# Builds a one-folder PyInstaller bundle into dist/antihjalte/ and a tar.gz beside it,
# then smoke-tests it (--version, and --self-test offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e . pyinstaller 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/antihjalte.spec
version=$(.venv/bin/python -c 'from antihjalte_desktop import version; print(version())')
tarball="dist/antihjalte-${version}-$(uname -s | tr A-Z a-z)-$(uname -m).tar.gz"
tar -C dist -czf "$tarball" antihjalte
home=$(mktemp -d)
dist/antihjalte/antihjalte --version
QT_QPA_PLATFORM=offscreen dist/antihjalte/antihjalte --home "$home" --self-test
rm -rf "$home"
echo "bundle: dist/antihjalte ($(du -sh dist/antihjalte | cut -f1)), $tarball ($(du -sh "$tarball" | cut -f1))"
