"""The tray icon and its menu, rebuilt from the app's current state each time it opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from antihjalte_desktop.ui import icons

if TYPE_CHECKING:
    from antihjalte_desktop.app import App


class Tray(QObject):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self._app = app
        self.icon = QSystemTrayIcon(app)
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.menu.setToolTipsVisible(True)
        self.menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self._state: icons.TrayState | None = None
        self.refresh()
        self._rebuild()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    @property
    def state(self) -> icons.TrayState | None:
        return self._state

    def refresh(self) -> None:
        """Icon and tooltip from the app's state (the menu is rebuilt when it opens)."""
        state = self._app.tray_state()
        if state is not self._state:
            self._state = state
            self.icon.setIcon(icons.tray_icon(state))
        self.icon.setToolTip(self._app.tooltip())

    def show_message(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, self._app.icon, 15_000)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self._app.open_planner()

    def _on_menu_about_to_show(self) -> None:
        self._rebuild()
        self.refresh()

    def _rebuild(self) -> None:
        app = self._app
        m = self.menu
        m.clear()
        status = m.addAction(app.status_line())
        status.setEnabled(False)
        status.setObjectName("status")
        hero = app.hero_line()
        if hero:
            hero_act = m.addAction(hero)
            hero_act.setEnabled(False)
            hero_act.setObjectName("hero")
        if app.sync_problem:
            problem = m.addAction(
                QCoreApplication.translate("Tray", "Sync problem: %1").replace("%1", _elide(app.sync_problem))
            )
            problem.setToolTip(app.sync_problem)
            problem.setEnabled(False)
        if app.waiting:
            m.addSeparator()
            for rem in app.waiting:
                act = m.addAction(icons.tray_icon(icons.TrayState.REMINDER), app.reminder_text(rem))
                act.triggered.connect(lambda _c=False, r=rem: app.choose_reminder(r))
        m.addSeparator()
        self._add(QCoreApplication.translate("Tray", "&Plan focus days…"), "plan", app.open_planner)
        today = app.profile.today()
        nxt = app.profile.next_day()
        handover = self._add(
            QCoreApplication.translate("Tray", "Today's &handover…"),
            "handover",
            lambda: app.open_handover(nxt.day if nxt else today),
        )
        handover.setEnabled(nxt is not None)
        if app.journal_available():
            self._add(
                QCoreApplication.translate("Tray", "&Journal…"), "journal", lambda: app.open_journal(None)
            )
        if app.sync_available():
            self._add(QCoreApplication.translate("Tray", "S&ync now"), "sync", app.sync_now)
        m.addSeparator()
        login = self.menu.addAction(QCoreApplication.translate("Tray", "Start at &login"))
        login.setObjectName("autostart")
        login.setCheckable(True)
        login.setChecked(bool(app.profile.settings.get("app.autostart")))
        login.toggled.connect(app.set_autostart)
        self._add(QCoreApplication.translate("Tray", "&Settings…"), "settings", app.open_settings)
        self._add(QCoreApplication.translate("Tray", "&About Antihjälte"), "about", app.open_about)
        m.addSeparator()
        self._add(QCoreApplication.translate("Tray", "&Quit"), "quit", app.quit)

    def _add(self, text: str, name: str, slot: object) -> QAction:
        act = self.menu.addAction(text)
        act.setObjectName(name)
        act.triggered.connect(lambda _c=False: slot())  # type: ignore[operator]
        return act


def _elide(text: str, limit: int = 60) -> str:
    """A long message keeps the menu narrow; the whole text is the entry's tooltip."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
