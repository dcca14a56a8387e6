"""The tray app's composition root: builds the services once and wires them to the UI.

``run(home, self_test, autostart)`` is what ``antihjalte`` (no subcommand) calls.

Start-up does as little as it can before the icon shows: the profile (settings, SQLite),
the translation, the tray icon and its menu. The planner, settings dialog, journal and
feed are imported when first opened; the ``holidays`` package never at start (the
holiday cache is JSON; a year missing from it is computed in a worker thread).

Hooks for the other parts of the app (all on the :class:`App` object, main thread only)
-------------------------------------------------------------------------------------
Signals
  ``plan_changed()``            the plan changed (a day planned/unplanned/edited here or by a hook).
  ``settings_changed(str)``     a setting changed (its key), after it was saved.
  ``language_changed(str)``     the UI language changed ("sv"/"en"); the new translator is installed.
  ``holidays_loaded(int)``      a year's public holidays are ready (``holidays_ready(year)`` is True).
  ``reminder_chosen(object)``   the user picked a waiting reminder in the tray menu (a core Reminder).
  ``sync_started()``, ``sync_finished(bool)``  the built-in "Sync now" began / ended (True: in sync).
Methods
  ``open_planner(day=None)``    show the planner (brought forward), optionally on ``day``.
  ``open_handover(day)``        the handover dialog of ``day``: ``ui/handover_dialog.py``'s
                                ``open_handover(app, day)`` when that module exists, else the planner
                                on ``day``.
  ``open_journal(day=None, prompts=None)``
                                ``ui/journal_window.py``'s ``open_journal(app, day=..., prompts=...)``;
                                the tray shows "Journal…" only when that module exists.
  ``open_settings()``, ``quit()``.
  ``set_autostart(enabled)``    start at login on or off (the ``app.autostart`` setting; App keeps the
                                login entry of store.autostart in step with it, whoever changes it).
  ``notify_plan_changed()``     call after changing the plan through ``app.profile`` yourself.
  ``set_waiting_reminders(reminders)``
                                the reminders that wait for the user (list of core ``Reminder``): the tray
                                shows the "reminder waiting" state and lists them in its menu; picking one
                                emits ``reminder_chosen`` (and, if nobody handles it, opens its handover or
                                journal). Pass ``[]`` when none waits.
  ``sync_now()``                "Sync now": the callback given to ``register_sync(callback)`` if a feed UI
                                registered one, else ``antihjalte sync`` in a child process (QProcess), whose
                                result sets or clears the sync problem. The tray shows "Sync now" while
                                ``sync_available()`` (the feed package is installed, or a callback is set).
  ``set_sync_problem(text)``    a sync problem to show (tray state + menu line); ``None`` clears it.
  ``notify(title, text)``       a plain message through the tray balloon (the reminder chain may replace it).
Extensions
  A module in ``EXTENSIONS`` that exists is imported once the tray (or fallback window) is shown, and its
  ``install(app) -> object`` is called; the result is kept in ``app.extensions[name]``. ``--self-test``
  installs them too and reports them (with ``app.self_test`` set: they check themselves but show
  nothing). ``ui/scheduler.py`` (reminders) and ``ui/feed_sync.py`` (team feed) plug in this way.
Attributes
  ``app.profile`` (store.profile.Profile), ``app.language``, ``app.secrets`` (passwords typed in the
  settings dialog, kept in memory only), ``app.tray`` (``ui.tray.Tray`` or None without a system tray),
  ``app.home`` (the ``--home`` it was started with, or None).

SIGTERM and SIGINT quit through ``App.quit`` and ``App.shutdown`` (edits saved, database closed).
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import SIGNAL, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from antihjalte_desktop import APP_ID, APP_NAME
from antihjalte_desktop.core.reminders import Reminder, ReminderKind, next_due
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.ui import icons
from antihjalte_desktop.ui.i18n import Translations, day_text
from antihjalte_desktop.ui.single_instance import SingleInstance

if TYPE_CHECKING:
    from antihjalte_desktop.ui.planner import PlannerWindow
    from antihjalte_desktop.ui.settings_dialog import SettingsDialog
    from antihjalte_desktop.ui.tray import Tray

log = logging.getLogger("antihjalte.app")

EXTENSIONS = ("antihjalte_desktop.ui.scheduler", "antihjalte_desktop.ui.feed_sync")
DESKTOP_ID = "se.antihjalte.Desktop"
MAX_TIMER_MS = 2**31 - 1


def _module_exists(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


class App(QObject):
    plan_changed = Signal()
    settings_changed = Signal(str)
    language_changed = Signal(str)
    holidays_loaded = Signal(int)
    reminder_chosen = Signal(object)
    sync_started = Signal()
    sync_finished = Signal(bool)  # in sync?
    team_changed = Signal()  # the team's days (the feed's index or sync status) changed
    _holiday_done = Signal(int, str)

    def __init__(
        self, qapp: QApplication, profile: Profile, *, has_tray: bool | None = None, home: str | None = None
    ) -> None:
        super().__init__()
        self.qapp = qapp
        self.profile = profile
        self.secrets: dict[str, str] = {}
        self.extensions: dict[str, Any] = {}
        self.self_test = False  # set by --self-test
        self.translations = Translations()
        self.language = self.profile.language()
        self.translation_loaded = self.translations.apply(self.language)
        self.icon: QIcon = icons.app_icon()
        self.has_tray = QSystemTrayIcon.isSystemTrayAvailable() if has_tray is None else has_tray
        self.tray: Tray | None = None
        self.planner: PlannerWindow | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.waiting: list[Reminder] = []
        self.sync_problem: str | None = None
        self.sync_callback: Callable[[], None] | None = None
        self.home = home  # the --home the app was started with (passed on to `antihjalte sync`)
        self._sync_process: Any = None
        self.change_source: object | None = None
        self._banner_shown = False
        # The tray names this week's hero; at start-up only once the icon is up (reading the team
        # imports the feed's modules: ~10 ms that the icon need not wait for).
        self._team_in_tray = True
        self._holiday_years: set[int] = set()
        self._holiday_pending: set[int] = set()
        self._workers: list[threading.Thread] = []
        self._signal_sockets: tuple[Any, ...] = ()  # see _quit_on_signals
        self.watcher: Any = None  # ui.watcher.StoreWatcher once started
        self._holiday_done.connect(self._on_holiday_done)
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._on_midnight)
        self.profile.settings.subscribe(self._on_setting)
        qapp.setQuitOnLastWindowClosed(False)
        qapp.setWindowIcon(self.icon)

    # -- start -----------------------------------------------------------------------
    def start(self, *, show_planner: bool) -> None:
        """Show the tray icon (or the planner as main window when there is no tray)."""
        today = self.profile.today()
        self.load_holidays(today.year)
        self._team_in_tray = False
        if self.has_tray:
            from antihjalte_desktop.ui.tray import Tray

            self.tray = Tray(self)
            self.tray.show()
            if show_planner:
                self.open_planner()
        else:
            self.open_planner()
        self._aim_midnight()
        self._watch_store()

    def _watch_store(self) -> None:
        """What other processes change (the CLI, a sync process) reaches every view: see ui/watcher.py."""
        from antihjalte_desktop.ui.watcher import StoreWatcher

        paths = self.profile.paths
        watcher = StoreWatcher(
            data_dir=paths.data,
            config_dir=paths.config,
            plan_file=paths.db_file,
            journal_file=paths.journal_file,
            settings_file=paths.settings_file,
            feed_status_file=paths.feed_status_file,
            plan_version=self.profile.plan.data_version,
            reload_settings=self.profile.settings.reload,
            parent=self,
        )
        watcher.plan_changed.connect(self.notify_plan_changed)
        watcher.feed_status_changed.connect(self._on_feed_status_changed)
        watcher.start()
        self.watcher = watcher

    def _on_feed_status_changed(self) -> None:
        """A sync (ours or one run from the command line) wrote its status: show its outcome."""
        from antihjalte_desktop.feed.sync import read_status

        try:
            status = read_status(self.profile.paths.data)
        except (OSError, ValueError) as err:
            log.warning("could not read the sync status: %s", err)
            return
        if status is not None and self._sync_process is None:
            self.set_sync_problem(None if status.in_sync else (status.reason or None))
        self.team_changed.emit()

    def install_extensions(self) -> None:
        for name in EXTENSIONS:
            if name in self.extensions or not _module_exists(name):
                continue
            try:
                mod = importlib.import_module(name)
                self.extensions[name] = mod.install(self)
            except Exception:
                log.exception("extension %s failed to start", name)
                raise
        if not self._team_in_tray:
            self._team_in_tray = True
            self._refresh_tray()

    # -- services for the UI -----------------------------------------------------------
    def qlocale(self) -> Any:
        """The QLocale of the UI language, also made Qt's default (the windows call this when they open)."""
        from antihjalte_desktop.ui.i18n import apply_qlocale, qlocale

        apply_qlocale(self.language)
        return qlocale(self.language)

    def holidays_ready(self, year: int) -> bool:
        if year in self._holiday_years:
            return True
        from antihjalte_desktop.store.holidays_cache import cache_file

        country = str(self.profile.settings.get("holidays.country"))
        if cache_file(self.profile.paths.cache, country, year).exists():
            self._holiday_years.add(year)
            return True
        return False

    def load_holidays(self, year: int) -> None:
        """Make ``year`` and the next ready (a day's return date can fall in the next year)."""
        for y in (year, year + 1):
            if self.holidays_ready(y) or y in self._holiday_pending:
                continue
            self._holiday_pending.add(y)
            calendar = self.profile.calendar  # built here, on the UI thread; the worker only fills it
            worker = threading.Thread(
                target=self._compute_holidays, args=(calendar, y), name=f"holidays-{y}", daemon=True
            )
            self._workers.append(worker)
            worker.start()

    def _compute_holidays(self, calendar: Any, year: int) -> None:
        """Worker thread: computes one year (may import the ``holidays`` package); the result is
        reported to the UI thread through a queued signal."""
        try:
            calendar.holidays(year)
            self._holiday_done.emit(year, "")
        except Exception as err:
            self._holiday_done.emit(year, str(err))

    def _on_holiday_done(self, year: int, error: str) -> None:
        self._holiday_pending.discard(year)
        self._workers = [w for w in self._workers if w.is_alive()]
        if error:
            log.log(logging.WARNING, "public holidays of %s: %s", year, error)
        self._holiday_years.add(year)  # on error the calendar has none for it; do not retry in a loop
        self.holidays_loaded.emit(year)
        self._refresh_tray()

    def calendar_ready(self) -> bool:
        year = self.profile.today().year
        return self.holidays_ready(year) and self.holidays_ready(year + 1)

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("App", text, disambiguation, n)

    def status_line(self) -> str:
        """The tray's first menu line: today, overdue, or the next day."""
        today = self.profile.today()
        nxt = self.profile.next_day()
        if nxt is not None and nxt.day == today:
            return self.tr("Today is your antihjälte day")
        if self.calendar_ready():
            from antihjalte_desktop.core.cadence import CadenceState

            cad = self.profile.cadence()
            if cad.state is CadenceState.OVERDUE:
                return self.tr("Overdue by %n workday(s)", None, cad.overdue_workdays)
        if nxt is not None:
            return (
                self.tr("Next antihjälte day: %1 (week %2)")
                .replace("%1", day_text(nxt.day, self.language))
                .replace("%2", str(nxt.day.isocalendar().week))
            )
        return self.tr("No antihjälte day planned")

    def cadence_text(self) -> str:
        """The cadence in words, for the planner ("Next day due by …")."""
        from antihjalte_desktop.core.cadence import CadenceState

        if not self.calendar_ready():
            return "…"
        cad = self.profile.cadence()
        lang = self.language
        if cad.state is CadenceState.OFF:
            return self.tr("No cadence set (Settings → Cadence).")
        assert cad.due_by is not None
        due = day_text(cad.due_by, lang)
        every = self.tr("One antihjälte day every %n week(s).", None, cad.every_weeks)
        if cad.state is CadenceState.KEPT:
            assert cad.next_day is not None
            text = self.tr("Cadence kept: your next day, %1, is in time (due by %2).").replace(
                "%1", day_text(cad.next_day, lang)
            )
            return f"{every} {text.replace('%2', due)}"
        if cad.state is CadenceState.UNPLANNED:
            text = self.tr("Next day due by %1.")
            return f"{every} {text.replace('%1', due)}"
        if cad.state is CadenceState.LATE:
            assert cad.next_day is not None
            text = self.tr(
                "Your next day, %1, is %n workday(s) after the due date %2.", None, cad.overdue_workdays
            )
            return f"{every} {text.replace('%1', day_text(cad.next_day, lang)).replace('%2', due)}"
        text = self.tr("Overdue by %n workday(s): the next day was due by %1.", None, cad.overdue_workdays)
        return f"{every} {text.replace('%1', due)}"

    def tray_state(self) -> icons.TrayState:
        if self.sync_problem:
            return icons.TrayState.SYNC_PROBLEM
        if self.waiting:
            return icons.TrayState.REMINDER
        nxt = self.profile.next_day()
        if nxt is not None and nxt.day == self.profile.today():
            return icons.TrayState.FOCUS
        return icons.TrayState.NORMAL

    def tooltip(self) -> str:
        today = self.profile.today()
        nxt = self.profile.next_day()
        if nxt is None:
            line = self.tr("No antihjälte day planned")
        elif nxt.day == today:
            line = self.tr("Today is your antihjälte day")
        else:
            line = self.tr("Next antihjälte day: %1").replace("%1", day_text(nxt.day, self.language))
        hero = self.hero_of_week() if self._team_in_tray else None
        if hero is not None:
            line += "\n" + (
                self.tr("You are hero of the week")
                if hero.me
                else self.tr("Hero of the week: %1").replace("%1", hero.person)
            )
        if self.waiting:
            line += "\n" + self.tr("%n reminder(s) waiting", None, len(self.waiting))
        if self.sync_problem:
            line += "\n" + self.sync_problem
        return f"{APP_NAME}\n{line}"

    # -- team (the feed's index; SQLite reads only, never icalendar) ---------------------
    def team_synced(self) -> bool:
        """Has this profile ever synced a team feed? (Without one there is no team to show.)"""
        from antihjalte_desktop.feed.state import state_path

        return state_path(self.profile.paths.data).exists()

    def team_entries(self, start: date, end: date) -> list[Any] | None:
        """``feed.team.team_view`` for ``start``..``end`` (Entry: date, person, kind, me), or None
        when no feed was ever synced or the index cannot be read now (logged, never raised)."""
        if not self.team_synced():
            return None
        import sqlite3

        from antihjalte_desktop.errors import KnownError
        from antihjalte_desktop.feed.team import team_view

        try:
            return team_view(self.profile, start, end)
        except (KnownError, sqlite3.Error, OSError, ValueError) as err:
            log.warning("could not read the team view: %s", err)
            return None

    def team_issues(self, day: date, cover: str) -> list[Any]:
        """The team rules planning ``day`` with ``cover`` breaks (``feed.team.PlanIssue``); [] without
        a synced feed or when the index cannot be read."""
        if not self.team_synced():
            return []
        import sqlite3

        from antihjalte_desktop.errors import KnownError
        from antihjalte_desktop.feed.team import plan_issues

        try:
            return plan_issues(self.profile, day, cover)
        except (KnownError, sqlite3.Error, OSError, ValueError) as err:
            log.warning("could not check the team rules: %s", err)
            return []

    def hero_of_week(self, day: date | None = None) -> Any:
        """This week's hero (of ``day``'s week; a ``feed.team.Entry``, ``.me`` when it is the user),
        or None when nobody is known."""
        day = day or self.profile.today()
        monday = day - timedelta(days=day.weekday())
        for e in self.team_entries(monday, monday + timedelta(days=6)) or []:
            if e.kind == "hero":
                return self.as_me(e)
        return None

    def as_me(self, entry: Any) -> Any:
        """``entry`` (a ``feed.team.Entry``) with ``.me`` set when its person is the user by name
        (the feed's own events carry a name, not this profile)."""
        if entry.me:
            return entry
        import dataclasses

        from antihjalte_desktop.feed.team import _same_person

        return dataclasses.replace(
            entry, me=_same_person(entry.person, str(self.profile.settings.get("me.name")))
        )

    def hero_line(self) -> str:
        """The tray's line about this week's hero (whom quick tasks go to), or "" when none is known."""
        hero = self.hero_of_week() if self._team_in_tray else None
        if hero is None:
            return ""
        if hero.me:
            return self.tr("You are hero of the week – quick tasks come to you")
        return self.tr("Hero of the week: %1 – quick tasks go to them").replace("%1", hero.person)

    def reminder_text(self, rem: Reminder) -> str:
        day = day_text(rem.day, self.language)
        texts = {
            ReminderKind.HANDOVER: self.tr("Hand over before %1"),
            ReminderKind.START: self.tr("Your antihjälte day starts: %1"),
            ReminderKind.REFLECT: self.tr("Time to reflect on %1"),
            ReminderKind.RESTORE: self.tr("Take back what you passed on for %1"),
        }
        return texts[rem.kind].replace("%1", day)

    def journal_available(self) -> bool:
        return _module_exists("antihjalte_desktop.ui.journal_window")

    # -- hooks -------------------------------------------------------------------------
    def notify_plan_changed(self, *, source: object | None = None) -> None:
        self.change_source = source
        try:
            self.plan_changed.emit()
        finally:
            self.change_source = None
        self._refresh_tray()

    def set_waiting_reminders(self, reminders: list[Reminder]) -> None:
        self.waiting = list(reminders)
        self._refresh_tray()

    def register_sync(self, callback: Callable[[], None] | None) -> None:
        self.sync_callback = callback

    def sync_available(self) -> bool:
        """A feed can be synced: one registered its own action, or the feed package is installed."""
        return self.sync_callback is not None or _module_exists("antihjalte_desktop.feed.sync")

    def set_sync_problem(self, text: str | None) -> None:
        self.sync_problem = text or None
        self._refresh_tray()

    def sync_now(self) -> None:
        """Sync with the team feed: the registered action, else ``antihjalte sync`` in its own process
        (network and file locks never touch the UI thread); its result sets or clears the sync problem."""
        if self.sync_callback is not None:
            self.sync_callback()
            return
        if self._sync_process is not None:
            return  # one at a time
        from PySide6.QtCore import QProcess

        proc = QProcess(self)  # inherits our environment (ANTIHJALTE_HOME, ANTIHJALTE_NOW)
        proc.finished.connect(lambda code, _status: self._on_sync_finished(proc, code))
        self._sync_process = proc
        self.sync_started.emit()
        args = ["-m", "antihjalte_desktop", *(["--home", self.home] if self.home else []), "sync"]
        password = self.secrets.get("feed.password", "")  # typed this session (no keyring, say)
        if password:
            args.append("--password-stdin")  # stdin: never on a command line or in the environment
        proc.start(sys.executable, args)
        if password:
            proc.write((password + "\n").encode())
            proc.closeWriteChannel()

    def _on_sync_finished(self, proc: Any, code: int) -> None:
        self._sync_process = None
        err = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace")
        proc.deleteLater()
        if code == 0:
            self.set_sync_problem(None)
        else:
            lines = [ln.strip() for ln in err.splitlines() if ln.strip()]
            reason = lines[-1].removeprefix("antihjalte: ").removeprefix("not synced: ") if lines else ""
            self.set_sync_problem(reason or self.tr("the sync failed"))
        self.sync_finished.emit(code == 0)
        # The team's days may have changed what the planner shows and warns about. Not a plan
        # change: that would ask the feed's timer for another sync of a still-waiting outbox.
        self.team_changed.emit()
        self._refresh_tray()

    def notify(self, title: str, text: str) -> None:
        if self.tray is not None:
            self.tray.show_message(title, text)

    def choose_reminder(self, rem: Reminder) -> None:
        # PySide6's receivers() takes the signal's signature, not the signal object.
        if self.receivers(SIGNAL("reminder_chosen(PyObject)")) > 0:
            self.reminder_chosen.emit(rem)
            return
        if rem.kind in (ReminderKind.START, ReminderKind.REFLECT) and self.journal_available():
            self.open_journal(rem.day)
        else:
            self.open_handover(rem.day)

    # -- windows -----------------------------------------------------------------------
    def open_planner(self, day: date | None = None) -> PlannerWindow:
        if self.planner is None:
            from antihjalte_desktop.ui.planner import PlannerWindow

            self.planner = PlannerWindow(self)
            if not self.has_tray and not self._banner_shown:
                self._banner_shown = True
                self.planner.show_banner(
                    self.tr(
                        "No system tray was found, so Antihjälte runs in this window. "
                        "Closing it quits the app."
                    )
                )
        win = self.planner
        if day is not None:
            win.show_day(day)
        win.show()
        win.setWindowState(win.windowState() & ~win.windowState().WindowMinimized)
        win.raise_()
        win.activateWindow()
        return win

    def planner_closed(self) -> None:
        if not self.has_tray:
            self.quit()

    def open_handover(self, day: date) -> None:
        name = "antihjalte_desktop.ui.handover_dialog"
        if _module_exists(name):
            importlib.import_module(name).open_handover(self, day)
        else:
            self.open_planner(day)

    def open_journal(self, day: date | None = None, prompts: list[str] | None = None) -> None:
        name = "antihjalte_desktop.ui.journal_window"
        if _module_exists(name):
            importlib.import_module(name).open_journal(self, day=day, prompts=prompts)

    def open_settings(self) -> None:
        if self.settings_dialog is None:
            from antihjalte_desktop.ui.settings_dialog import SettingsDialog

            self.settings_dialog = SettingsDialog(self)
            self.settings_dialog.finished.connect(self._on_settings_finished)
        dlg = self.settings_dialog
        dlg.show()
        dlg.raise_()
        dlg.activateWindow()

    def _on_settings_finished(self, _result: int) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
            self.settings_dialog = None

    def open_about(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from antihjalte_desktop import version

        box = QMessageBox(
            QMessageBox.Icon.NoIcon, self.tr("About Antihjälte"), "", QMessageBox.StandardButton.Close
        )
        box.setIconPixmap(self.icon.pixmap(64, 64))
        box.setText(
            f"<b>{APP_NAME} {version()}</b><br>"
            + self.tr(
                "Plan protected antihjälte days for reflection, reading up, planning and analysis; pass on "
                "quick tasks; and keep your cadence."
            )
            + "<br><br>"
            + self.tr("Data of this profile: %1").replace("%1", str(self.profile.paths.data))
        )
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self._about = box

    def shutdown(self) -> None:
        """Delete windows and the tray before Python tears Qt down (avoids a crash at exit)."""
        from PySide6.QtCore import QCoreApplication, QEvent

        for worker in self._workers:
            worker.join(5)
        if self.tray is not None:
            self.tray.hide()
            self.tray.menu.deleteLater()
            self.tray.icon.deleteLater()
            self.tray = None
        for w in QApplication.topLevelWidgets():
            w.hide()
            w.deleteLater()
        self.planner = None
        self.settings_dialog = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.translations.remove()
        for sock in self._signal_sockets[:2]:
            sock.close()
        self._signal_sockets = ()
        self.profile.close()

    def quit(self) -> None:
        if self.planner is not None:
            self.planner._commit_edits()
        if self.tray is not None:
            self.tray.hide()
        self.qapp.quit()

    # -- settings and time ---------------------------------------------------------------
    def autostart(self) -> Any:
        """Start at login for this profile (store.autostart: XDG entry, HKCU Run key or LaunchAgent)."""
        from antihjalte_desktop.store.autostart import Autostart

        return Autostart(profile_home=self.home)

    def set_autostart(self, enabled: bool) -> None:
        """The tray's "Start at login" check box: the setting, which puts the entry in place."""
        self.profile.settings.set("app.autostart", enabled)

    def _apply_autostart(self, enabled: bool) -> None:
        try:
            self.autostart().set_enabled(enabled)
        except OSError as err:
            log.log(logging.WARNING, "start at login: %s", err)
            self.notify(APP_NAME, self.tr("Start at login could not be changed: %1").replace("%1", str(err)))

    def _on_setting(self, key: str, value: object) -> None:
        if key == "app.autostart":
            self._apply_autostart(bool(value))
        elif key == "ui.language":
            self.set_language(self.profile.language())
        elif key == "holidays.country":
            self.profile.reset_calendar()
            self._holiday_years.clear()
            self.load_holidays(self.profile.today().year)
            self.notify_plan_changed()
        elif key.split(".")[0] in ("cadence", "team", "me", "autoreply", "handover"):
            self.notify_plan_changed()
        self.settings_changed.emit(key)
        self._refresh_tray()  # the menu is rebuilt only when what it shows changed

    def set_language(self, lang: str) -> None:
        """Switch the UI language at once: the tray and an open planner change now, other windows
        when they are next opened."""
        if lang == self.language:
            return
        self.language = lang
        self.translation_loaded = self.translations.apply(lang)
        if self.planner is not None:
            old = self.planner
            visible = old.isVisible()
            day = old.calendar.selected_day()
            self.planner = None
            old._commit_edits()
            old.hide()
            old.deleteLater()
            if visible:
                self.open_planner(day)
        self.language_changed.emit(lang)
        self._refresh_tray()

    def _refresh_tray(self) -> None:
        if self.tray is not None:
            self.tray.refresh()

    def _aim_midnight(self) -> None:
        """One timer at the next midnight: the day's status (and the icon) change then."""
        now = self.profile.now()
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), now.tzinfo)
        ms = int((midnight - now).total_seconds() * 1000) + 1000
        self._midnight.start(max(1000, min(ms, MAX_TIMER_MS)))

    def _on_midnight(self) -> None:
        self.load_holidays(self.profile.today().year)
        self.notify_plan_changed()
        self._aim_midnight()

    # -- self-test -----------------------------------------------------------------------
    def self_test_report(self) -> list[str]:
        from antihjalte_desktop.store import db

        version = self.profile.plan.conn.execute("PRAGMA user_version").fetchone()[0]
        lines = [f"schema version: {version} (expected {db.SCHEMA_VERSION})"]
        if version != db.SCHEMA_VERSION:
            raise RuntimeError(f"database schema version {version}, expected {db.SCHEMA_VERSION}")
        if self.language == "sv":
            if not self.translation_loaded:
                raise RuntimeError("the Swedish translation (antihjalte_sv.qm) did not load")
            lines.append(f"translation: sv ({self.tr('No antihjälte day planned')!r} loaded)")
        else:
            lines.append("translation: en (the source language)")
        if self.tray is not None:
            g = self.tray.icon.geometry()
            where = f" ({g.width()}x{g.height()})" if g.isValid() and not g.isEmpty() else ""
            lines.append(f"tray: system tray, icon shown{where}, state {self.tray_state().value}")
        else:
            lines.append("tray: none: fallback window shown")
        for name in self.extensions:
            lines.append(f"extension: {name} installed")
        now = self.profile.now()
        if self.calendar_ready():
            nxt = next_due(self.profile.reminders(now), now)
            lines.append(
                f"next reminder: {nxt.effective_at:%Y-%m-%d %H:%M} {nxt.kind.value} for {nxt.day.isoformat()}"
                if nxt
                else "next reminder: none"
            )
        else:
            lines.append("next reminder: (public holidays still loading)")
        return lines


