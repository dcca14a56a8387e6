"""Honest reminders on real widgets (the in-app popup link) and a real profile on a fixed clock:
each speaks of its day as it is now, its buttons mean one thing each (Open keeps it, Done
finishes it, three snoozes), its message leaves the screen when it is finished elsewhere, and a
reminder whose day is over leaves the waiting list.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from antihjalte_desktop.core.reminders import Reminder, ReminderKind, ReminderState
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.ui import notify
from antihjalte_desktop.ui.scheduler import ReminderService
from antihjalte_desktop.ui.wording import Wording
from tests.reminders.conftest import STHLM, Env, at

WED = date(2026, 12, 2)  # handover Tue 14:00, start Wed 08:00, reflect Wed 16:00, restore Thu 08:00
HANDOVER = "2026-12-02/handover"

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def make(env: Env, qtbot):  # type: ignore[no-untyped-def]
    services: list[ReminderService] = []

    def build() -> tuple[ReminderService, notify.Notifier]:
        notifier = notify.Notifier(use_dbus=False)
        service = ReminderService(env.profile, notifier, env.clock, monotonic=env.mono, watch_sleep=False)
        services.append(service)
        service.start()
        return service, notifier

    yield build
    for s in services:
        s.stop()
        if s.notifier is not None:
            s.notifier.close()


def popup(notifier: notify.Notifier) -> notify.ReminderPopup:
    p = notifier._popup
    assert p is not None
    return p


def buttons(notifier: notify.Notifier) -> dict[str, str]:
    """The popup's buttons: action key -> label, in order."""
    found = popup(notifier).findChildren(QPushButton)
    return {b.objectName().removeprefix("action_"): b.text() for b in found}


def click(notifier: notify.Notifier, key: str) -> None:
    button = popup(notifier).findChild(QPushButton, f"action_{key}")
    assert button is not None, buttons(notifier)
    button.click()


def state(env: Env, rid: str) -> tuple[str, str | None]:
    st = env.profile.plan.reminder_states()[rid]
    return st.state.value, st.snoozed_until.isoformat() if st.snoozed_until else None


def rem(kind: ReminderKind, day: date, due: str, *, state: ReminderState = ReminderState.SHOWN) -> Reminder:
    return Reminder(f"{day}/{kind.value}", kind, day, at(due), at("2026-12-03 00:00"), state)


# -- the words -------------------------------------------------------------------------------------
def test_the_handover_reminder_speaks_of_its_day_as_it_is_now(qapp) -> None:  # type: ignore[no-untyped-def]
    w = Wording("en")
    tue, wed = date(2026, 12, 1), WED
    assert w.handover_line(wed, wed) == "Today is your antihjälte day – hand over as soon as you can"
    assert w.handover_line(wed, tue) == "Tomorrow is your antihjälte day – hand over before it starts"
    assert (
        w.handover_line(wed, date(2026, 11, 27))
        == "Your antihjälte day is Wednesday 2 December – hand over before it starts"
    )
    # The handover dialog's heading says the same (the dialog takes it from here).
    assert w.handover_heading(wed, wed) == "Today is your antihjälte day – hand over as soon as you can."
    assert w.handover_heading(wed, date(2026, 12, 3), restore=True) == (
        "Welcome back! Your antihjälte day was Wednesday 2 December."
    )
    handover = rem(ReminderKind.HANDOVER, wed, "2026-12-01 14:00")
    assert w.reminder_menu_text(handover, tue).startswith("Tomorrow is your")
    assert w.reminder_menu_text(handover, wed).startswith("Today is your antihjälte day – hand over as soon")
    # Shown on time the day before, and late on the day itself.
    title, body = w.reminder_message(handover, False, at("2026-12-01 14:00"))
    assert title == "Time to hand over"
    assert body.startswith("Tomorrow is your antihjälte day – hand over before it starts. Switch on the auto")
    title, body = w.reminder_message(handover, True, at("2026-12-02 07:30"))
    assert title == "Missed reminder: Time to hand over"
    assert body.splitlines() == [
        "This reminder was due on Tuesday 1 December at 14:00.",
        "Today is your antihjälte day – hand over as soon as you can. Switch on the auto-reply, "
        "forward the phone and pass on your quick tasks.",
    ]
    _, body = w.reminder_message(handover, True, at("2026-12-01 17:06"))
    assert body.startswith("This reminder was due at 14:00.\n")
    reflect = rem(ReminderKind.REFLECT, wed, "2026-12-02 16:00")
    assert w.reminder_menu_text(reflect, wed) == "Time to reflect on today"
    # Swedish writes the clock with a full stop ("kl. 17.06"), English with a colon.
    assert Wording("sv").clock_text(at("2026-12-01 17:06")) == "17.06"
    assert w.clock_text(at("2026-12-01 17:06")) == "17:06"


