#!/usr/bin/env bash
# Sets up Antihjälte Desktop in .venv and starts it (the embedded default: a local
# profile and a team feed file in that profile; no server needed).
#   bash packaging/start.sh [antihjalte args...]
# The install runs only when something it depends on changed: the stamp in .venv holds a hash of
# pyproject.toml, the Python used and the list of the package's files. The install is editable,
# so an edited module needs no reinstall; a new or removed one (or new dependencies) does.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
STAMP=.venv/antihjalte-install.stamp
[ -x .venv/bin/python ] || "$PY" -m venv .venv
want=$("$PY" - <<'EOF'
import hashlib, pathlib, sys
h = hashlib.sha256(pathlib.Path("pyproject.toml").read_bytes())
h.update(sys.version.encode())
for p in sorted(pathlib.Path("antihjalte_desktop").rglob("*")):
    if p.is_file() and "__pycache__" not in p.parts:
        h.update(str(p).encode() + b"\0")
print(h.hexdigest())
EOF
)
if [ -x .venv/bin/antihjalte ] && [ "$(cat "$STAMP" 2>/dev/null || true)" = "$want" ]; then
  echo "Antihjälte is up to date in .venv (no install needed)."
else
  echo "Installing Antihjälte into .venv…"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e . 2>&1 | grep -v '^WARNING: Location' || true
  [ -x .venv/bin/antihjalte ] || { echo "The install into .venv failed (see the messages above)." >&2; exit 1; }
  printf '%s\n' "$want" > "$STAMP"
fi
if [ "$(uname -s)" = Linux ] && [ -z "${QT_QPA_PLATFORM:-}" ] && [ -n "${DISPLAY:-}" ] \
   && [ -z "${WAYLAND_DISPLAY:-}" ] && command -v ldconfig >/dev/null \
   && ! ldconfig -p | grep -q libxcb-cursor.so.0; then
  echo "Qt needs libxcb-cursor0 on X11: sudo apt-get install libxcb-cursor0 (Debian/Ubuntu)" >&2
fi
exec .venv/bin/antihjalte "$@"