# -- running ------------------------------------------------------------------------------------
def _process_age_ms() -> float | None:
    """Milliseconds since this process started (Linux), so "ready in" includes the interpreter."""
    try:
        with open("/proc/self/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        start_ticks = int(fields[19])
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        return None


_T0 = time.perf_counter()


def _elapsed_ms() -> float:
    age = _process_age_ms()
    return age if age is not None else (time.perf_counter() - _T0) * 1000


def _make_qapp() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qapp = QApplication([APP_ID])  # argv[0] names the X11 window class
    qapp.setApplicationName(APP_ID)
    qapp.setOrganizationName(APP_ID)
    qapp.setDesktopFileName(DESKTOP_ID)
    return qapp


def _wait(qapp: QApplication, done: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.01)
    return done()


def run(home: str | None, self_test: bool = False, autostart: bool = False) -> int:
    """Start the tray app (or run its self-test); returns the exit code."""
    paths = Paths.resolve(home).ensure()
    qapp = _make_qapp()
    instance = SingleInstance(paths)
    if not self_test and not instance.acquire():
        if instance.forward():
            print(f"{APP_NAME} is already running for this profile: its planner is brought forward.")
            return 0
        sys.stderr.write("antihjalte: another instance holds this profile but does not answer\n")
        return 1
    profile = Profile(paths)
    app = App(qapp, profile, home=str(paths.data.parent) if home else None)
    if self_test:
        return _self_test(qapp, app)
    app.start(show_planner=not autostart)
    instance.activated.connect(lambda: app.open_planner())
    # After the icon shows: the file log, answering later starts, then the extensions.
    QTimer.singleShot(0, lambda: _after_start(app, instance, paths))
    code = qapp.exec()
    app.shutdown()
    instance.release()
    return int(code)


def _after_start(app: App, instance: SingleInstance, paths: Paths) -> None:
    from antihjalte_desktop.store.logs import setup_file_logging

    setup_file_logging(paths)
    _quit_on_signals(app)
    instance.listen()
    app.install_extensions()


def _quit_on_signals(app: App) -> None:
    """SIGTERM (log-out, shutdown) and SIGINT end the app cleanly: edits saved, the database closed.

    Python runs signal handlers only between bytecodes, and the Qt loop may sleep for hours; the
    signal's wake-up byte on a socket pair wakes it instead (no polling timer, no idle cost)."""
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    if os.name != "posix":
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda _sig, _frame: None)  # the wake-up byte does the work
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def on_signal() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        log.info("signal received: quitting")
        app.quit()

    notifier.activated.connect(lambda *_: on_signal())
    app._signal_sockets = (reader, writer, notifier)  # kept alive with the app