def test_the_last_good_sync_in_words(qapp) -> None:  # type: ignore[no-untyped-def]
    w = Wording("en")
    today = date(2026, 12, 1)
    assert w.sync_line(at("2026-12-01 10:42"), today) == "Synced 10:42"
    assert w.sync_line(at("2026-11-27 16:05"), today) == "Synced 27 November at 16:05"
    assert w.sync_line(None, today) == "Not synced yet"


# -- the buttons -------------------------------------------------------------------------------------
def test_three_snoozes_each_bring_it_back_when_they_said(env: Env, make) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    env.clock.set(at("2026-12-01 14:00"))
    service, notifier = make()
    assert list(buttons(notifier).items()) == [
        ("open", "Open checklist"),
        ("snooze-15m", "Remind me in 15 minutes"),
        ("snooze", "Remind me in an hour"),
        ("snooze-morning", "Remind me tomorrow morning"),
        ("done", "Done"),
    ]
    # In 15 minutes.
    click(notifier, "snooze-15m")
    assert state(env, HANDOVER) == ("snoozed", "2026-12-01T14:15:00+01:00")
    assert not popup(notifier).isVisible() and service.waiting() == []
    assert service.timer.interval() == 15 * 60 * 1000
    env.advance(15 * 60)
    service.timer.timeout.emit()
    assert popup(notifier).isVisible() and state(env, HANDOVER)[0] == "shown"
    # In an hour.
    click(notifier, "snooze")
    assert state(env, HANDOVER) == ("snoozed", "2026-12-01T15:15:00+01:00")
    env.advance(3600)
    service.timer.timeout.emit()
    assert popup(notifier).isVisible()
    # Tomorrow morning: the start time of the next workday (the focus day itself here), and then
    # it speaks of the day as it is: today.
    env.profile.settings.set("reminders.start_time", "07:45")
    click(notifier, "snooze-morning")
    assert state(env, HANDOVER) == ("snoozed", "2026-12-02T07:45:00+01:00")
    shown: list[tuple[str, str]] = []
    notifier.delivered.connect(lambda key, _link: shown.append((key, popup(notifier)._body.text())))
    env.advance((at("2026-12-02 07:45") - env.clock.now()).total_seconds())
    service.timer.timeout.emit()
    # Shown beside the start reminder of the same morning (the user asked for it), and about today.
    assert [key for key, _ in shown] == [HANDOVER, "2026-12-02/start"]
    assert shown[0][1].startswith("Today is your antihjälte day – hand over as soon as you can.")


def test_tomorrow_morning_skips_the_weekend_and_is_not_offered_after_the_day(env: Env, make) -> None:  # type: ignore[no-untyped-def]
    mon = date(2026, 12, 7)
    Planning(env.profile).plan_day(mon)  # handover on Friday 4 December
    env.clock.set(at("2026-12-04 14:00"))
    service, notifier = make()
    click(notifier, "snooze-morning")
    assert state(env, "2026-12-07/handover") == ("snoozed", "2026-12-07T08:00:00+01:00")
    # The reflection reminder ends with its day: "tomorrow morning" would never come back.
    env.clock.set(at("2026-12-07 16:00"))
    service.reaim("test")
    assert list(buttons(notifier)) == ["open", "snooze-15m", "snooze", "done"]


