"""The tray icon and its menu, rebuilt from the app's state whenever that state changes.

The menu is data (:class:`TrayView`): the composition root says what it shows, the tray
renders it when it differs from what is shown. A StatusNotifierItem host (KDE, GNOME's
AppIndicator extension, gtk-sni-tray) reads and measures the menu over dbusmenu *before* it
shows it, so it must already be current then; rebuilding on ``aboutToShow`` is too late there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from antihjalte_desktop.core.cadence import CadenceStatus
from antihjalte_desktop.core.plan import FocusDay
from antihjalte_desktop.core.reminders import Reminder
from antihjalte_desktop.core.team_rules import Entry as TeamEntry
from antihjalte_desktop.ui import icons, wording


@dataclass(frozen=True)
class Entry:
    """One line of the tray menu."""

    name: str
    text: str = ""
    enabled: bool = True
    tooltip: str = ""
    checked: bool | None = None
    icon: icons.TrayState | None = None
    children: tuple[Entry, ...] = ()  # a submenu


SEPARATOR = Entry("-")


@dataclass(frozen=True)
class TrayView:
    state: icons.TrayState
    tooltip: str
    entries: tuple[Entry, ...]


class TrayActions(Protocol):
    """What the menu's entries do."""

    def open_planner(self) -> object: ...
    def open_next_handover(self) -> object: ...
    def open_journal(self) -> object: ...
    def open_insights(self) -> object: ...
    def sync_now(self) -> object: ...
    def open_settings(self) -> object: ...
    def open_about(self) -> object: ...
    def open_help(self) -> object: ...
    def quit(self) -> object: ...
    def choose_reminder(self, reminder_id: str) -> None: ...
    def reminder_action(self, reminder_id: str, action: str) -> None: ...
    def set_autostart(self, enabled: bool) -> None: ...


def tray_view(
    *,
    today: date,
    next_day: FocusDay | None,
    cadence: CadenceStatus | None,
    hero: TeamEntry | None,
    waiting: list[Reminder],
    sync_problem: str | None,
    autostart: bool,
    words: wording.Wording,
    last_sync: datetime | None = None,
    feed_set: bool = False,
    snoozes: Mapping[str, Sequence[str]] | None = None,
) -> TrayView:
    """The tray's icon state, tooltip and menu from the state of the day."""
    if sync_problem:
        state = icons.TrayState.SYNC_PROBLEM
    elif waiting:
        state = icons.TrayState.REMINDER
    elif next_day is not None and next_day.day == today:
        state = icons.TrayState.FOCUS
    else:
        state = icons.TrayState.NORMAL
    tip = words.tooltip(today, next_day, hero, len(waiting), sync_problem or "")
    out: list[Entry] = [Entry("status", words.status_line(today, next_day, cadence), enabled=False)]
    hero_text = words.hero_line(hero)
    if hero_text:
        out.append(Entry("hero", hero_text, enabled=False))
    if feed_set or last_sync is not None:
        out.append(Entry("lastSync", words.sync_line(last_sync, today), enabled=False))
    if sync_problem:
        text = QCoreApplication.translate("Tray", "Sync problem: %1").replace("%1", _elide(sync_problem))
        out.append(Entry("syncProblem", text, enabled=False, tooltip=sync_problem))
    if waiting:
        out.append(SEPARATOR)
        out.extend(_reminder_entry(rem, today, words, snoozes) for rem in waiting)
    out.append(SEPARATOR)
    out.append(Entry("plan", QCoreApplication.translate("Tray", "&Plan focus days…")))
    out.append(
        Entry(
            "handover", QCoreApplication.translate("Tray", "Today's &handover…"), enabled=next_day is not None
        )
    )
    out.append(Entry("journal", QCoreApplication.translate("Tray", "&Journal…")))
    out.append(Entry("insights", QCoreApplication.translate("Tray", "&Insights…")))
    out.append(Entry("sync", QCoreApplication.translate("Tray", "S&ync now")))
    out.append(SEPARATOR)
    out.append(Entry("autostart", QCoreApplication.translate("Tray", "Start at &login"), checked=autostart))
    out.append(Entry("settings", QCoreApplication.translate("Tray", "&Settings…")))
    out.append(Entry("help", QCoreApplication.translate("Tray", "H&elp")))
    out.append(Entry("about", QCoreApplication.translate("Tray", "&About Antihjälte")))
    out.append(SEPARATOR)
    out.append(Entry("quit", QCoreApplication.translate("Tray", "&Quit")))
    return TrayView(state, tip, tuple(out))


