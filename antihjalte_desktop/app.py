"""The tray app's composition root: builds the services and the windows once and wires them.

``run(home, self_test, autostart)`` is what ``antihjalte`` (no subcommand) calls.

The shape (docs/architecture.md draws it):

- storage: ``store.profile.Profile`` (paths, settings, the plan database, the work calendar);
- services, Qt-free (``services/``): :class:`Planning` (every change of the plan, its undo
  stack), :class:`Team`, :class:`Autoreply`, the reminder schedule;
- the shell's own parts (``ui/``): one :class:`ChangeHub` that every view listens to, the
  :class:`StoreWatcher` that brings in what other processes changed, :class:`Holidays`,
  :class:`FeedSync`, the :class:`ReminderService` and its notifier, the :class:`WindowManager`,
  and the :class:`Tray`, whose menu is data rebuilt when the state changes.

Windows are given the services they use, never this object. ``App`` keeps the parts alive and
does what only the whole app can: start, switch language, open a window, quit.

Start-up does as little as it can before the icon shows: the profile (settings, SQLite), the
translation, the tray icon and its menu. The reminders, the feed's timer, the file log and the
single-instance server start right after; the planner, settings, journal and handover windows
when first opened; the ``holidays`` package never at start (the holiday cache is JSON; a year
missing from it is computed in a worker thread).

SIGTERM and SIGINT quit through ``App.quit`` and ``App.shutdown`` (edits saved, database closed).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from antihjalte_desktop import APP_ID, APP_NAME
from antihjalte_desktop.core.reminders import Reminder, next_due
from antihjalte_desktop.services.autoreply import Autoreply
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.services.team import Team
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.ui import icons
from antihjalte_desktop.ui.holidays import Holidays
from antihjalte_desktop.ui.hub import ChangeHub
from antihjalte_desktop.ui.i18n import Translations
from antihjalte_desktop.ui.single_instance import SingleInstance
from antihjalte_desktop.ui.tray import Tray, TrayView, tray_view
from antihjalte_desktop.ui.windows import WindowManager
from antihjalte_desktop.ui.wording import Wording

if TYPE_CHECKING:
    from antihjalte_desktop.core.journal import PromptKind
    from antihjalte_desktop.ui.feed_sync import FeedSync
    from antihjalte_desktop.ui.handover_dialog import HandoverDialog
    from antihjalte_desktop.ui.insights_window import InsightsWindow
    from antihjalte_desktop.ui.journal_window import JournalWindow
    from antihjalte_desktop.ui.planner import PlannerWindow
    from antihjalte_desktop.ui.scheduler import ReminderService
    from antihjalte_desktop.ui.settings_dialog import SettingsDialog
    from antihjalte_desktop.ui.watcher import StoreWatcher

log = logging.getLogger("antihjalte.app")

DESKTOP_ID = "se.antihjalte.Desktop"
MAX_TIMER_MS = 2**31 - 1
PLANNER, SETTINGS, JOURNAL, ABOUT, INSIGHTS = "planner", "settings", "journal", "about", "insights"
HELP, FIRST_RUN = "help", "first_run"


class App(QObject):
    """The running tray app: its parts, built once, and the few acts of the whole app."""

    def __init__(
        self,
        qapp: QApplication,
        profile: Profile,
        *,
        has_tray: bool | None = None,
        home: str | None = None,
        self_test: bool = False,
    ) -> None:
        super().__init__()
        self.qapp = qapp
        self.profile = profile
        self.home = home  # the --home the app was started with (passed on to `antihjalte sync`)
        self.self_test = self_test  # the self-test checks the app; it shows and syncs nothing
        self.translations = Translations()
        self.language = profile.language()
        self.translation_loaded = self.translations.apply(self.language)
        self.icon: QIcon = icons.app_icon()
        self.has_tray = QSystemTrayIcon.isSystemTrayAvailable() if has_tray is None else has_tray
        self.secrets: dict[str, str] = {}  # passwords typed in the settings dialog, this session only

        self.wording = Wording(self.language, self)
        self.hub = ChangeHub(self)
        self.holidays = Holidays(profile, self)
        self.team = Team(profile)
        self.planning = Planning(profile, self.team, on_change=self.hub.notify_plan_changed)
        self.autoreply = Autoreply(profile)
        self.windows = WindowManager()
        self.tray: Tray | None = None
        self.waiting: list[Reminder] = []
        self.reminders: ReminderService | None = None  # built once the icon shows
        self.feed_sync: FeedSync | None = None
        self._feed_sync_started = False
        self.watcher: StoreWatcher | None = None
        self._team_in_tray = False  # the hero line reads the feed's index: once the icon is up
        self._banner_shown = False
        self._signal_sockets: tuple[object, ...] = ()  # see _quit_on_signals

        self.holidays.loaded.connect(self.hub.holidays_loaded)
        for signal in (self.hub.plan_changed, self.hub.team_changed, self.hub.holidays_loaded):
            signal.connect(self._refresh_tray)
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._on_midnight)
        profile.settings.subscribe(self._on_setting)
        qapp.setQuitOnLastWindowClosed(False)
        qapp.setWindowIcon(self.icon)

    # -- start ---------------------------------------------------------------------------
    def start(self, *, show_planner: bool, first_run: bool = False) -> None:
        """Show the tray icon (or the planner as main window when there is no tray); with
        ``first_run``, the setup window too when the profile is new."""
        self.holidays.load(self.profile.today().year)
        if self.has_tray:
            self.tray = Tray(self._tray_view, self, self.icon, self)
            self.tray.show()
            if show_planner:
                self.open_planner()
        else:
            self.open_planner()
        self._aim_midnight()
        self._watch_store()
        if first_run and self.needs_first_run():
            self.open_first_run()

    def start_services(self) -> None:
        """Right after the icon shows: the reminders, the feed's sync and the hero line."""
        from antihjalte_desktop.ui import notify
        from antihjalte_desktop.ui.scheduler import ReminderService

        if self.reminders is None:
            notifier = notify.Notifier(lambda: self.tray.icon if self.tray is not None else None, parent=self)
            self.reminders = ReminderService(self.profile, notifier, self.profile.clock, parent=self)
            self.hub.plan_changed.connect(self.reminders.plan_changed)
            self.reminders.reminders_changed.connect(self._on_waiting)
            self.reminders.checklist_requested.connect(self._on_checklist_requested)
            self.reminders.journal_requested.connect(self._on_journal_requested)
            self.hub.holidays_loaded.connect(self._start_reminders)
            self.qapp.aboutToQuit.connect(notifier.close)
            self.qapp.aboutToQuit.connect(self.reminders.stop)
            self._start_reminders()
        if not self._feed_sync_started:
            self._feed_sync_started = True
            feed_sync = self._ensure_feed_sync()
            if not self.self_test:
                feed_sync.start()
        self._team_in_tray = True
        self._refresh_tray()

    def _ensure_feed_sync(self) -> FeedSync:
        """The feed's sync, built on first need (the planner shows it; it starts syncing by itself
        only from ``start_services``)."""
        if self.feed_sync is None:
            from antihjalte_desktop.ui.feed_sync import FeedSync

            self.feed_sync = FeedSync(
                self.profile, self.hub, home=self.home, password=self._typed_password, parent=self
            )
            self.feed_sync.problem_changed.connect(self._refresh_tray)
            self.feed_sync.status_changed.connect(self._refresh_tray)
            if self.watcher is not None:
                self.watcher.feed_status_changed.connect(self.feed_sync.status_file_changed)
        return self.feed_sync

    def _typed_password(self) -> str:
        return self.secrets.get("feed.password", "")

    def _start_reminders(self, *_: object) -> None:
        # The schedule needs the public holidays; they load in a worker at start-up. The
        # self-test builds the service but never starts it (no reminder is used up).
        if self.reminders is not None and not self.self_test and self.holidays.calendar_ready():
            self.reminders.start()

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
        watcher.plan_changed.connect(self.hub.notify_plan_changed)
        if self.feed_sync is not None:
            watcher.feed_status_changed.connect(self.feed_sync.status_file_changed)
        watcher.start()
        self.watcher = watcher

    # -- the tray --------------------------------------------------------------------------
    def _tray_view(self) -> TrayView:
        today = self.profile.today()
        snoozes = None
        if self.reminders is not None and self.waiting:
            now = self.profile.now()
            snoozes = {r.id: [k for k, _ in self.reminders.snooze_choices(r, now)] for r in self.waiting}
        sync = self.feed_sync
        return tray_view(
            today=today,
            next_day=self.planning.next_day(),
            cadence=self.planning.cadence() if self.holidays.calendar_ready() else None,
            hero=self.team.hero_of_week(today) if self._team_in_tray else None,
            waiting=self.waiting,
            sync_problem=sync.problem if sync is not None else None,
            autostart=bool(self.profile.settings.get("app.autostart")),
            words=self.wording,
            last_sync=sync.last_good_sync() if sync is not None else None,
            feed_set=sync.configured() if sync is not None else False,
            snoozes=snoozes,
        )

    def _refresh_tray(self, *_: object) -> None:
        if self.tray is not None:
            self.tray.refresh()

    def _on_waiting(self, reminders: list[Reminder]) -> None:
        self.waiting = list(reminders)
        self.hub.reminders_changed.emit()
        self._refresh_tray()

    def notify(self, title: str, text: str) -> None:
        """A plain message through the tray balloon."""
        if self.tray is not None:
            self.tray.show_message(title, text)

    # -- what the tray's entries do (ui.tray.TrayActions) -------------------------------------
    def open_next_handover(self) -> None:
        nxt = self.planning.next_day()
        self.open_handover(nxt.day if nxt else self.profile.today())

    def sync_now(self) -> None:
        if self.feed_sync is None:
            self.start_services()
        assert self.feed_sync is not None
        self.feed_sync.sync_now()

    def choose_reminder(self, reminder_id: str) -> None:
        self.reminder_action(reminder_id, "open")

    def reminder_action(self, reminder_id: str, action: str) -> None:
        """A button of a waiting reminder in the tray menu: the notification's own (open, snooze…, done)."""
        from antihjalte_desktop.ui import notify

        if self.reminders is None:
            return
        if action == notify.DONE:
            self.reminders.done(reminder_id)
        elif action in notify.SNOOZES:
            self.reminders.snooze(reminder_id, action)
        else:
            self.reminders.open(reminder_id)

    def set_autostart(self, enabled: bool) -> None:
        """The tray's "Start at login" check box: the setting, which puts the entry in place."""
        self.profile.settings.set("app.autostart", enabled)

    # -- windows -----------------------------------------------------------------------------
    def _qlocale(self) -> object:
        from antihjalte_desktop.ui.i18n import apply_qlocale, qlocale

        apply_qlocale(self.language)
        return qlocale(self.language)

    @property
    def planner(self) -> PlannerWindow | None:
        return self.windows.get(PLANNER)  # type: ignore[return-value]

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        return self.windows.get(SETTINGS)  # type: ignore[return-value]

    def open_planner(self, day: date | None = None) -> PlannerWindow:
        win = self.windows.show(PLANNER, self._make_planner)
        if day is not None:
            win.show_day(day)
        return win

    def _make_planner(self) -> PlannerWindow:
        from antihjalte_desktop.ui.planner import PlannerWindow

        win = PlannerWindow(
            planning=self.planning,
            team=self.team,
            holidays=self.holidays,
            hub=self.hub,
            settings=self.profile.settings,
            autoreply=self.autoreply,
            language=self.language,
            locale=self._qlocale(),  # type: ignore[arg-type]
            icon=self.icon,
            on_closed=self._on_planner_closed,
            feed_sync=self._ensure_feed_sync(),
            open_settings=self.open_settings_for_me,
        )
        if not self.has_tray and not self._banner_shown:
            self._banner_shown = True
            win.show_banner(
                self.tr(
                    "No system tray was found, so Antihjälte runs in this window. Closing it quits the app."
                )
            )
        return win

    def _on_planner_closed(self) -> None:
        if not self.has_tray:
            self.quit()

    def open_handover(self, day: date, reminder: Reminder | None = None) -> HandoverDialog:
        """The day's handover dialog (take-back mode once the day is over), brought forward if
        open; opened from a reminder it also offers "Snooze" and "Done" for it."""
        from PySide6.QtCore import Qt

        from antihjalte_desktop.ui.handover_dialog import HandoverDialog, for_reminder

        key = ("handover", day)
        if reminder is not None:
            self.windows.replace(key)  # the reminder's buttons belong on it

        def make() -> HandoverDialog:
            if reminder is not None:
                dlg = for_reminder(
                    self.planning, self.autoreply, self.profile.settings, reminder, self.reminders,
                    language=self.language, open_settings=self.open_settings_for_me,
                )  # fmt: skip
            else:
                dlg = HandoverDialog(
                    self.planning, self.autoreply, self.profile.settings, day,
                    language=self.language, restore=day < self.profile.today(),
                    open_settings=self.open_settings_for_me,
                )  # fmt: skip
                dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            self._follow_plan(dlg, dlg.reload)
            return dlg

        return self.windows.show(key, make)

    def _follow_plan(self, view: QObject, reload: Callable[[], None]) -> None:
        """``view`` re-reads the plan after every change it did not make itself."""

        def on_plan_changed() -> None:
            if self.hub.change_source is not view:
                reload()

        self.hub.plan_changed.connect(on_plan_changed)
        view.destroyed.connect(lambda *_: self.hub.plan_changed.disconnect(on_plan_changed))

    def open_journal(
        self, day: date | None = None, prompts: PromptKind | str | Sequence[str] | None = None
    ) -> JournalWindow:
        """The journal, on a new entry for ``day`` when one is given."""
        win: JournalWindow = self.windows.show(JOURNAL, self._make_journal, forward=day is None)
        if day is not None:
            win.open_new_entry(day, prompts)
        return win

    def _make_journal(self) -> JournalWindow:
        from antihjalte_desktop.ui.journal_window import JournalWindow

        p = self.profile
        win = JournalWindow(p.paths, p.settings, language=self.language, plan=p.plan, clock=p.clock)
        if self.watcher is not None:
            self.watcher.journal_changed.connect(win.store_touched)
        return win

    def open_settings_for_me(self) -> None:
        """Settings on the page where your name and usual cover are added."""
        self.open_settings().show_section("me")

    def open_insights(self) -> InsightsWindow:
        """The year as a picture: your days, reflections and the unit's days and hero weeks."""

        def make() -> InsightsWindow:
            from antihjalte_desktop.services.insights import InsightsService
            from antihjalte_desktop.ui.insights_window import InsightsWindow

            service = InsightsService(self.profile)
            win = InsightsWindow(service.insights, service.this_year(), self.language, self._qlocale())  # type: ignore[arg-type]
            for signal in (self.hub.plan_changed, self.hub.team_changed):
                signal.connect(win.refresh)
            win.destroyed.connect(lambda *_: self._disconnect_all(win.refresh))
            return win

        return self.windows.show(INSIGHTS, make)

    def _disconnect_all(self, slot: Callable[[], None]) -> None:
        import contextlib

        for signal in (self.hub.plan_changed, self.hub.team_changed):
            with contextlib.suppress(RuntimeError, TypeError, SystemError):  # the window is already gone
                signal.disconnect(slot)

    def open_settings(self) -> SettingsDialog:
        def make() -> SettingsDialog:
            from PySide6.QtCore import Qt

            from antihjalte_desktop.ui.settings_dialog import SettingsDialog

            self._qlocale()  # Qt's own formats in the UI language
            dlg = SettingsDialog(self.profile.settings, self.secrets, self.icon, self.language)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            return dlg

        return self.windows.show(SETTINGS, make)

    def needs_first_run(self) -> bool:
        from antihjalte_desktop.ui.first_run import is_new_profile

        g = self.profile.settings.get
        plan = self.profile.plan
        ever = bool(plan.day_dates()) or bool(plan.day_events())
        return is_new_profile(
            first_run_done=bool(g("ui.first_run_done")), name=str(g("me.name")), ever_planned=ever
        )

    def open_first_run(self) -> QWidget:
        """The setup window (not modal); also "Set up again…" from Help and About."""

        def make() -> QWidget:
            from antihjalte_desktop.ui.first_run import FirstRunWindow, sync_command

            return FirstRunWindow(
                self.profile.settings, self.team, self.profile.today,
                sync_args=sync_command(self.home), icon=self.icon,
            )  # fmt: skip

        return self.windows.show(FIRST_RUN, make)

    def open_help(self) -> QWidget:
        def make() -> QWidget:
            from antihjalte_desktop.ui.help_window import HelpWindow

            p = self.profile.paths
            win = HelpWindow(
                data_dir=p.data,
                config_dir=p.config,
                log_dir=p.logs,
                icon=self.icon,
                set_up_again=self.open_first_run,
            )
            win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            return win

        return self.windows.show(HELP, make)

    def open_about(self) -> QWidget:
        def make() -> QWidget:
            from antihjalte_desktop.ui.about_dialog import AboutDialog

            p = self.profile.paths
            dlg = AboutDialog(
                data_dir=p.data, log_dir=p.logs, has_tray=self.has_tray, icon=self.icon,
                set_up_again=self.open_first_run,
            )  # fmt: skip
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            return dlg

        return self.windows.show(ABOUT, make)

    def _close_journal(self) -> None:
        """Close the journal window with its database (what is typed is saved first)."""
        journal = self.windows.get(JOURNAL)
        if journal is not None:
            journal.close_store()  # type: ignore[attr-defined]
            self.windows.replace(JOURNAL)

    # -- reminders ---------------------------------------------------------------------------
    def _on_checklist_requested(self, rem: Reminder) -> None:
        self.open_handover(rem.day, rem)

    def _on_journal_requested(self, rem: Reminder) -> None:
        # "Open journal" opens the day's entry (intent in the morning, reflection later); the
        # reminder waits in the tray menu until it is marked done.
        from antihjalte_desktop.core.reminders import ReminderKind

        win: JournalWindow = self.windows.show(JOURNAL, self._make_journal)
        win.open_for_reminder(rem.day, "intent" if rem.kind is ReminderKind.START else "reflect")

    # -- settings, language and time -----------------------------------------------------------
    def _apply_autostart(self, enabled: bool) -> None:
        from antihjalte_desktop.store.autostart import Autostart

        try:
            Autostart(profile_home=self.home).set_enabled(enabled)
        except OSError as err:
            log.warning("start at login: %s", err)
            self.notify(APP_NAME, self.tr("Start at login could not be changed: %1").replace("%1", str(err)))

    def _on_setting(self, key: str, value: object) -> None:
        if key == "app.autostart":
            self._apply_autostart(bool(value))
        elif key == "ui.language":
            self.set_language(self.profile.language())
        elif key == "holidays.country":
            self.holidays.reset()
            self.hub.notify_plan_changed()
        elif key.split(".")[0] in ("cadence", "team", "me", "autoreply", "handover"):
            self.hub.notify_plan_changed()
        self.hub.settings_changed.emit(key)
        self._refresh_tray()  # the menu is rebuilt only when what it shows changed

    def set_language(self, lang: str) -> None:
        """Switch the UI language at once: the tray and an open planner change now, the journal
        (closed, its text saved) when it is next opened."""
        if lang == self.language:
            return
        self.language = self.wording.lang = lang
        self.translation_loaded = self.translations.apply(lang)
        planner = self.planner
        if planner is not None:
            visible = planner.isVisible()
            day = planner.calendar.selected_day()
            planner.commit_edits()
            self.windows.replace(PLANNER)
            if visible:
                self.open_planner(day)
        self._close_journal()  # it reopens in the new language
        for key in (INSIGHTS, HELP, ABOUT):
            self.windows.replace(key)
        settings = self.settings_dialog
        if settings is not None and settings.isVisible():
            # After the change that led here has been handled (it may come from this dialog).
            row, geometry = settings.sections.currentRow(), settings.saveGeometry()

            def reopen() -> None:
                self.windows.replace(SETTINGS)
                dlg = self.open_settings()
                dlg.restoreGeometry(geometry)
                dlg.sections.setCurrentRow(row)

            QTimer.singleShot(0, reopen)
        self.hub.language_changed.emit(lang)
        self._refresh_tray()

    def _aim_midnight(self) -> None:
        """One timer at the next midnight: the day's status (and the icon) change then."""
        now = self.profile.now()
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), now.tzinfo)
        ms = int((midnight - now).total_seconds() * 1000) + 1000
        self._midnight.start(max(1000, min(ms, MAX_TIMER_MS)))

    def _on_midnight(self) -> None:
        self.holidays.load(self.profile.today().year)
        self.hub.notify_plan_changed()
        self._aim_midnight()

    # -- quitting -------------------------------------------------------------------------------
    def quit(self) -> None:
        planner = self.planner
        if planner is not None:
            planner.commit_edits()
        if self.tray is not None:
            self.tray.hide()
        self.qapp.quit()

    def shutdown(self) -> None:
        """Delete windows and the tray before Python tears Qt down (avoids a crash at exit)."""
        from PySide6.QtCore import QCoreApplication, QEvent

        self.holidays.join(5)
        if self.watcher is not None:
            self.watcher.stop()
        if self.feed_sync is not None:
            self.feed_sync.stop()
        if self.tray is not None:
            self.tray.close()
            self.tray = None
        self._close_journal()
        self.windows.close_all()
        for w in QApplication.topLevelWidgets():
            w.hide()
            w.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.translations.remove()
        for sock in self._signal_sockets[:2]:
            sock.close()  # type: ignore[attr-defined]
        self._signal_sockets = ()
        self.profile.close()

    # -- self-test ---------------------------------------------------------------------------
    def self_test_report(self) -> list[str]:
        from antihjalte_desktop.services.reminders import schedule
        from antihjalte_desktop.store import db

        version = self.profile.plan.conn.execute("PRAGMA user_version").fetchone()[0]
        lines = [f"schema version: {version} (expected {db.SCHEMA_VERSION})"]
        if version != db.SCHEMA_VERSION:
            raise RuntimeError(f"database schema version {version}, expected {db.SCHEMA_VERSION}")
        if self.language == "sv":
            if not self.translation_loaded:
                raise RuntimeError("the Swedish translation (antihjalte_sv.qm) did not load")
            lines.append(f"translation: sv ({self.wording.tr('No antihjälte day planned')!r} loaded)")
        else:
            lines.append("translation: en (the source language)")
        if self.tray is not None:
            g = self.tray.icon.geometry()
            where = f" ({g.width()}x{g.height()})" if g.isValid() and not g.isEmpty() else ""
            state = self.tray.state.value if self.tray.state is not None else "?"
            lines.append(f"tray: system tray, icon shown{where}, state {state}")
        else:
            lines.append("tray: none: fallback window shown")
        lines.append(f"reminders: {'ready' if self.reminders is not None else 'not built'}")
        lines.append(f"feed sync: {'ready' if self.feed_sync is not None else 'not built'}")
        now = self.profile.now()
        if self.holidays.calendar_ready():
            nxt = next_due(schedule(self.profile, now), now)
            lines.append(
                f"next reminder: {nxt.effective_at:%Y-%m-%d %H:%M} {nxt.kind.value} for {nxt.day.isoformat()}"
                if nxt
                else "next reminder: none"
            )
        else:
            lines.append("next reminder: (public holidays still loading)")
        return lines

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("App", text, disambiguation, n)


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
    app = App(qapp, profile, home=str(paths.data.parent) if home else None, self_test=self_test)
    if self_test:
        return _self_test(qapp, app)
    app.start(show_planner=not autostart, first_run=not autostart)
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
    import logging

    log = logging.getLogger("antihjalte.settings")
    for problem in app.profile.settings.problems:  # read before the log existed
        log.warning("settings: %s", problem)
    _quit_on_signals(app)
    instance.listen()
    app.start_services()


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
        ready = _elapsed_ms()  # the icon (or window) is up; the services start after it, as in a real start
        app.start_services()
        _wait(qapp, app.holidays.calendar_ready, 10)
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
