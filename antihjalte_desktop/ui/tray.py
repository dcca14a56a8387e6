"""The tray icon and its menu, rebuilt from the app's state whenever that state changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
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
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self._state: icons.TrayState | None = None
        self._shown: tuple[Entry, ...] = ()
        self.refresh()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    @property
    def state(self) -> icons.TrayState | None:
        return self._state

    def refresh(self) -> None:
        """Icon, tooltip and menu from the app's state; called whenever that state changed."""
        state = self._app.tray_state()
        if state is not self._state:
            self._state = state
            self.icon.setIcon(icons.tray_icon(state))
        self.icon.setToolTip(self._app.tooltip())
        self._rebuild()

    def show_message(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, self._app.icon, 15_000)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self._app.open_planner()

    def _entries(self) -> tuple[Entry, ...]:
        """The menu as data, from the app's current state."""
        app = self._app
        out: list[Entry] = [Entry("status", app.status_line(), enabled=False)]
        hero = app.hero_line()
        if hero:
            out.append(Entry("hero", hero, enabled=False))
        if app.sync_problem:
            text = QCoreApplication.translate("Tray", "Sync problem: %1").replace(
                "%1", _elide(app.sync_problem)
            )
            out.append(Entry("syncProblem", text, enabled=False, tooltip=app.sync_problem))
        if app.waiting:
            out.append(SEPARATOR)
            out.extend(
                Entry(f"reminder:{rem.id}", app.reminder_text(rem), icon=icons.TrayState.REMINDER)
                for rem in app.waiting
            )
        out.append(SEPARATOR)
        out.append(Entry("plan", QCoreApplication.translate("Tray", "&Plan focus days…")))
        out.append(
            Entry(
                "handover",
                QCoreApplication.translate("Tray", "Today's &handover…"),
                enabled=app.profile.next_day() is not None,
            )
        )
        if app.journal_available():
            out.append(Entry("journal", QCoreApplication.translate("Tray", "&Journal…")))
        if app.sync_available():
            out.append(Entry("sync", QCoreApplication.translate("Tray", "S&ync now")))
        out.append(SEPARATOR)
        out.append(
            Entry(
                "autostart",
                QCoreApplication.translate("Tray", "Start at &login"),
                checked=bool(app.profile.settings.get("app.autostart")),
            )
        )
        out.append(Entry("settings", QCoreApplication.translate("Tray", "&Settings…")))
        out.append(Entry("about", QCoreApplication.translate("Tray", "&About Antihjälte")))
        out.append(SEPARATOR)
        out.append(Entry("quit", QCoreApplication.translate("Tray", "&Quit")))
        return tuple(out)

    def _rebuild(self) -> None:
        """Rebuild the menu when what it shows changed: a tray host (StatusNotifierItem/dbusmenu)
        fetches and measures the layout *before* it shows the menu, so the menu must already be
        current then; rebuilding on ``aboutToShow`` is too late there."""
        entries = self._entries()
        if entries == self._shown:
            return
        self._shown = entries
        m = self.menu
        for old in m.actions():  # not clear(): an entry may be rebuilt from its own signal
            m.removeAction(old)
            old.deleteLater()
        for e in entries:
            if e is SEPARATOR:
                m.addSeparator()
                continue
            act = m.addAction(icons.tray_icon(e.icon), e.text) if e.icon is not None else m.addAction(e.text)
            act.setObjectName(e.name)
            act.setEnabled(e.enabled)
            if e.tooltip:
                act.setToolTip(e.tooltip)
            if e.checked is not None:
                act.setCheckable(True)
                act.setChecked(e.checked)
                act.toggled.connect(self._app.set_autostart)
            elif e.enabled:
                act.triggered.connect(lambda _c=False, name=e.name: self._on_entry(name))

    def _on_entry(self, name: str) -> None:
        app = self._app
        if name.startswith("reminder:"):
            rem = next((r for r in app.waiting if r.id == name.partition(":")[2]), None)
            if rem is not None:
                app.choose_reminder(rem)
        elif name == "handover":
            nxt = app.profile.next_day()
            app.open_handover(nxt.day if nxt else app.profile.today())
        else:
            actions = {
                "plan": app.open_planner,
                "journal": lambda: app.open_journal(None),
                "sync": app.sync_now,
                "settings": app.open_settings,
                "about": app.open_about,
                "quit": app.quit,
            }
            actions[name]()


@dataclass(frozen=True)
class Entry:
    """One line of the tray menu."""

    name: str
    text: str = ""
    enabled: bool = True
    tooltip: str = ""
    checked: bool | None = None
    icon: icons.TrayState | None = None


SEPARATOR = Entry("-")


def _elide(text: str, limit: int = 60) -> str:
    """A long message keeps the menu narrow; the whole text is the entry's tooltip."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
