"""Public holidays for the UI: a year is computed in a worker thread the first time it is needed
(the ``holidays`` package is never imported on the UI thread), then read from the JSON cache."""

from __future__ import annotations

import logging
import threading
from datetime import date

from PySide6.QtCore import QObject, Signal

from antihjalte_desktop.core.workdays import Holiday
from antihjalte_desktop.store.holidays_cache import cache_file
from antihjalte_desktop.store.profile import Profile

log = logging.getLogger("antihjalte.holidays")


class Holidays(QObject):
    loaded = Signal(int)  # a year is ready (or failed: then it has no holidays, logged)
    _done = Signal(int, str)

    def __init__(self, profile: Profile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._years: set[int] = set()
        self._pending: set[int] = set()
        self._workers: list[threading.Thread] = []
        self._done.connect(self._on_done)

    def ready(self, year: int) -> bool:
        if year in self._years:
            return True
        country = str(self._profile.settings.get("holidays.country"))
        if cache_file(self._profile.paths.cache, country, year).exists():
            self._years.add(year)
            return True
        return False

    def holiday(self, day: date) -> Holiday | None:
        """``day``'s public holiday, or None (also while its year is still loading: never computed
        on the UI thread)."""
        if not self.ready(day.year):
            return None
        return self._profile.calendar.holiday(day)

    def calendar_ready(self) -> bool:
        """This year and the next are ready (a day's return date can fall in the next year)."""
        year = self._profile.today().year
        return self.ready(year) and self.ready(year + 1)

    def load(self, year: int) -> None:
        """Make ``year`` and the next ready."""
        for y in (year, year + 1):
            if self.ready(y) or y in self._pending:
                continue
            self._pending.add(y)
            calendar = self._profile.calendar  # built here, on the UI thread; the worker only fills it
            worker = threading.Thread(
                target=self._compute, args=(calendar, y), name=f"holidays-{y}", daemon=True
            )
            self._workers.append(worker)
            worker.start()

    def reset(self) -> None:
        """The country changed: forget what was loaded and load this year again."""
        self._profile.reset_calendar()
        self._years.clear()
        self.load(self._profile.today().year)

    def join(self, timeout: float = 5) -> None:
        for worker in self._workers:
            worker.join(timeout)

    def _compute(self, calendar: object, year: int) -> None:
        """Worker thread: computes one year; the result reaches the UI thread by a queued signal."""
        try:
            calendar.holidays(year)  # type: ignore[attr-defined]
            self._done.emit(year, "")
        except Exception as err:
            self._done.emit(year, str(err))

    def _on_done(self, year: int, error: str) -> None:
        self._pending.discard(year)
        self._workers = [w for w in self._workers if w.is_alive()]
        if error:
            log.warning("public holidays of %s: %s", year, error)
        self._years.add(year)  # on error the calendar has none for it; do not retry in a loop
        self.loaded.emit(year)
