"""The reminder service on a fixed clock: where the one timer is aimed, and what is shown.

Nothing here waits for a real timer: the clock is fixed, the timer's interval is read,
and its firing is simulated by emitting ``timeout`` after moving the clock.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from antihjalte_desktop.core.reminders import ReminderState
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.ui import notify
from antihjalte_desktop.ui.scheduler import MAX_DELAY_MS, ReminderService, clamp_delay_ms
from tests.reminders.conftest import Env, at

WED = date(
    2026, 12, 2
)  # the focus day: handover Tue 14:00, start Wed 08:00, reflect 16:00, restore Thu 08:00
H = 3600 * 1000


class Shown:
    """What the service put on screen, through the real notifier (popup link here)."""

    def __init__(self, service: ReminderService) -> None:
        self.items: list[tuple[str, bool]] = []
        service.reminder_due.connect(lambda rem, late: self.items.append((rem.id, late)))


@pytest.fixture
def make(env: Env, qtbot):  # type: ignore[no-untyped-def]
    services: list[ReminderService] = []

    def build(*, start: bool = True) -> tuple[ReminderService, Shown, notify.Notifier]:
        notifier = notify.Notifier(use_dbus=False)
        service = ReminderService(env.profile, notifier, env.clock, monotonic=env.mono, watch_sleep=False)
        shown = Shown(service)
        services.append(service)
        if start:
            service.start()
        return service, shown, notifier

    yield build
    for s in services:
        s.stop()
        if s.notifier is not None:
            s.notifier.close()


def states(env: Env) -> dict[str, tuple[str, str | None]]:
    return {
        k: (v.state.value, v.snoozed_until.isoformat() if v.snoozed_until else None)
        for k, v in env.profile.plan.reminder_states().items()
    }


def test_the_timer_is_aimed_at_the_next_reminder(env: Env, make) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    service, shown, _ = make()
    assert service.next_reminder is not None and service.next_reminder.id == "2026-12-02/handover"
    assert service.timer.isActive() and service.timer.isSingleShot()
    assert service.timer.interval() == 29 * H  # Monday 09:00 -> Tuesday 14:00
    assert shown.items == []


def test_own_timers_are_few(env: Env, make) -> None:  # type: ignore[no-untyped-def]
    """Idle cost by construction: the reminder timer is single-shot and only aimed at a
    reminder; the clock check runs at most every 15 minutes, coarsely."""
    from PySide6.QtCore import QTimer

    service, _, _ = make()
    timers = service.findChildren(QTimer)
    assert len(timers) == 2
    assert service.timer.isSingleShot() and not service.timer.isActive()  # nothing planned: idle
    guard = next(t for t in timers if t is not service.timer)
    assert guard.interval() == 15 * 60 * 1000 and guard.timerType() == Qt.TimerType.VeryCoarseTimer


def test_nothing_planned_leaves_the_timer_stopped(env: Env, make) -> None:  # type: ignore[no-untyped-def]
    service, _shown, _ = make()
    assert service.next_reminder is None and not service.timer.isActive()


def test_plan_change_reaims(env: Env, make) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    service, _, _ = make()
    Planning(env.profile).plan_day(date(2026, 12, 1))  # Tuesday: its handover is today 14:00
    service.plan_changed()
    assert service.next_reminder is not None and service.next_reminder.id == "2026-12-01/handover"
    assert service.timer.interval() == 5 * H
    Planning(env.profile).unplan_day(date(2026, 12, 1))
    service.plan_changed()
    assert service.timer.interval() == 29 * H


def test_settings_change_reaims_by_itself(env: Env, make) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    service, _, _ = make()
    env.profile.settings.set("reminders.handover_time", "10:30")
    assert service.timer.interval() == (24 + 1.5) * H


def test_a_clock_jump_is_noticed_and_reaims(env: Env, make) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    service, shown, _ = make()
    env.advance(10 * 60)  # ten quiet minutes: no jump
    assert service.check_clock() is False
    # The wall clock moves 30 hours while the monotonic clock does not (a clock
    # change, or a sleep nobody announced): Tuesday 15:10.
    env.clock.set(env.clock.now() + timedelta(hours=30))
    assert service.check_clock() is True
    assert shown.items == [("2026-12-02/handover", True)]  # shown, late
    assert service.next_reminder is not None and service.next_reminder.id == "2026-12-02/start"
    assert service.timer.interval() == (16 * 60 + 50) * 60 * 1000  # Tue 15:10 -> Wed 08:00


def test_a_far_reminder_is_clamped(env: Env, make) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(date(2027, 1, 13))  # six weeks ahead: handover Tuesday 12 January 14:00
    service, shown, _ = make()
    assert service.timer.interval() == MAX_DELAY_MS < 2**31 - 1
    # When the clamped timer fires early, nothing is due and it is simply aimed again.
    env.advance(MAX_DELAY_MS / 1000)
    service.timer.timeout.emit()
    left = at("2027-01-12 14:00") - env.clock.now()
    assert service.timer.interval() == round(left.total_seconds() * 1000) < MAX_DELAY_MS
    assert shown.items == []


def test_clamp_delay() -> None:
    assert clamp_delay_ms(timedelta(days=400)) == MAX_DELAY_MS
    assert clamp_delay_ms(timedelta(seconds=-5)) == 0
    assert clamp_delay_ms(timedelta(seconds=1.5)) == 1500


def test_the_timer_shows_the_reminder_when_it_fires(env: Env, make) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    service, shown, notifier = make()
    env.advance(29 * 3600)
    service.timer.timeout.emit()
    assert shown.items == [("2026-12-02/handover", False)]  # on time: not late
    assert notifier.last_link == "popup"
    assert states(env)["2026-12-02/handover"] == ("shown", None)
    assert [r.id for r in service.waiting()] == ["2026-12-02/handover"]


def test_late_reminders_are_shown_once_and_marked_late(env: Env, make, home: Path) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    env.clock.set(at("2026-12-02 10:00"))  # the computer was off since Monday
    service, shown, notifier = make()
    # Handover (Tue 14:00) and start (Wed 08:00) both fell due unseen: only the newest
    # gets a message, marked late; both wait in the menu.
    assert shown.items == [("2026-12-02/start", True)]
    popup = notifier._popup
    assert popup is not None and popup.isVisible()
    assert popup.windowTitle().startswith("Missed reminder: ")
    assert {r.id for r in service.waiting()} == {"2026-12-02/handover", "2026-12-02/start"}
    # A restart (or a wake-up) does not show them again.
    service.stop()
    again, shown2, _ = make()
    assert shown2.items == []
    assert {r.id for r in again.waiting()} == {"2026-12-02/handover", "2026-12-02/start"}


def test_reminders_of_a_day_that_is_over_are_not_nagged_about(env: Env, make) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    env.clock.set(at("2026-12-04 09:00"))  # Friday: the restore reminder's day is over too
    service, shown, _ = make()
    assert shown.items == [] and service.waiting() == [] and service.next_reminder is None


def test_snooze_and_done_persist_and_show_in_the_cli(env: Env, make, home: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    env.clock.set(at("2026-12-01 14:00"))
    service, shown, notifier = make()
    assert shown.items == [("2026-12-02/handover", False)]
    # "Remind me in an hour" on the in-app popup, with a real click.
    popup = notifier._popup
    assert popup is not None
    snooze = popup.findChild(QPushButton, "action_snooze")
    assert snooze is not None and snooze.text() == "Remind me in an hour"
    snooze.click()
    assert states(env)["2026-12-02/handover"] == ("snoozed", "2026-12-01T15:00:00+01:00")
    assert service.timer.interval() == 1 * H and service.waiting() == []
    cli_json = _cli_reminders(home, "2026-12-01T14:30:00+01:00")
    handover = next(r for r in cli_json if r["id"] == "2026-12-02/handover")
    assert handover["state"] == "snoozed" and handover["snoozed_until"] == "2026-12-01T15:00:00+01:00"
    # The snooze ends: shown again, then "Done".
    env.advance(3600)
    service.timer.timeout.emit()
    assert shown.items[-1] == ("2026-12-02/handover", False)
    popup.findChild(QPushButton, "action_done").click()
    assert states(env)["2026-12-02/handover"][0] == "done"
    cli_json = _cli_reminders(home, "2026-12-01T15:30:00+01:00")
    assert next(r for r in cli_json if r["id"] == "2026-12-02/handover")["state"] == "done"
    assert service.next_reminder is not None and service.next_reminder.id == "2026-12-02/start"


def test_open_checklist_asks_for_the_days_checklist(env: Env, make, qtbot) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    env.clock.set(at("2026-12-03 08:00"))
    service, shown, notifier = make()
    assert shown.items == [("2026-12-02/restore", False)]
    with qtbot.waitSignal(service.checklist_requested) as blocker:
        notifier._popup.findChild(QPushButton, "action_open").click()  # type: ignore[union-attr]
    assert blocker.args[0].id == "2026-12-02/restore"
    assert env.profile.plan.reminder_states()["2026-12-02/restore"].state is ReminderState.SHOWN


def test_reflection_opens_the_journal_when_there_is_one(env: Env, make, qtbot) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    env.clock.set(at("2026-12-02 16:00"))
    service, _shown, notifier = make(start=False)
    service.journal_available = True
    service.start()
    button = notifier._popup.findChild(QPushButton, "action_open")  # type: ignore[union-attr]
    assert button.text() == "Open journal"
    with qtbot.waitSignal(service.journal_requested):
        button.click()


def _cli_reminders(home: Path, now: str) -> list[dict[str, object]]:
    env = dict(os.environ, ANTIHJALTE_HOME=str(home), ANTIHJALTE_NOW=now)
    out = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", "reminders", "--json"],
        capture_output=True, text=True, env=env, timeout=60, check=True,
    )  # fmt: skip
    data = json.loads(out.stdout)
    assert isinstance(data, list)
    return data


def test_a_locked_database_is_retried_not_fatal(home: Path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Another process holds the write lock when a reminder falls due: the service tries
    again a minute later instead of falling silent."""
    import sqlite3

    from antihjalte_desktop.core.clock import FixedClock
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.profile import Profile
    from antihjalte_desktop.ui.scheduler import RETRY_MS
    from tests.reminders.conftest import FakeMonotonic

    monkeypatch.setenv("ANTIHJALTE_BUSY_TIMEOUT_MS", "50")
    clock = FixedClock(at("2026-11-30 09:00"))
    profile = Profile(Paths.resolve(home), clock=clock)
    profile.settings.set("ui.language", "en")
    Planning(profile).plan_day(WED)
    clock.set(at("2026-12-01 14:00"))
    other = sqlite3.connect(profile.paths.db_file, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    service = ReminderService(profile, None, clock, monotonic=FakeMonotonic(), watch_sleep=False)
    shown: list[str] = []
    service.reminder_due.connect(lambda rem, late: shown.append(rem.id))
    service.start()
    assert shown == [] and service.timer.interval() == RETRY_MS
    other.execute("ROLLBACK")
    other.close()
    service.timer.timeout.emit()
    assert shown == ["2026-12-02/handover"]
    service.stop()
    profile.close()


def test_a_service_not_started_shows_nothing(env: Env, make) -> None:  # type: ignore[no-untyped-def]
    """As under --self-test: built, wired, never started; plan and clock changes show nothing."""
    Planning(env.profile).plan_day(WED)
    env.clock.set(at("2026-12-01 14:00"))
    service, shown, _ = make(start=False)
    service.plan_changed()
    env.profile.settings.set("reminders.handover_time", "13:00")
    assert service.check_clock() is False
    assert shown.items == [] and env.profile.plan.reminder_states() == {}
    assert not service.timer.isActive()
    # Started, then stopped and started again: one settings listener, not two.
    service.start()
    service.stop()
    service.start()
    aimed: list[object] = []
    service.timer_aimed.connect(aimed.append)
    env.profile.settings.set("reminders.handover_time", "13:30")
    assert len(aimed) == 1
