"""The planner window with real clicks and keys on a real profile (offscreen)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QToolTip

from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile
from tests.ui.conftest import OFFSCREEN_NOISE, type_text

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

FRI = date(2026, 12, 4)
SAT = date(2026, 12, 5)
CHRISTMAS = date(2026, 12, 25)


@pytest.fixture
def planner(make_app, qtbot):
    app = make_app()
    win = app.open_planner()
    qtbot.waitExposed(win)
    qtbot.waitUntil(app.holidays.calendar_ready)
    return win


def cell(win, day: date):
    """Turn the calendar to ``day``'s month and return where ``day`` is painted."""
    cal = win.calendar
    if (cal.yearShown(), cal.monthShown()) != (day.year, day.month):
        cal.setCurrentPage(day.year, day.month)
    cal.viewport().repaint()
    rect = cal.cell_rect(day)
    assert rect is not None, f"{day} is not on the page"
    return rect


def click_day(qtbot, win, day: date) -> None:
    cal = win.calendar
    rect = cell(win, day)
    qtbot.mouseClick(cal.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_click_plans_a_workday_and_marks_it(planner, qtbot, profile: Profile) -> None:
    click_day(qtbot, planner, FRI)
    assert profile.plan.get_day(FRI) is not None
    assert "Planned Friday 4 December" in planner.message.text()
    assert planner.day_title.text().startswith("Friday 4 December")
    assert planner.day_status.text() == "Your antihjälte day."
    assert planner.checklist.count() == 4  # the default handover items
    # What the store says survives a fresh open of the same profile.
    again = Profile(Paths.resolve(profile.paths.data.parent))
    assert again.plan.get_day(FRI) is not None
    again.close()


def test_weekend_and_holiday_are_refused_with_the_reason(planner, qtbot, profile: Profile) -> None:
    click_day(qtbot, planner, SAT)
    assert profile.plan.get_day(SAT) is None
    assert "weekend" in planner.message.text()
    click_day(qtbot, planner, CHRISTMAS)
    assert profile.plan.get_day(CHRISTMAS) is None
    assert "Christmas Day" in planner.message.text()
    assert planner.day_status.text() == "Public holiday: Christmas Day."
    click_day(qtbot, planner, date(2026, 11, 27))  # last Friday: the past
    assert "in the past" in planner.message.text()


def test_holiday_name_on_hover(planner, qtbot) -> None:
    cal = planner.calendar
    rect = cell(planner, CHRISTMAS)
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), cal.viewport().mapToGlobal(rect.center()))
    QGuiApplication.sendEvent(cal.viewport(), event)
    assert QToolTip.text() == "Christmas Day"
    rect = cell(planner, SAT)
    QGuiApplication.sendEvent(
        cal.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, rect.center(), cal.viewport().mapToGlobal(rect.center())),
    )
    assert QToolTip.text() == "Weekend"
    QToolTip.hideText()


def test_first_click_on_a_planned_day_selects_second_unplans_and_undo_restores(
    planner, qtbot, profile: Profile
) -> None:
    Planning(profile).plan_day(FRI, "Read up on service design", "Anna")
    planner.refresh()
    profile.plan.set_item_done(FRI, "phone", True)
    click_day(qtbot, planner, FRI)
    assert profile.plan.get_day(FRI) is not None, "one click on a planned day only selects it"
    assert planner.note_edit.text() == "Read up on service design"
    click_day(qtbot, planner, FRI)
    assert profile.plan.get_day(FRI) is None
    assert planner.undo_button.isVisible()
    qtbot.mouseClick(planner.undo_button, Qt.MouseButton.LeftButton)
    fd = profile.plan.get_day(FRI)
    assert fd is not None and fd.note == "Read up on service design" and fd.cover == "Anna"
    assert {i.key: i.done for i in profile.plan.items(FRI)}["phone"] is True
    assert "back in the plan" in planner.message.text()


def test_keyboard_plans_and_unplans(planner, qtbot, profile: Profile) -> None:
    cal = planner.calendar
    cal.select_day(date(2026, 12, 1))
    view = cal.viewport().parentWidget()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # Wednesday 2 December
    assert cal.selected_day() == date(2026, 12, 2)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert profile.plan.get_day(date(2026, 12, 2)) is not None
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert profile.plan.get_day(date(2026, 12, 2)) is None


