"""Which language a process speaks: ``ui.language`` from the profile's settings file, else the
system's. Read without the settings machinery (its schema costs ~25 ms to import), because the
command line asks this on every start; a file it cannot read means "the system's language" (the
command itself then reports what is wrong with the file)."""

from __future__ import annotations

import os
from pathlib import Path

MAX_SETTINGS_BYTES = 1024 * 1024  # a settings file with a long team list is a few KB (store.settings too)


def system_language() -> str:
    """Swedish for any sv locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, then the
    OS's), else English."""
    import locale

    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        val = os.environ.get(var)
        if val:
            return "sv" if val.lower().startswith("sv") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "sv" if loc.lower().startswith("sv") else "en"


def configured_language(settings_file: Path) -> str:
    """``ui.language`` as the file has it (``sv``/``en``), or ``""`` for unset or unreadable."""
    import json

    from antihjalte_desktop.store import safeio

    try:
        raw, _st = safeio.read_regular(settings_file, MAX_SETTINGS_BYTES, follow_symlinks=True)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return ""
    value = data.get("ui.language") if isinstance(data, dict) else None
    return value if value in ("sv", "en") else ""


def language(settings_file: Path) -> str:
    return configured_language(settings_file) or system_language()
