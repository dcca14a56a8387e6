#!/usr/bin/env bash
# Builds Antihjälte.app and a .dmg on macOS (UNTESTED: written without a Mac).
#   bash packaging/macos/build-dmg.sh
# Needs Xcode command line tools (iconutil, hdiutil). The app is a menu-bar app
# (LSUIElement): no Dock icon; "start at login" writes ~/Library/LaunchAgents/se.antihjalte.desktop.plist.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q -e . pyinstaller
icon_svg=antihjalte_desktop/resources/icons/antihjalte.svg
if [ -f "$icon_svg" ] && command -v rsvg-convert >/dev/null; then
  set_dir=build/antihjalte.iconset; mkdir -p "$set_dir"
  for s in 16 32 64 128 256 512; do
    rsvg-convert -w $s -h $s "$icon_svg" > "$set_dir/icon_${s}x${s}.png"
    rsvg-convert -w $((s*2)) -h $((s*2)) "$icon_svg" > "$set_dir/icon_${s}x${s}@2x.png"
  done
  iconutil -c icns "$set_dir" -o packaging/macos/antihjalte.icns
fi
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/antihjalte.spec
hdiutil create -volname "Antihjälte" -srcfolder "dist/Antihjälte.app" -ov -format UDZO dist/antihjalte.dmg
echo "dist/antihjalte.dmg"