def test_side_panel_edits_note_cover_and_checklist(planner, qtbot, profile: Profile) -> None:
    profile.settings.set("team.roster", ["Anna Berg, anna.berg@kommun.se, 070-123 45 67"])
    click_day(qtbot, planner, FRI)
    planner.note_edit.setFocus()
    type_text(planner.note_edit, "Omvärldsbevakning")
    qtbot.keyClick(planner.note_edit, Qt.Key.Key_Tab)  # leaving the field saves it
    assert profile.plan.get_day(FRI).note == "Omvärldsbevakning"

    line = planner.cover_combo.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "Anna Berg")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert profile.plan.get_day(FRI).cover == "Anna Berg"

    def labels() -> list[str]:
        return [planner.checklist.item(i).text() for i in range(planner.checklist.count())]

    qtbot.waitUntil(lambda: "Phone forwarded to Anna Berg" in labels())
    assert "anna.berg@kommun.se" in planner.autoreply_text.toPlainText()

    # Tick one item with the mouse on its check box, another with the keyboard.
    lw = planner.checklist
    rect = lw.visualItemRect(lw.item(0))
    qtbot.mouseClick(
        lw.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y())
    )
    lw.setFocus()
    lw.setCurrentRow(2)
    qtbot.keyClick(lw.viewport(), Qt.Key.Key_Space)
    done = {i.key: i.done for i in profile.plan.items(FRI)}
    assert done == {"autoreply": True, "phone": False, "tasks": True, "calendar": False}


def test_autoreply_in_both_languages_and_copy(planner, qtbot, profile: Profile) -> None:
    profile.settings.set("me.name", "Kim Lind")
    click_day(qtbot, planner, FRI)
    assert "Friday 4 December" in planner.autoreply_text.toPlainText()
    planner.autoreply_lang.setFocus()
    planner.autoreply_lang.setCurrentIndex(planner.autoreply_lang.findData("sv"))
    text = planner.autoreply_text.toPlainText()
    assert "fredag 4 december" in text and "måndag 7 december" in text and "Kim Lind" in text
    qtbot.mouseClick(planner.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text
    assert "copied" in planner.message.text()


def test_cadence_status(planner, qtbot, profile: Profile) -> None:
    assert "Next day due by Monday 28 December" in planner.cadence_label.text()
    click_day(qtbot, planner, date(2027, 1, 13))
    assert "after the due date" in planner.cadence_label.text()


def test_without_tray_the_window_says_why_and_closing_quits(make_app, qtbot, monkeypatch) -> None:
    app = make_app(has_tray=False)
    quits: list[bool] = []
    monkeypatch.setattr(app, "quit", lambda: quits.append(True))
    win = app.open_planner()
    qtbot.waitExposed(win)
    assert win.banner.isVisible() and "No system tray" in win.banner.text()
    win.close()
    assert quits == [True]


def test_with_tray_closing_only_hides(make_app, qtbot, monkeypatch) -> None:
    app = make_app(has_tray=True)
    quits: list[bool] = []
    monkeypatch.setattr(app, "quit", lambda: quits.append(True))
    win = app.open_planner()
    qtbot.waitExposed(win)
    assert not win.banner.isVisible()
    win.close()  # the title bar's close button
    assert not win.isVisible() and quits == []
    assert app.open_planner() is win and win.isVisible()


def test_accessible_names_on_controls(planner) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
    )

    checked = 0
    for cls in (QAbstractButton, QComboBox, QLineEdit, QListWidget, QPlainTextEdit):
        for w in planner.findChildren(cls):
            if planner.calendar.isAncestorOf(w) or isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # the calendar's own navigation, and the editor inside a combo box
            if (
                isinstance(w, QAbstractButton)
                and w.parent() is not None
                and w.parent().inherits("QScrollBar")
            ):
                continue
            assert w.accessibleName(), f"{w} has no accessible name"
            checked += 1
    assert checked >= 8
    assert planner.calendar.accessibleName() == "Month calendar"


def test_first_start_computes_holidays_off_the_ui_thread_and_then_fills_in(make_app, qtbot, profile) -> None:
    import shutil
    import threading

    shutil.rmtree(profile.paths.cache / "holidays")  # a first start: no holiday cache yet
    profile.reset_calendar()
    app = make_app()
    # Hold the worker until the window is up, as a slow first computation would.
    go = threading.Event()
    compute = app.holidays._compute
    app.holidays._compute = lambda cal, year: (go.wait(10), compute(cal, year))  # type: ignore[method-assign]
    win = app.open_planner()
    assert not app.holidays.calendar_ready()
    assert win.cadence_label.text() == "…"  # not guessed while the years load
    go.set()
    qtbot.waitUntil(app.holidays.calendar_ready, timeout=30_000)
    qtbot.waitUntil(lambda: "due by" in win.cadence_label.text())
    assert "Christmas Day" in win._tooltip(CHRISTMAS)


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_keyboard_mnemonics_are_unique(make_app, qtbot, profile, lang: str) -> None:
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    profile.settings.set("ui.language", lang)
    app = make_app()
    win = app.open_planner()
    keys: dict[str, str] = {}
    for w in [*win.findChildren(QLabel), *win.findChildren(QAbstractButton)]:
        text = w.text()
        m = re.search(r"&(\w)(?![\w#]*;)", text)  # not an HTML entity such as &nbsp;
        if m and not win.calendar.isAncestorOf(w):
            key = m.group(1).lower()
            assert key not in keys, f"Alt+{key}: {keys.get(key)!r} and {text!r}"
            keys[key] = text
    assert len(keys) >= 6
