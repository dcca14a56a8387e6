"""The tray's menu and icon state, built from the app's state (offscreen: the menu object itself;
tests/integration/test_tray_xvfb.py clicks the real icon under a real tray host)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from antihjalte_desktop.core.reminders import Reminder, ReminderKind
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.ui.icons import TrayState
from tests.ui.conftest import OFFSCREEN_NOISE, STHLM

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def tray(make_app, qtbot):
    from antihjalte_desktop.ui.tray import Tray

    app = make_app()
    qtbot.waitUntil(app.holidays.calendar_ready)
    app.tray = Tray(app._tray_view, app, app.icon, app)  # not shown: offscreen has no tray
    app.self_test = True  # the reminders and the feed's timer are built but stay quiet
    app.start_services()
    app.tray.app = app  # for the tests below
    return app.tray


def opened(tray) -> dict[str, object]:
    """The menu's actions by name, as they are before it opens: a StatusNotifierItem host reads
    and measures the layout before it shows the menu, so the menu must already be current."""
    return {a.objectName() or a.text(): a for a in tray.menu.actions() if not a.isSeparator()}


def test_menu_entries_and_status_line(tray, profile: Profile) -> None:
    acts = opened(tray)
    assert acts["status"].text() == "No antihjälte day planned"
    assert not acts["status"].isEnabled()
    for name in ("plan", "handover", "settings", "about", "quit"):
        assert name in acts
    assert "sync" in acts, "the feed package is installed: Sync now is offered"
    assert not acts["handover"].isEnabled(), "nothing planned: no handover"

    Planning(profile).plan_day(date(2026, 12, 4))
    tray.app.hub.notify_plan_changed()
    acts = opened(tray)
    assert acts["status"].text() == "Next antihjälte day: Friday 4 December (week 49)"
    assert acts["handover"].isEnabled()
    assert "Friday 4 December" in tray.icon.toolTip()


def test_overdue_status(tray, profile: Profile) -> None:
    profile.plan.add_day(date(2026, 9, 1), "", "", [])  # the last day, long ago
    tray.app.hub.notify_plan_changed()
    assert opened(tray)["status"].text().startswith("Overdue by ")


def test_icon_states(tray, profile: Profile) -> None:
    app = tray.app
    assert tray.state is TrayState.NORMAL
    Planning(profile).plan_day(profile.today())
    app.hub.notify_plan_changed()
    assert tray.state is TrayState.FOCUS
    assert opened(tray)["status"].text() == "Today is your antihjälte day"
    rem = Reminder(
        "2026-11-30/reflect",
        ReminderKind.REFLECT,
        date(2026, 11, 30),
        datetime(2026, 11, 30, 16, 0, tzinfo=STHLM),
        datetime(2026, 12, 1, 0, 0, tzinfo=STHLM),
    )
    app._on_waiting([rem])
    assert tray.state is TrayState.REMINDER
    texts = [a.text() for a in tray.menu.actions()]
    opened(tray)
    texts = [a.text() for a in tray.menu.actions()]
    assert "Time to reflect on today" in texts
    app.feed_sync.set_problem("the server did not answer")
    assert tray.state is TrayState.SYNC_PROBLEM
    app.feed_sync.set_problem(None)
    app._on_waiting([])
    assert tray.state is TrayState.FOCUS


def test_sync_now_runs_the_sync_command_and_shows_its_problem(
    tray, qtbot, profile: Profile, monkeypatch
) -> None:
    app = tray.app
    monkeypatch.setenv("ANTIHJALTE_HOME", str(profile.paths.data.parent))
    # A feed folder that does not exist: the sync fails, and the tray says so.
    profile.settings.set("feed.location", str(profile.paths.data.parent / "no-such-share" / "team.ics"))
    with qtbot.waitSignal(app.feed_sync.finished, timeout=60_000) as done:
        opened(tray)["sync"].trigger()
    assert done.args == [False]
    assert tray.state is TrayState.SYNC_PROBLEM
    assert "does not exist" in (app.feed_sync.problem or "")
    assert any(
        "does not exist" in a.toolTip() and a.text().startswith("Sync problem: ")
        for a in opened(tray).values()
    )
    # Back to a feed file in the profile: the next sync clears the problem.
    profile.settings.reset("feed.location")
    with qtbot.waitSignal(app.feed_sync.finished, timeout=60_000) as done:
        app.sync_now()
    assert done.args == [True]
    assert app.feed_sync.problem is None and tray.state is TrayState.NORMAL
    # The good sync is a line of its own ("Synced 10:42": the sync process's clock, with the day
    # when that is not the app's today).
    assert app.feed_sync.last_good_sync() is not None
    assert opened(tray)["lastSync"].text().startswith("Synced ")


def test_entries_open_their_windows(tray, qtbot) -> None:
    app = tray.app
    opened(tray)["plan"].trigger()
    assert app.planner is not None and app.planner.isVisible()
    opened(tray)["settings"].trigger()
    assert app.settings_dialog is not None and app.settings_dialog.isVisible()


def test_left_click_opens_the_planner(tray) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert tray.app.planner is not None and tray.app.planner.isVisible()


def test_start_at_login_from_the_menu_and_the_settings(tray, profile: Profile, tmp_path) -> None:
    import os
    from pathlib import Path

    entry = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / "antihjalte.desktop"
    acts = opened(tray)
    assert acts["autostart"].isCheckable() and not acts["autostart"].isChecked()
    acts["autostart"].trigger()
    assert profile.settings.get("app.autostart") is True
    assert entry.exists() and "--autostart" in entry.read_text()
    assert opened(tray)["autostart"].isChecked()
    profile.settings.set("app.autostart", False)  # as the settings dialog does
    assert not entry.exists()
    assert not opened(tray)["autostart"].isChecked()


def test_a_waiting_reminder_has_its_buttons_in_the_menu(tray, profile: Profile) -> None:
    """Each waiting reminder is a submenu with the notification's buttons: Open, the snoozes, Done;
    its line speaks of the day as it is today (the app's clock: Monday 30 November, the day itself,
    so "tomorrow morning" is not offered: the handover would come back after its day)."""
    from antihjalte_desktop.core.reminders import ReminderState

    app = tray.app
    mon = date(2026, 11, 30)
    Planning(profile).plan_day(mon)
    handover = Reminder(
        f"{mon}/handover", ReminderKind.HANDOVER, mon,
        datetime(2026, 11, 27, 14, 0, tzinfo=STHLM), datetime(2026, 12, 1, 0, 0, tzinfo=STHLM),
        ReminderState.SHOWN,
    )  # fmt: skip
    profile.plan.set_reminder_state(handover.id, ReminderState.SHOWN)
    app._on_waiting([handover])
    entry = opened(tray)[f"reminder:{handover.id}"]
    assert entry.text() == "Today is your antihjälte day – hand over as soon as you can"
    sub = entry.menu()
    assert sub is not None
    assert [a.text() for a in sub.actions()] == [
        "Open checklist",
        "Remind me in 15 minutes",
        "Remind me in an hour",
        "Done",
    ]
    # "Done" from the menu finishes it (and the reminder service takes its message off the screen).
    app.reminders._started = True  # self-test mode built it quiet; let it re-aim after the change
    next(a for a in sub.actions() if a.text() == "Done").trigger()
    assert profile.plan.reminder_states()[handover.id].state is ReminderState.DONE
    assert f"reminder:{handover.id}" not in opened(tray)


def test_the_last_good_sync_is_a_line_in_the_menu(tray, qtbot, profile: Profile, monkeypatch) -> None:
    import json

    from antihjalte_desktop.feed.sync import status_path

    app = tray.app
    assert "lastSync" not in opened(tray), "no team feed set: nothing to say about syncing"
    profile.settings.set("feed.location", str(profile.paths.data.parent / "share" / "team.ics"))
    assert opened(tray)["lastSync"].text() == "Not synced yet"
    # A sync's status file (written by `antihjalte sync`, ours or another process's).
    path = status_path(profile.paths.data)
    path.write_text(
        json.dumps({"in_sync": True, "state": "in_sync", "last_good_sync": "2026-11-30T09:42:00+00:00"})
    )
    app.feed_sync.status_file_changed()
    line = opened(tray)["lastSync"]
    assert line.text() == "Synced 10:42" and not line.isEnabled()  # 09:42 UTC is 10:42 in Stockholm
    path.write_text(
        json.dumps(
            {
                "in_sync": False, "state": "error", "reason": "the share is not mounted",
                "last_good_sync": "2026-11-27T15:05:00+00:00",
            }
        )
    )  # fmt: skip
    app.feed_sync.status_file_changed()
    acts = opened(tray)
    assert acts["lastSync"].text() == "Synced 27 November at 16:05"
    assert acts["syncProblem"].text() == "Sync problem: the share is not mounted"
    names = list(acts)
    assert names.index("lastSync") < names.index("syncProblem") < names.index("sync")
