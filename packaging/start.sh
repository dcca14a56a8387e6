#!/usr/bin/env bash
# Sets up Antihjälte Desktop in .venv and starts it (the embedded default: a local
# profile and a team feed file in that profile; no server needed).
#   bash packaging/start.sh [antihjalte args...]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e . 2>&1 | grep -v '^WARNING: Location' || true
if [ "$(uname -s)" = Linux ] && [ -z "${QT_QPA_PLATFORM:-}" ] && command -v ldconfig >/dev/null \
   && ! ldconfig -p | grep -q libxcb-cursor.so.0; then
  echo "Qt needs libxcb-cursor0 on X11: sudo apt-get install libxcb-cursor0 (Debian/Ubuntu)" >&2
fi
exec .venv/bin/antihjalte "$@"
