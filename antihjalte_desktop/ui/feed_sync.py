"""When the team feed syncs: shortly after start (once the tray is up), shortly after each
local change, every ``feed.sync_minutes``, on "Sync now", and after a failure when the
backoff in ``feed-status.json`` says so.

An app extension (see ``app.EXTENSIONS``): ``install(app)`` returns a :class:`FeedSync`.
The sync itself is ``app.sync_now()``, which runs ``antihjalte sync`` in a child process,
so file locks and network I/O never touch the UI thread. One single-shot timer, aimed at
the next moment; it never polls.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer

from antihjalte_desktop.errors import KnownError

log = logging.getLogger("antihjalte.feed.ui")

AFTER_START_MS = 10_000  # "shortly after start", once the tray is shown
AFTER_CHANGE_MS = 5_000  # a burst of clicks in the planner becomes one sync
MAX_TIMER_MS = 2**31 - 1


class FeedSync(QObject):
    def __init__(self, app: Any) -> None:
        super().__init__(app)
        self.app = app
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timer)
        self.syncs_started = 0
        app.plan_changed.connect(self._on_plan_changed)
        app.settings_changed.connect(self._on_settings_changed)
        app.sync_finished.connect(self._on_sync_finished)
        self._show_last_status()
        self.aim(AFTER_START_MS)

    # -- aiming ----------------------------------------------------------------------
    def aim(self, delay_ms: int) -> None:
        """Sync in ``delay_ms`` unless a sync is already due sooner."""
        delay_ms = max(0, min(int(delay_ms), MAX_TIMER_MS))
        if self.timer.isActive() and self.timer.remainingTime() <= delay_ms:
            return
        self.timer.start(delay_ms)

    def interval_ms(self) -> int:
        minutes = int(self.app.profile.settings.get("feed.sync_minutes"))
        return max(15, minutes) * 60_000

    def _status(self) -> Any:
        from antihjalte_desktop.feed.sync import read_status

        try:
            return read_status(self.app.profile.paths.data)
        except (OSError, ValueError):
            return None

    def _show_last_status(self) -> None:
        status = self._status()
        if status is not None and not status.in_sync and status.reason:
            self.app.set_sync_problem(status.reason)

    # -- slots -----------------------------------------------------------------------
    def _on_timer(self) -> None:
        self.syncs_started += 1
        self.app.sync_now()

    def _on_plan_changed(self) -> None:
        # A sync's own "the team may have changed" notice is a plan_changed too: only local
        # changes waiting in the outbox call for a sync, so that notice never loops.
        try:
            waiting = bool(self.app.profile.plan.outbox())
        except KnownError:  # a busy database: the periodic sync catches up
            log.warning("could not read the outbox; the next periodic sync will catch up")
            return
        if waiting:
            self.aim(AFTER_CHANGE_MS)

    def _on_settings_changed(self, key: str) -> None:
        if key.startswith("feed.") or key in ("me.name", "me.email", "team.roster"):
            self.timer.stop()
            self.aim(AFTER_CHANGE_MS)

    def _on_sync_finished(self, in_sync: bool) -> None:
        self.timer.stop()
        delay = self.interval_ms()
        if not in_sync:
            status = self._status()
            if status is not None and status.next_attempt:
                try:
                    when = datetime.fromisoformat(status.next_attempt)
                    delay = int((when - datetime.now(UTC)).total_seconds() * 1000)
                except ValueError:
                    pass
            delay = max(AFTER_CHANGE_MS, min(delay, self.interval_ms()))
        self.aim(delay)


def install(app: Any) -> FeedSync | None:
    if getattr(app, "self_test", False):
        return None  # the self-test checks the app, it does not touch the team feed
    return FeedSync(app)