def test_open_keeps_the_reminder_and_done_finishes_it(env: Env, make, qtbot) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    env.clock.set(at("2026-12-01 14:00"))
    service, notifier = make()
    with qtbot.waitSignal(service.checklist_requested):
        click(notifier, "open")
    assert state(env, HANDOVER)[0] == "shown"
    assert [r.id for r in service.waiting()] == [HANDOVER]  # still in the tray menu
    service.done(HANDOVER)
    assert state(env, HANDOVER)[0] == "done" and service.waiting() == []
    # The reflection reminder opens the journal, and it too keeps waiting until done.
    env.clock.set(at("2026-12-02 16:00"))
    service.reaim("test")
    assert buttons(notifier)["open"] == "Open journal"
    with qtbot.waitSignal(service.journal_requested):
        click(notifier, "open")
    assert state(env, "2026-12-02/reflect")[0] == "shown"
    assert "2026-12-02/reflect" in [r.id for r in service.waiting()]


# -- finished elsewhere ----------------------------------------------------------------------------------
def test_message_withdrawn_when_done_by_another_process(env: Env, make, home: Path) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    env.clock.set(at("2026-12-01 14:00"))
    service, notifier = make()
    assert popup(notifier).isVisible()
    # Another process (a second app window, a script) marks it done in the plan database; the
    # app hears of it as a plan change (ui/watcher.py -> ChangeHub.plan_changed).
    other = Profile(Paths.resolve(home))
    try:
        other.plan.set_reminder_state(HANDOVER, ReminderState.DONE)
    finally:
        other.close()
    service.plan_changed()
    assert not popup(notifier).isVisible()
    assert service.waiting() == []


def test_message_withdrawn_when_the_day_is_taken_out_on_the_command_line(env: Env, make, home: Path) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    env.clock.set(at("2026-12-01 14:00"))
    service, notifier = make()
    assert popup(notifier).isVisible()
    subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", "plan", "remove", "2026-12-02"],
        env=dict(os.environ, ANTIHJALTE_HOME=str(home), ANTIHJALTE_NOW="2026-12-01T14:00:00+01:00"),
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    service.plan_changed()
    assert not popup(notifier).isVisible()
    assert service.waiting() == []


def test_a_reminder_whose_day_is_over_leaves_the_waiting_list(env: Env, make, qtbot) -> None:  # type: ignore[no-untyped-def]
    Planning(env.profile).plan_day(WED)
    env.clock.set(at("2026-12-02 16:00"))  # handover and start fell due unseen; reflect on time
    service, notifier = make()
    assert {r.id for r in service.waiting()} == {HANDOVER, "2026-12-02/start", "2026-12-02/reflect"}
    # The timer also wakes when they expire (midnight), not only at the next due reminder.
    assert service.next_reminder is not None and service.next_reminder.id == "2026-12-02/restore"
    assert service.timer.interval() == 8 * 3600 * 1000  # 16:00 -> midnight
    env.advance(8 * 3600)
    with qtbot.waitSignal(service.reminders_changed) as changed:
        service.timer.timeout.emit()
    assert changed.args == [[]]
    assert not popup(notifier).isVisible()  # the reflection's popup went with its day
    assert service.timer.interval() == 8 * 3600 * 1000  # now aimed at Thursday 08:00


def test_yesterdays_reminders_leave_the_tray_menu(qapp, env: Env, home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from antihjalte_desktop.app import App
    from antihjalte_desktop.store.holidays_cache import load_year
    from antihjalte_desktop.ui.tray import Tray

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={home}/no-bus")
    for year in (2026, 2027):
        load_year(env.profile.paths.cache, "SE", year)
    Planning(env.profile).plan_day(WED)
    env.clock.set(at("2026-12-02 16:00"))
    app = App(qapp, env.profile, has_tray=False)
    try:
        app.tray = Tray(app._tray_view, app, app.icon, app)
        app.start_services()
        names = [a.objectName() for a in app.tray.menu.actions()]
        assert f"reminder:{HANDOVER}" in names and "reminder:2026-12-02/reflect" in names
        env.clock.set(datetime(2026, 12, 3, 0, 0, 1, tzinfo=STHLM))
        app._on_midnight()  # the app's own midnight timer
        names = [a.objectName() for a in app.tray.menu.actions()]
        assert not [n for n in names if n.startswith("reminder:")], names
    finally:
        assert app.reminders is not None
        app.reminders.stop()
        assert app.reminders.notifier is not None
        app.reminders.notifier.close()
        app.tray.close()
        app.tray = None
        app.shutdown()
