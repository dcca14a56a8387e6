"""The app's own icons, compiled into :mod:`antihjalte_desktop.ui.resources` (see
``resources/update_translations.sh``), so they load from any install: wheel, editable or bundle."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QIcon


class TrayState(StrEnum):
    """What the tray icon shows; the first that applies wins (sync problem > reminder > focus > normal)."""

    NORMAL = "normal"
    FOCUS = "focus"  # today is your antihjälte day
    REMINDER = "reminder"  # a reminder waits
    SYNC_PROBLEM = "sync-problem"


_cache: dict[str, QIcon] = {}


def _load(name: str) -> QIcon:
    if name not in _cache:
        from antihjalte_desktop.ui import resources  # noqa: F401 - registers :/icons

        _cache[name] = QIcon(f":/icons/{name}.svg")
    return _cache[name]


def app_icon() -> QIcon:
    return _load("antihjalte")


def tray_icon(state: TrayState, *, symbolic: bool = False) -> QIcon:
    """The colour icon for ``state``, or its one-colour variant for monochrome panels."""
    return _load(f"tray-{state.value}" + ("-symbolic" if symbolic else ""))
