"""The reminder service built by the real App (App.start_services): waiting
reminders reach the tray hook, the tray menu's pick opens the dialog, the plan hook re-aims."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.ui import scheduler
from antihjalte_desktop.ui.handover_dialog import HandoverDialog
from tests.reminders.conftest import at

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

WED = date(2026, 12, 2)


@pytest.fixture
def app(qapp, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from antihjalte_desktop.app import App
    from antihjalte_desktop.store.holidays_cache import load_year

    # No session bus here: the chain must fall through to the in-app popup.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    paths = Paths.resolve(home).ensure()
    for year in (2026, 2027):
        load_year(paths.cache, "SE", year)
    profile = Profile(paths, clock=FixedClock(at("2026-12-01 14:00")))
    profile.settings.set("ui.language", "en")
    Planning(profile).plan_day(WED, cover="Anna")
    the_app = App(qapp, profile, has_tray=False)
    yield the_app
    service = the_app.reminders
    if service is not None:
        service.stop()
        assert service.notifier is not None
        service.notifier.close()
    the_app.shutdown()
    profile.close()
    shutil.rmtree(paths.data, ignore_errors=True)


def test_install_wires_the_service_to_the_app(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    app.start_services()
    service = app.reminders
    assert isinstance(service, scheduler.ReminderService)
    # Due at 14:00: shown through the popup (no bus, no tray), and waiting in the tray's list.
    assert service.notifier.last_link == "popup"
    assert [r.id for r in app.waiting] == ["2026-12-02/handover"]
    # Picking it in the tray menu opens its handover dialog, with Done.
    app.choose_reminder(app.waiting[0].id)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, HandoverDialog) and w.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].day == WED
    dialogs[0].findChild(QPushButton, "done").click()  # type: ignore[union-attr]
    assert app.waiting == []
    # A day planned through the app's planning service re-aims the timer.
    app.planning.plan_day(date(2026, 12, 4))
    assert service.next_reminder is not None and service.next_reminder.id == "2026-12-02/start"
    # A changed reminder time re-aims by itself (the service listens to the settings).
    app.profile.settings.set("reminders.start_time", "07:30")
    assert service.timer.interval() == int(17.5 * 3600 * 1000)  # Tuesday 14:00 -> Wednesday 07:30


def test_self_test_shows_nothing(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    app.self_test = True
    app.start_services()
    service = app.reminders
    assert service is not None and not service._started and app.waiting == []
    assert app.profile.plan.reminder_states() == {}  # nothing used up


def test_open_journal_from_the_reflection_reminder(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    """"Open journal" opens the day's reflection with every filter cleared, and the reminder keeps
    waiting in the tray menu until it is marked done."""
    from antihjalte_desktop.ui.journal_window import JournalWindow

    app.profile.clock.set(at("2026-12-02 16:00"))
    journal = app.open_journal()
    journal.search_box.setText("något gammalt")
    journal.apply_filter()
    app.start_services()
    service = app.reminders
    reflect = "2026-12-02/reflect"
    assert reflect in [r.id for r in app.waiting]
    service.notifier._popup.findChild(QPushButton, "action_open").click()
    win = app.windows.get("journal")
    assert isinstance(win, JournalWindow) and win is journal and win.isVisible()
    assert win.search_box.text() == ""
    assert win.title_edit.text() == "Reflection, Wednesday 2 December"
    assert app.profile.plan.reminder_states()[reflect].state.value == "shown"
    assert reflect in [r.id for r in app.waiting]
    app.reminder_action(reflect, "done")
    assert reflect not in [r.id for r in app.waiting]