def _reminder_entry(
    rem: Reminder, today: date, words: wording.Wording, snoozes: Mapping[str, Sequence[str]] | None
) -> Entry:
    """A waiting reminder: a submenu with its buttons (Open, the snoozes, Done)."""
    from antihjalte_desktop.ui import notify

    keys = snoozes.get(rem.id, notify.SNOOZES) if snoozes is not None else notify.SNOOZES
    text = words.reminder_menu_text(rem, today)
    return Entry(
        f"reminder:{rem.id}",
        text,
        icon=icons.TrayState.REMINDER,
        tooltip=text,
        children=tuple(
            Entry(f"reminder:{rem.id}:{key}", label) for key, label in words.reminder_actions(rem, list(keys))
        ),
    )


class Tray(QObject):
    def __init__(
        self,
        view: Callable[[], TrayView],
        actions: TrayActions,
        app_icon: QIcon,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._actions = actions
        self._app_icon = app_icon
        self.icon = QSystemTrayIcon(self)
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

    def close(self) -> None:
        self.icon.hide()
        self.menu.deleteLater()
        self.icon.deleteLater()

    @property
    def state(self) -> icons.TrayState | None:
        return self._state

    def refresh(self) -> None:
        """Icon, tooltip and menu from the current state; called whenever that state changed."""
        view = self._view()
        if view.state is not self._state:
            self._state = view.state
            self.icon.setIcon(icons.tray_icon(view.state))
        self.icon.setToolTip(view.tooltip)
        self._render(view.entries)

    def show_message(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, self._app_icon, 15_000)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self._actions.open_planner()

    def _render(self, entries: tuple[Entry, ...]) -> None:
        """Rebuild the menu when what it shows changed."""
        if entries == self._shown:
            return
        self._shown = entries
        m = self.menu
        for old in m.actions():  # not clear(): an entry may be rebuilt from its own signal
            m.removeAction(old)
            sub = old.menu()
            old.deleteLater()
            if sub is not None:
                sub.deleteLater()
        self._add(m, entries)

    def _add(self, m: QMenu, entries: tuple[Entry, ...]) -> None:
        for e in entries:
            if e is SEPARATOR:
                m.addSeparator()
                continue
            if e.children:
                sub = QMenu(e.text, m)
                sub.setObjectName(e.name)
                sub.setToolTipsVisible(True)
                if e.icon is not None:
                    sub.setIcon(icons.tray_icon(e.icon))
                self._add(sub, e.children)
                act = m.addMenu(sub)
                act.setObjectName(e.name)
                if e.tooltip:
                    act.setToolTip(e.tooltip)
                continue
            act = m.addAction(icons.tray_icon(e.icon), e.text) if e.icon is not None else m.addAction(e.text)
            act.setObjectName(e.name)
            act.setEnabled(e.enabled)
            if e.tooltip:
                act.setToolTip(e.tooltip)
            if e.checked is not None:
                act.setCheckable(True)
                act.setChecked(e.checked)
                act.toggled.connect(self._actions.set_autostart)
            elif e.enabled:
                act.triggered.connect(lambda _c=False, name=e.name: self._on_entry(name))

    def _on_entry(self, name: str) -> None:
        a = self._actions
        if name.startswith("reminder:"):
            _, rid, action = name.split(":", 2) if name.count(":") >= 2 else (*name.split(":", 1), "open")
            a.reminder_action(rid, action)
            return
        actions: dict[str, Callable[[], object]] = {
            "plan": a.open_planner,
            "handover": a.open_next_handover,
            "journal": a.open_journal,
            "insights": a.open_insights,
            "sync": a.sync_now,
            "settings": a.open_settings,
            "help": a.open_help,
            "about": a.open_about,
            "quit": a.quit,
        }
        actions[name]()


def _elide(text: str, limit: int = 60) -> str:
    """A long message keeps the menu narrow; the whole text is the entry's tooltip."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
