"""The notification chain falls back link by link, and a wake-up announced by logind
re-aims the reminders. On a private D-Bus (real dbus-daemon) with nothing else on it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from jeepney import DBusAddress, message_bus, new_signal
from jeepney.io.blocking import open_dbus_connection

from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.ui import notify
from antihjalte_desktop.ui.scheduler import ReminderService, SleepWatcher
from tests.harness.session import bare_bus
from tests.reminders.conftest import Env

__all__ = ["bare_bus"]

pytestmark = [pytest.mark.integration, pytest.mark.qt_log_ignore("This plugin does not support")]

MESSAGE = notify.Message(
    "2026-12-02/handover",
    "Time to hand over",
    "Wednesday 2 December is your antihjälte day. Switch on the auto-reply, forward the phone and pass on "
    "your quick tasks.",
    [(notify.OPEN, "Open checklist"), (notify.SNOOZE, "Remind me in an hour"), (notify.DONE, "Done")],
)


def test_no_session_bus_falls_back_to_the_popup(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus-here")
    notifier = notify.Notifier(use_dbus=True)
    with qtbot.waitSignal(notifier.delivered) as blocker:
        notifier.notify(MESSAGE)
    assert blocker.args == [MESSAGE.key, "popup"]
    notifier.close()


def test_no_notification_server_falls_back_to_the_popup(qtbot, bare_bus: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bare_bus)
    notifier = notify.Notifier(use_dbus=True)
    links: list[str] = []
    notifier.delivered.connect(lambda _key, link: links.append(link))
    notifier.notify(MESSAGE)
    assert links == ["dbus"]  # sent; the bus answers later that nobody serves the name
    qtbot.waitUntil(lambda: links == ["dbus", "popup"], timeout=10_000)
    popup = notifier._popup
    assert popup is not None and popup.windowTitle() == "Time to hand over"
    out = Path(__file__).resolve().parents[1] / "_artifacts" / "reminder-popup.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    assert popup.grab().save(str(out))
    notifier.close()


def test_logind_resume_reaims_and_shows_the_late_reminder(env: Env, qtbot, bare_bus: str) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(date(2026, 12, 2))
    service = ReminderService(env.profile, None, env.clock, monotonic=env.mono, sleep_bus=bare_bus)
    shown: list[tuple[str, bool]] = []
    service.reminder_due.connect(lambda rem, late: shown.append((rem.id, late)))
    service.start()
    assert service._sleep is not None and service._sleep._bus is not None  # listening
    assert shown == [] and service.timer.interval() == 29 * 3600 * 1000
    # The machine sleeps from Monday 09:00 to Tuesday 15:00. Both clocks moved here, so
    # only logind's signal can tell the service.
    env.advance(30 * 3600)
    with open_dbus_connection(bare_bus) as logind:
        logind.send_and_get_reply(message_bus.RequestName("org.freedesktop.login1"), timeout=5)
        addr = DBusAddress("/org/freedesktop/login1", interface="org.freedesktop.login1.Manager")
        logind.send(new_signal(addr, "PrepareForSleep", "b", (True,)))
        logind.send(new_signal(addr, "PrepareForSleep", "b", (False,)))
        qtbot.waitUntil(lambda: shown != [], timeout=10_000)
    assert shown == [("2026-12-02/handover", True)]
    assert service.next_reminder is not None and service.next_reminder.id == "2026-12-02/start"
    assert service.timer.interval() == int(timedelta(hours=17).total_seconds() * 1000)
    service.stop()


def test_a_signal_from_someone_else_is_ignored(qtbot, bare_bus: str) -> None:  # type: ignore[no-untyped-def]
    watcher = SleepWatcher(bare_bus)
    assert watcher.start()
    fired: list[bool] = []
    watcher.resumed.connect(lambda: fired.append(True))
    with open_dbus_connection(bare_bus) as other:  # not the owner of org.freedesktop.login1
        addr = DBusAddress("/org/freedesktop/login1", interface="org.freedesktop.login1.Manager")
        other.send(new_signal(addr, "PrepareForSleep", "b", (False,)))
        other.send_and_get_reply(message_bus.GetId(), timeout=5)  # the signal went out before this
    qtbot.wait(200)
    assert fired == []
    watcher.stop()
