"""Every open view follows a change made by another process, through the app's store watcher
(ui/watcher.py): the command line plans a day, adds a journal entry, ticks a checklist item, or
changes a setting, and the planner, the journal list, the handover dialog and the tray follow.
The other process is a real ``antihjalte`` subprocess on the same profile."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.profile import Profile
from tests.ui.conftest import NOW, OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

WED = date(2026, 12, 2)


def cli(profile: Profile, *args: str, stdin: str | None = None) -> None:
    env = dict(os.environ, ANTIHJALTE_HOME=str(profile.paths.data.parent), ANTIHJALTE_NOW=NOW.isoformat())
    out = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", *args],
        env=env, input=stdin, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr


@pytest.fixture
def running(make_app, qtbot):
    app = make_app(has_tray=False)
    qtbot.waitUntil(app.holidays.calendar_ready)
    app.start(show_planner=False)
    yield app
    app.watcher.stop()


def test_planner_and_tray_follow_the_command_line(running, qtbot, profile: Profile) -> None:
    win = running.open_planner(WED)
    assert WED not in win.calendar.planned_days()
    cli(profile, "plan", "add", WED.isoformat())
    qtbot.waitUntil(lambda: WED in win.calendar.planned_days(), timeout=1000)
    assert running._tray_view().entries[0].text == "Next antihjälte day: Wednesday 2 December (week 49)"
    cli(profile, "plan", "remove", WED.isoformat())
    qtbot.waitUntil(lambda: WED not in win.calendar.planned_days(), timeout=1000)


def test_reminder_schedule_follows_the_command_line(running, qtbot, profile: Profile) -> None:
    running.start_services()
    service = running.reminders
    qtbot.waitUntil(lambda: service._started, timeout=5000)
    assert service.next_reminder is None
    cli(profile, "plan", "add", WED.isoformat())
    qtbot.waitUntil(lambda: service.next_reminder is not None, timeout=1000)
    assert service.next_reminder.day == WED
    service.stop()


def test_a_setting_from_the_command_line_reaches_the_app(running, qtbot, profile: Profile) -> None:
    seen: list[str] = []
    running.hub.settings_changed.connect(seen.append)
    cli(profile, "config", "set", "cadence.every_weeks", "6")
    qtbot.waitUntil(lambda: "cadence.every_weeks" in seen, timeout=1000)
    assert profile.settings.get("cadence.every_weeks") == 6
    assert seen == ["cadence.every_weeks"], "only the key that changed is announced"


def test_the_app_own_changes_are_not_announced_twice(running, qtbot, profile: Profile) -> None:
    changes: list[int] = []
    running.hub.plan_changed.connect(lambda: changes.append(1))
    running.planning.plan_day(WED)  # the service announces it (no second, external notice follows)
    checks = running.watcher.checks
    qtbot.waitUntil(lambda: running.watcher.checks > checks, timeout=1000)  # the watcher looked...
    qtbot.wait(100)
    assert changes == [1], "...and saw that the write was the app's own"


def test_handover_dialog_follows_the_command_line(running, qtbot, profile: Profile) -> None:
    Planning(profile).plan_day(WED)
    dlg = running.open_handover(WED)
    assert not dlg.item_boxes["phone"].isChecked()
    cli(profile, "handover", WED.isoformat(), "--check", "phone", "--task", "Svara Anna", "--to", "Omar")
    qtbot.waitUntil(lambda: dlg.item_boxes["phone"].isChecked(), timeout=1000)
    assert [t.text for t in dlg.tasks()] == ["Svara Anna"]
    task = dlg.tasks()[0]
    from PySide6.QtWidgets import QCheckBox

    qtbot.waitUntil(lambda: dlg.findChild(QCheckBox, f"task_{task.id}") is not None, timeout=1000)
    dlg.close()


def test_journal_list_follows_the_command_line(running, qtbot, profile: Profile) -> None:
    win = running.open_journal()
    before = win.model.rowCount()
    cli(profile, "journal", "add", "--title", "Omvärldsbevakning", "-", stdin="Läste rapporten.\n")
    qtbot.waitUntil(lambda: win.model.rowCount() == before + 1, timeout=1000)
    win.close()


def test_the_planner_day_editor_follows_the_command_line(running, qtbot, profile: Profile) -> None:
    Planning(profile).plan_day(WED)
    win = running.open_planner(WED)
    qtbot.waitUntil(lambda: win.editor.isVisible(), timeout=1000)
    assert not win.editor.item_boxes["phone"].isChecked()
    cli(profile, "handover", WED.isoformat(), "--check", "phone", "--task", "Svara Anna", "--to", "Omar")
    qtbot.waitUntil(lambda: win.editor.item_boxes["phone"].isChecked(), timeout=1000)
    assert [t.text for t in win.editor.tasks()] == ["Svara Anna"]
    cli(profile, "plan", "remove", WED.isoformat())
    qtbot.waitUntil(lambda: not win.editor.isVisible(), timeout=1000)
    assert win.unplanned_hint.isVisible()


def test_the_planner_and_the_handover_dialog_follow_each_other(running, qtbot, profile: Profile) -> None:
    from PySide6.QtCore import QPoint, Qt

    Planning(profile).plan_day(WED)
    win = running.open_planner(WED)
    dlg = running.open_handover(WED)
    box = dlg.item_boxes["phone"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert win.editor.item_boxes["phone"].isChecked(), "the dialog's tick reaches the planner"
    note = dlg.editor.note_edit
    note.setText("Omvärldsbevakning")
    note.editingFinished.emit()
    assert win.note_edit.text() == "Omvärldsbevakning"
    box = win.editor.item_boxes["autoreply"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dlg.item_boxes["autoreply"].isChecked(), "and the planner's tick reaches the dialog"
    dlg.close()
