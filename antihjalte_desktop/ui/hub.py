"""The shell's one change signal: whoever changed the data (a window here, a service, the command
line, a sync process), every view hears it here and re-reads what it shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeHub(QObject):
    plan_changed = Signal()  # days, checklists, passed-on tasks or reminder states
    team_changed = Signal()  # the team's days (the feed's index) or the sync's outcome
    settings_changed = Signal(str)  # a setting's key, after its new value was saved
    language_changed = Signal(str)  # "sv"/"en"; the new translator is installed
    holidays_loaded = Signal(int)  # a year's public holidays are ready
    reminders_changed = Signal()  # the waiting reminders changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.change_source: object | None = None  # who made the change being announced, if here

    def notify_plan_changed(self, source: object | None = None) -> None:
        """Announce a plan change; ``source`` (a window) may skip re-reading what it just wrote."""
        self.change_source = source
        try:
            self.plan_changed.emit()
        finally:
            self.change_source = None
