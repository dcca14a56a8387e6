#!/usr/bin/env bash
# Refresh the translations and the compiled Qt resources:
#   1. pyside6-lupdate collects every tr()/translate()/QT_TRANSLATE_NOOP string of the package into the .ts
#      (existing translations are kept; new strings come in as unfinished),
#   2. pyside6-lrelease builds the .qm that the app loads,
#   3. resources/update_messages.py refreshes the command line's gettext catalog (.po and .mo),
#   4. pyside6-rcc compiles icons and .qm into antihjalte_desktop/ui/resources.py, so a wheel, an editable
#      install and a PyInstaller bundle all carry them.
# Run it after changing UI text or icons, translate the unfinished entries (Qt Linguist:
# .venv/bin/pyside6-linguist resources/antihjalte_sv.ts), run it again and commit the .ts, .qm and resources.py.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${PYSIDE_BIN:-.venv/bin}
mapfile -t sources < <(find antihjalte_desktop -name '*.py' ! -name 'resources.py' | sort)
# A string whose code moved to another class keeps its translation (lupdate files it under the new
# context as new): the catalog as it was is the memory.
memory=$(mktemp --suffix=.ts)
memory_en=$(mktemp --suffix=.ts)
trap 'rm -f "$memory" "$memory_en"' EXIT
cp resources/antihjalte_sv.ts "$memory"
cp resources/antihjalte_en.ts "$memory_en"
"$BIN/pyside6-lupdate" -no-obsolete -locations none "${sources[@]}" -ts resources/antihjalte_sv.ts
"$BIN/python" resources/carry_translations.py "$memory" resources/antihjalte_sv.ts
"$BIN/pyside6-lrelease" -nounfinished resources/antihjalte_sv.ts -qm resources/antihjalte_sv.qm
# English is the source language; its .ts holds only the plural forms ("1 week", "4 weeks").
"$BIN/pyside6-lupdate" -no-obsolete -locations none -pluralonly -target-language en_GB "${sources[@]}" \
  -ts resources/antihjalte_en.ts
"$BIN/python" resources/carry_translations.py "$memory_en" resources/antihjalte_en.ts
"$BIN/pyside6-lrelease" -nounfinished resources/antihjalte_en.ts -qm resources/antihjalte_en.qm
"$BIN/python" resources/update_messages.py
"$BIN/pyside6-rcc" -g python --compress-algo zlib resources/antihjalte.qrc -o antihjalte_desktop/ui/resources.py