def _self_test(qapp: QApplication, app: App) -> int:
    app.self_test = True  # extensions check themselves but show nothing (no reminder is used up)
    try:
        app.start(show_planner=False)
        if app.tray is not None:
            tray = app.tray.icon
            if not _wait(qapp, tray.isVisible, 5):
                raise RuntimeError("the tray icon did not show")
            # An XEmbed tray embeds the icon a moment later; its geometry tells us it is there.
            _wait(qapp, lambda: not tray.geometry().isEmpty(), 2)
        else:
            win = app.planner
            assert win is not None
            if not _wait(
                qapp,
                lambda: win.isVisible() and bool(win.windowHandle()) and win.windowHandle().isExposed(),
                5,
            ):
                raise RuntimeError("the fallback window did not show")
        ready = _elapsed_ms()  # the icon (or window) is up; extensions start after it, as in a real start
        app.install_extensions()
        _wait(qapp, app.calendar_ready, 10)
        lines = app.self_test_report()
    except Exception as err:
        sys.stderr.write(f"self-test failed: {type(err).__name__}: {err}\n")
        app.shutdown()
        return 1
    for line in lines:
        print(line)
    print(f"ready in {ready:.0f} ms")
    sys.stdout.flush()
    app.quit()
    app.shutdown()
    return 0
