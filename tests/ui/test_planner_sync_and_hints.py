"""The planner shows the team feed's last good sync (or its problem) with "Sync now", and the day
editor says what the auto-reply lacks (your name, a cover) with a way to add it — in the planner
and in the handover dialog."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from antihjalte_desktop.store.profile import Profile
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

WED = date(2026, 12, 2)


def test_planner_shows_the_last_good_sync_and_syncs_now(make_app, qtbot, profile: Profile) -> None:
    app = make_app(has_tray=False)
    win = app.open_planner(WED)
    qtbot.waitUntil(app.holidays.calendar_ready)
    assert win.sync_label.text().startswith("Not synced yet")
    status = {"in_sync": True, "state": "ok", "last_good_sync": "2026-11-30T08:42:00+00:00"}
    (Path(profile.paths.data) / "feed-status.json").write_text(json.dumps(status))
    app.feed_sync.status_file_changed()  # what the store watcher calls when the file changes
    qtbot.waitUntil(lambda: win.sync_label.text() == "Synced 09:42", timeout=2000)  # Stockholm time
    app.feed_sync.set_problem("the share is not mounted")
    assert "Sync problem: the share is not mounted" in win.sync_label.text()
    calls: list[int] = []
    app.feed_sync.sync_now = lambda: calls.append(1)  # type: ignore[method-assign]
    win.sync_button.clicked.disconnect()
    win.sync_button.clicked.connect(app.feed_sync.sync_now)
    win.sync_button.click()
    assert calls == [1]


def test_the_editor_says_what_the_auto_reply_lacks(make_app, qtbot, profile: Profile) -> None:
    app = make_app(has_tray=False)
    app.planning.plan_day(WED)
    win = app.open_planner(WED)
    qtbot.waitUntil(app.holidays.calendar_ready)
    hint = win.editor.missing_hint
    qtbot.waitUntil(hint.isVisible)
    assert "Your name and who covers for you are missing" in hint.label.text()
    dlg = app.open_handover(WED)
    assert dlg.editor.missing_hint.isVisible()
    hint.button.click()  # opens the settings on the page where the name is added
    assert app.settings_dialog is not None and app.settings_dialog.isVisible()
    profile.settings.set("me.name", "Kim Lund")
    profile.settings.set("me.cover", "Anna Berg")
    qtbot.waitUntil(lambda: not hint.isVisible(), timeout=2000)
    qtbot.waitUntil(lambda: not dlg.editor.missing_hint.isVisible(), timeout=2000)
    dlg.close()


def test_the_handover_heading_speaks_of_the_day_as_it_is(make_app, qtbot, profile: Profile) -> None:
    app = make_app(has_tray=False)
    app.planning.plan_day(WED)
    dlg = app.open_handover(WED)
    from PySide6.QtWidgets import QLabel

    heading = dlg.findChild(QLabel, "heading")
    assert heading is not None
    expected = "Your antihjälte day is Wednesday 2 December – hand over before it starts"
    assert heading.text().startswith(expected)
    dlg.close()
