"""The team feed's sync from the tray app: when it runs, how it runs, and what it found.

When: shortly after start (once the tray is up), shortly after each local change, every
``feed.sync_minutes``, on "Sync now", and after a failure when the backoff in
``feed-status.json`` says so. One single-shot timer, aimed at the next moment; it never polls.

How: ``antihjalte sync`` in a child process (QProcess), so file locks and network I/O never
touch the UI thread; a password typed this session (no keyring) goes to it on stdin.

What it found: ``problem`` (None when in sync), ``last_good_sync()`` (when the feed was last
read and written without trouble, local time) with ``status_changed`` whenever that may have
moved, and ``finished(in_sync)``; a finished sync, and
a sync status written by any other process (the watcher tells), are announced to every view as
``team_changed`` on the hub — not as a plan change, which would ask for another sync while a
failed sync's outbox still waits.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from antihjalte_desktop.errors import KnownError
from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.ui.hub import ChangeHub

if TYPE_CHECKING:
    from antihjalte_desktop.feed.sync import SyncStatus

log = logging.getLogger("antihjalte.feed.ui")

AFTER_START_MS = 10_000  # "shortly after start", once the tray is shown
AFTER_CHANGE_MS = 5_000  # a burst of clicks in the planner becomes one sync
MAX_TIMER_MS = 2**31 - 1
_SYNC_SETTINGS = ("me.name", "me.email", "team.roster")


class FeedSync(QObject):
    started = Signal()
    finished = Signal(bool)  # in sync?
    problem_changed = Signal()
    status_changed = Signal()  # feed-status.json was written: last_good_sync() may have moved

    def __init__(
        self,
        profile: Profile,
        hub: ChangeHub,
        *,
        home: str | None = None,
        password: Callable[[], str] = lambda: "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._hub = hub
        self._home = home  # the --home the app was started with (passed on to `antihjalte sync`)
        self._password = password
        self.problem: str | None = None
        self.syncs_started = 0
        self._process: QProcess | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timer)
        hub.plan_changed.connect(self._on_plan_changed)
        hub.settings_changed.connect(self._on_settings_changed)
        self._show_last_status()

    def start(self) -> None:
        """Begin syncing by itself: the first sync shortly, then on schedule."""
        self.aim(AFTER_START_MS)

    def stop(self) -> None:
        self.timer.stop()

    @property
    def running(self) -> bool:
        return self._process is not None

    # -- aiming ----------------------------------------------------------------------
    def aim(self, delay_ms: int) -> None:
        """Sync in ``delay_ms`` unless a sync is already due sooner."""
        delay_ms = max(0, min(int(delay_ms), MAX_TIMER_MS))
        if self.timer.isActive() and self.timer.remainingTime() <= delay_ms:
            return
        self.timer.start(delay_ms)

    def interval_ms(self) -> int:
        minutes = int(self._profile.settings.get("feed.sync_minutes"))
        return max(15, minutes) * 60_000

    def _status(self) -> SyncStatus | None:
        from antihjalte_desktop.feed.sync import read_status

        try:
            return read_status(self._profile.paths.data)
        except (OSError, ValueError):
            return None

    def configured(self) -> bool:
        """Is there a team feed to sync with?"""
        return bool(str(self._profile.settings.get("feed.location") or "").strip())

    def last_good_sync(self) -> datetime | None:
        """When the last sync that went well ended, in the profile's time zone (None: never)."""
        status = self._status()
        if status is None or not status.last_good_sync:
            return None
        try:
            when = datetime.fromisoformat(status.last_good_sync)
        except ValueError:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.astimezone(self._profile.zone)

    def _show_last_status(self) -> None:
        status = self._status()
        if status is not None and not status.in_sync and status.reason:
            self.set_problem(status.reason)

    # -- running -----------------------------------------------------------------------
    def sync_now(self) -> None:
        """Sync with the team feed now, in its own process; one at a time."""
        if self._process is not None:
            return
        self.syncs_started += 1
        proc = QProcess(self)  # inherits our environment (ANTIHJALTE_HOME, ANTIHJALTE_NOW)
        proc.finished.connect(lambda code, _status: self._on_process_finished(proc, code))
        self._process = proc
        self.started.emit()
        args = ["-m", "antihjalte_desktop", *(["--home", self._home] if self._home else []), "sync"]
        password = self._password()  # typed this session (no keyring, say)
        if password:
            args.append("--password-stdin")  # stdin: never on a command line or in the environment
        proc.start(sys.executable, args)
        if password:
            proc.write((password + "\n").encode())
            proc.closeWriteChannel()

    def set_problem(self, text: str | None) -> None:
        text = text or None
        if text != self.problem:
            self.problem = text
            self.problem_changed.emit()

    def status_file_changed(self) -> None:
        """A sync (ours, or one run from the command line) wrote its status: show its outcome."""
        if self._process is None:  # ours reports when its process ends
            status = self._status()
            if status is not None:
                self.set_problem(None if status.in_sync else (status.reason or None))
        self.status_changed.emit()
        self._hub.team_changed.emit()

    def _on_process_finished(self, proc: QProcess, code: int) -> None:
        self._process = None
        err = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace")
        proc.deleteLater()
        if code == 0:
            self.set_problem(None)
        else:
            from antihjalte_desktop.feed.sync import reason_of

            reason = reason_of(err)  # the child's words, in its language (the same ui.language)
            self.set_problem(reason or self.tr("the sync failed"))
        self.aim_after_sync(code == 0)
        self.status_changed.emit()
        self.finished.emit(code == 0)
        self._hub.team_changed.emit()  # the team's days may have changed what the planner shows

    # -- slots -----------------------------------------------------------------------
    def _on_timer(self) -> None:
        self.sync_now()

    def _on_plan_changed(self) -> None:
        # Only local changes waiting in the outbox call for a sync.
        try:
            waiting = bool(self._profile.plan.outbox())
        except KnownError:  # a busy database: the periodic sync catches up
            log.warning("could not read the outbox; the next periodic sync will catch up")
            return
        if waiting:
            self.aim(AFTER_CHANGE_MS)

    def _on_settings_changed(self, key: str) -> None:
        if key.startswith("feed.") or key in _SYNC_SETTINGS:
            self.timer.stop()
            self.aim(AFTER_CHANGE_MS)

    def aim_after_sync(self, in_sync: bool) -> None:
        """The next sync after one that ended: the interval, or the backoff after a failure."""
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
