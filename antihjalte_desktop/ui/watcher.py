"""Change from other processes: the CLI, a sync child process, a second window's store.

The app's own changes are announced by the services that make them. What another process
writes reaches this process only through the files, so a :class:`StoreWatcher` watches them
with the operating system's file notifications (inotify, FSEvents, ReadDirectoryChangesW via
``QFileSystemWatcher``) — never a polling timer, so an idle app stays asleep:

- the profile's data and config folders (a file created, removed or renamed over, as an
  atomic save does);
- the plan database and its WAL, the journal and its WAL, the settings file and the feed's
  status file (their contents modified).

A burst of notifications (one commit touches the WAL several times) is gathered by a short
single-shot timer, then each source is asked whether it really changed:

- the plan: ``PRAGMA data_version`` on the app's own connection, which moves only when
  *another* connection committed, so the app's own writes never come back as "external";
- the settings: read again, and only keys whose value differs are announced (by
  ``Settings.reload`` to its listeners);
- the journal and the feed status: their files' size and modification time (the journal
  window then asks its own connection's ``data_version``, so its own saves are not news).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger("antihjalte.watch")

GATHER_MS = 40  # a commit writes the WAL several times: one look after the burst

Stamp = tuple[int, int, int] | None


def _stamp(path: Path) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class StoreWatcher(QObject):
    """Announces what another process changed. Signals are past-tense facts, emitted on the
    thread that owns the watcher (the UI thread)."""

    plan_changed = Signal()
    journal_changed = Signal()
    feed_status_changed = Signal()

    def __init__(
        self,
        *,
        data_dir: Path,
        config_dir: Path,
        plan_file: Path,
        journal_file: Path,
        settings_file: Path,
        feed_status_file: Path,
        plan_version: Callable[[], int],
        reload_settings: Callable[[], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._plan_version = plan_version
        self._reload_settings = reload_settings
        self._settings_file = settings_file
        self._plan_files = (plan_file, plan_file.with_name(plan_file.name + "-wal"))
        self._journal_files = (journal_file, journal_file.with_name(journal_file.name + "-wal"))
        self._feed_status_file = feed_status_file
        self._files = [*self._plan_files, *self._journal_files, settings_file, feed_status_file]
        self._dirs = sorted({str(data_dir), str(config_dir)})
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_path_changed)
        self._watcher.directoryChanged.connect(self._on_path_changed)
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self.check)
        self._plan_seen = 0
        self._settings_seen: Stamp = None
        self._journal_seen: tuple[Stamp, Stamp] = (None, None)
        self._feed_seen: Stamp = None
        self.checks = 0  # how often it looked (tests: an idle app does not look)

    def start(self) -> None:
        """Take the current state as seen and start watching."""
        self._plan_seen = self._safe_plan_version()
        self._settings_seen = _stamp(self._settings_file)
        self._journal_seen = (_stamp(self._journal_files[0]), _stamp(self._journal_files[1]))
        self._feed_seen = _stamp(self._feed_status_file)
        self._watcher.addPaths(self._dirs)
        self._watch_files()

    def stop(self) -> None:
        self._gather.stop()
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)

    def _watch_files(self) -> None:
        """(Re)add the files that exist: a file replaced by a rename, or deleted and made again
        (the WAL), drops out of the OS watch."""
        have = set(self._watcher.files())
        missing = [str(p) for p in self._files if str(p) not in have and p.exists()]
        if missing:
            self._watcher.addPaths(missing)

    def _on_path_changed(self, _path: str) -> None:
        if not self._gather.isActive():
            self._gather.start()

    def _safe_plan_version(self) -> int:
        try:
            return self._plan_version()
        except Exception as err:  # a busy or vanished database: look again at the next change
            log.warning("could not read the plan's data version: %s", err)
            return self._plan_seen

    def check(self) -> None:
        """Ask each source whether it really changed, and say so."""
        self.checks += 1
        self._watch_files()
        version = self._safe_plan_version()
        if version != self._plan_seen:
            self._plan_seen = version
            log.info("the plan was changed by another process")
            self.plan_changed.emit()
        settings = _stamp(self._settings_file)
        if settings != self._settings_seen:
            self._settings_seen = settings
            self._reload_settings()  # announces the keys whose values changed
        journal = (_stamp(self._journal_files[0]), _stamp(self._journal_files[1]))
        if journal != self._journal_seen:
            self._journal_seen = journal
            self.journal_changed.emit()
        feed = _stamp(self._feed_status_file)
        if feed != self._feed_seen:
            self._feed_seen = feed
            self.feed_status_changed.emit()
