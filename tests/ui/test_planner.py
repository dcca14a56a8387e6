"""The planner window with real clicks and keys on a real profile (offscreen)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QScrollArea, QToolTip

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


def double_click_day(qtbot, win, day: date) -> None:
    cal = win.calendar
    rect = cell(win, day)
    qtbot.mouseDClick(cal.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def view_of(win):  # type: ignore[no-untyped-def]
    return win.calendar.viewport().parentWidget()


def test_a_click_selects_and_shows_the_day_without_planning_it(planner, qtbot, profile: Profile) -> None:
    click_day(qtbot, planner, FRI)
    assert profile.plan.get_day(FRI) is None, "a click only selects"
    assert planner.calendar.selected_day() == FRI
    assert planner.day_title.text().startswith("Friday 4 December")
    assert planner.day_status.text() == "Not planned."
    assert planner.day_info.text() == "Nothing stands in the way of planning it."
    assert planner.plan_button.text() == "&Plan this day"
    # The day editor is for planned days only; an unplanned day says what planning gives.
    assert not planner.editor.isVisible() and planner.unplanned_hint.isVisible()
    assert not planner.move_button.isVisible()
    click_day(qtbot, planner, CHRISTMAS)
    assert planner.day_status.text() == "Public holiday: Christmas Day."
    assert not planner.plan_button.isEnabled()
    assert "Christmas Day" in planner.calendar.accessibleDescription()


def test_the_button_plans_and_marks_the_day(planner, qtbot, profile: Profile) -> None:
    click_day(qtbot, planner, FRI)
    qtbot.mouseClick(planner.plan_button, Qt.MouseButton.LeftButton)
    assert profile.plan.get_day(FRI) is not None
    assert "Planned Friday 4 December" in planner.message.text()
    assert planner.day_status.text() == "Your antihjälte day."
    assert planner.editor.isVisible() and not planner.unplanned_hint.isVisible()
    assert list(planner.editor.item_boxes) == ["autoreply", "phone", "tasks", "calendar"]
    assert planner.undo_button.isVisible()
    # What the store says survives a fresh open of the same profile.
    again = Profile(Paths.resolve(profile.paths.data.parent))
    assert again.plan.get_day(FRI) is not None
    again.close()


def test_double_click_plans_and_takes_out(planner, qtbot, profile: Profile) -> None:
    double_click_day(qtbot, planner, FRI)
    assert profile.plan.get_day(FRI) is not None
    double_click_day(qtbot, planner, FRI)
    assert profile.plan.get_day(FRI) is None
    assert "Took Friday 4 December out of the plan." in planner.message.text()


def test_weekend_and_holiday_are_refused_with_the_reason(planner, qtbot, profile: Profile) -> None:
    double_click_day(qtbot, planner, SAT)
    assert profile.plan.get_day(SAT) is None
    assert "weekend" in planner.message.text()
    double_click_day(qtbot, planner, CHRISTMAS)
    assert profile.plan.get_day(CHRISTMAS) is None
    assert "Christmas Day" in planner.message.text()
    assert planner.day_status.text() == "Public holiday: Christmas Day."
    double_click_day(qtbot, planner, date(2026, 11, 27))  # last Friday: the past
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


def test_taking_out_and_undo_restores_everything(planner, qtbot, profile: Profile) -> None:
    Planning(profile).plan_day(FRI, "Read up on service design", "Anna")
    planner.refresh()
    profile.plan.set_item_done(FRI, "phone", True)
    click_day(qtbot, planner, FRI)
    assert profile.plan.get_day(FRI) is not None, "a click on a planned day only selects it"
    assert planner.note_edit.text() == "Read up on service design"
    assert planner.day_info.text().startswith("Anna covers for you.")
    qtbot.mouseClick(planner.plan_button, Qt.MouseButton.LeftButton)
    assert profile.plan.get_day(FRI) is None
    assert planner.undo_button.isVisible()
    qtbot.mouseClick(planner.undo_button, Qt.MouseButton.LeftButton)
    fd = profile.plan.get_day(FRI)
    assert fd is not None and fd.note == "Read up on service design" and fd.cover == "Anna"
    assert {i.key: i.done for i in profile.plan.items(FRI)}["phone"] is True
    assert "back in the plan" in planner.message.text()


def test_keyboard_selects_then_enter_and_space_plan_and_unplan(planner, qtbot, profile: Profile) -> None:
    cal = planner.calendar
    view = view_of(planner)
    assert planner.focusWidget() is view, "the planner opens with the focus in the calendar"
    assert cal.selected_day() == date(2026, 11, 30), "on today"
    qtbot.keyClick(view, Qt.Key.Key_Right)  # Tuesday 1 December
    qtbot.keyClick(view, Qt.Key.Key_Right)  # Wednesday 2 December
    assert cal.selected_day() == date(2026, 12, 2)
    assert profile.plan.get_day(date(2026, 12, 2)) is None, "moving the selection plans nothing"
    assert planner.day_title.text().startswith("Wednesday 2 December")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert profile.plan.get_day(date(2026, 12, 2)) is not None
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert profile.plan.get_day(date(2026, 12, 2)) is None
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert profile.plan.get_day(date(2026, 12, 2)) is not None


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo_from_the_calendar(planner, qtbot, profile: Profile) -> None:
    planner.activateWindow()
    qtbot.waitUntil(planner.isActiveWindow)
    view = view_of(planner)
    view.setFocus()
    cell(planner, FRI)
    planner.calendar.select_day(FRI)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert profile.plan.get_day(FRI) is not None
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert profile.plan.get_day(FRI) is None
    assert planner.message.text() == "Took Friday 4 December out of the plan."
    qtbot.keyClick(
        view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert profile.plan.get_day(FRI) is not None
    assert planner.message.text() == "Planned Friday 4 December."
    # Taking out, then undo: it is back, with what it held.
    planner.note_edit.setText("Omvärldsbevakning")
    planner.note_edit.editingFinished.emit()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert profile.plan.get_day(FRI) is None
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert profile.plan.get_day(FRI).note == "Omvärldsbevakning"
    assert planner.message.text() == "Friday 4 December is back in the plan."
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert profile.plan.get_day(FRI).note == ""
    assert planner.message.text() == "Undid the change of Friday 4 December."
    qtbot.keyClick(
        view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert planner.message.text() == "Redid the change of Friday 4 December."
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert planner.message.text() == "Nothing to undo."
    assert profile.plan.get_day(FRI) is None


def test_the_editor_is_shown_for_planned_days_only(planner, qtbot, profile: Profile) -> None:
    Planning(profile).plan_day(FRI)
    planner.refresh()
    for day, planned in ((FRI, True), (SAT, False), (date(2026, 12, 3), False), (FRI, True)):
        click_day(qtbot, planner, day)
        assert planner.editor.isVisible() is planned, day
        assert planner.note_edit.isVisible() is planned
        assert planner.autoreply_text.isVisible() is planned


def test_the_calendar_does_not_move_when_messages_and_panels_come_and_go(
    planner, qtbot, profile: Profile
) -> None:
    cal = planner.calendar
    cell(planner, FRI)
    before = (cal.geometry(), cal.cell_rect(FRI))
    scroll_width = planner.findChild(QScrollArea, "dayScroll").geometry()

    def same() -> None:
        cal.viewport().repaint()
        assert (cal.geometry(), cal.cell_rect(FRI)) == before
        assert planner.findChild(QScrollArea, "dayScroll").geometry() == scroll_width

    click_day(qtbot, planner, FRI)
    same()
    qtbot.mouseClick(planner.plan_button, Qt.MouseButton.LeftButton)  # message, Undo, the editor
    assert planner.undo_button.isVisible() and planner.editor.isVisible()
    same()
    planner._show_message("A long message.\nOn several lines,\nthree of them\nand a fourth.", force=FRI)
    assert planner.force_button.isVisible()
    same()
    planner._clear_message()
    same()
    qtbot.mouseClick(planner.plan_button, Qt.MouseButton.LeftButton)  # taken out: the hint instead
    same()
    planner.team_box.show()  # as after a first sync
    same()
    qtbot.keyClick(view_of(planner), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    same()


def test_each_state_of_a_cell_is_also_a_shape_or_words(planner, qtbot, profile: Profile) -> None:
    from antihjalte_desktop.ui.calendar_view import SYMBOL_HOLIDAY, SYMBOL_PLANNED

    Planning(profile).plan_day(FRI, "Omvärldsbevakning")
    planner.refresh()
    legend = planner.legend.text()
    for word in ("Antihjälte day", "Done", "Public holiday", "Weekend", "Today", "Past", SYMBOL_PLANNED,
                 SYMBOL_HOLIDAY):  # fmt: skip
        assert word in legend
    click_day(qtbot, planner, FRI)
    desc = planner.calendar.accessibleDescription()
    assert desc.startswith("Friday 4 December · week 49. Your antihjälte day")
    click_day(qtbot, planner, date(2026, 11, 30))
    assert "Today." in planner.calendar.accessibleDescription()
    click_day(qtbot, planner, date(2026, 11, 27))
    assert "In the past." in planner.calendar.accessibleDescription()
    click_day(qtbot, planner, SAT)
    assert "Weekend." in planner.calendar.accessibleDescription()
    # The symbols are painted: the planned cell differs from a plain planned-coloured cell's top right.
    img = planner.calendar.grab().toImage()
    rect = cell(planner, FRI)
    top_left = planner.calendar.viewport().mapTo(planner.calendar, rect.topLeft())
    colours = {
        img.pixel(top_left.x() + x, top_left.y() + y)
        for x in range(rect.width() * 2 // 3, rect.width() - 3)
        for y in range(3, rect.height() // 3)
    }
    assert len(colours) > 2, "a star is drawn in the planned cell's corner"


def test_plan_the_suggested_day(planner, qtbot, profile: Profile) -> None:
    button = planner.suggest_button
    assert button.isVisible()
    assert button.text() == "Plan suggested &day: Tuesday 1 December"
    assert "keeps your cadence (due by Monday 28 December)" in planner.suggest_reason.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert profile.plan.get_day(date(2026, 12, 1)) is not None
    assert planner.calendar.selected_day() == date(2026, 12, 1)
    assert planner.message.text().startswith("Planned Tuesday 1 December.")
    assert not button.isVisible(), "the cadence is kept now"
    assert "Cadence kept" in planner.cadence_label.text()


def test_move_a_day_to_another_date(planner, qtbot, profile: Profile) -> None:
    Planning(profile).plan_day(FRI, "Omvärldsbevakning", "Anna")
    profile.plan.set_item_done(FRI, "phone", True)
    planner.refresh()
    click_day(qtbot, planner, FRI)
    assert planner.move_button.isVisible()
    qtbot.mouseClick(planner.move_button, Qt.MouseButton.LeftButton)
    assert "Choose the new day for Friday 4 December" in planner.message.text()
    click_day(qtbot, planner, SAT)
    assert not planner.plan_button.isEnabled(), "not to a weekend"
    new = date(2026, 12, 8)
    click_day(qtbot, planner, new)
    assert planner.plan_button.text() == "Move &here" and planner.plan_button.isEnabled()
    qtbot.mouseClick(planner.plan_button, Qt.MouseButton.LeftButton)
    assert profile.plan.get_day(FRI) is None
    fd = profile.plan.get_day(new)
    assert fd is not None and fd.note == "Omvärldsbevakning" and fd.cover == "Anna"
    assert {i.key: i.done for i in profile.plan.items(new)}["phone"] is True
    assert planner.message.text() == "Moved Friday 4 December to Tuesday 8 December."
    assert planner.calendar.selected_day() == new
    # Undo moves it back.
    qtbot.keyClick(view_of(planner), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert profile.plan.get_day(FRI) is not None and profile.plan.get_day(new) is None
    assert planner.message.text() == "Moved Tuesday 8 December back to Friday 4 December."
    # With the keyboard, and Esc cancels a move without closing the window.
    click_day(qtbot, planner, FRI)
    qtbot.mouseClick(planner.move_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(view_of(planner), Qt.Key.Key_Escape)
    assert planner.isVisible() and planner.plan_button.text() == "&Take out of the plan"
    qtbot.mouseClick(planner.move_button, Qt.MouseButton.LeftButton)
    view = view_of(planner)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # Friday 11 December
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert profile.plan.get_day(date(2026, 12, 11)) is not None and profile.plan.get_day(FRI) is None


def test_side_panel_edits_note_cover_and_checklist(planner, qtbot, profile: Profile) -> None:
    profile.settings.set("team.roster", ["Anna Berg, anna.berg@kommun.se, 070-123 45 67"])
    double_click_day(qtbot, planner, FRI)
    planner.note_edit.setFocus()
    type_text(planner.note_edit, "Omvärldsbevakning")
    qtbot.keyClick(planner.note_edit, Qt.Key.Key_Tab)  # leaving the field saves it
    assert profile.plan.get_day(FRI).note == "Omvärldsbevakning"

    line = planner.cover_combo.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "Anna Berg")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert profile.plan.get_day(FRI).cover == "Anna Berg"
    boxes = planner.editor.item_boxes
    qtbot.waitUntil(lambda: boxes["phone"].text() == "Phone forwarded to Anna Berg")
    assert "anna.berg@kommun.se" in planner.autoreply_text.toPlainText()
    assert planner.editor.cover_contact.text() == "070-123 45 67, anna.berg@kommun.se"

    # Tick one item with the mouse, another with the keyboard.
    first = boxes["autoreply"]
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton, pos=QPoint(8, first.height() // 2))
    boxes["tasks"].setFocus()
    qtbot.keyClick(boxes["tasks"], Qt.Key.Key_Space)
    done = {i.key: i.done for i in profile.plan.items(FRI)}
    assert done == {"autoreply": True, "phone": False, "tasks": True, "calendar": False}

    # Pass on a task, tick it, remove it.
    editor = planner.editor
    qtbot.keyClicks(editor.task_text, "Svara pa remissen")
    qtbot.keyClicks(editor.task_to, "Anna")
    qtbot.keyClick(editor.task_to, Qt.Key.Key_Return)
    tasks = profile.plan.tasks(FRI)
    assert [(t.text, t.to) for t in tasks] == [("Svara pa remissen", "Anna")]
    from PySide6.QtWidgets import QCheckBox, QToolButton

    editor.findChild(QCheckBox, f"task_{tasks[0].id}").click()
    assert profile.plan.tasks(FRI)[0].done
    editor.findChild(QToolButton, f"removeTask_{tasks[0].id}").click()
    assert profile.plan.tasks(FRI) == []


def test_the_editor_follows_a_change_made_elsewhere(planner, qtbot, profile: Profile) -> None:
    double_click_day(qtbot, planner, FRI)
    planning = planner._planning
    planning.set_item_done(FRI, "phone", True)  # as another window of the app would
    planning.add_task(FRI, "Posten", "Omar")
    assert planner.editor.item_boxes["phone"].isChecked()
    assert [t.text for t in planner.editor.tasks()] == ["Posten"]


def test_autoreply_in_both_languages_and_copy(planner, qtbot, profile: Profile) -> None:
    profile.settings.set("me.name", "Kim Lind")
    double_click_day(qtbot, planner, FRI)
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
    double_click_day(qtbot, planner, date(2027, 1, 13))
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


def test_accessible_names_on_controls(planner, qtbot) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
    )

    checked = 0
    double_click_day(qtbot, planner, FRI)  # the day editor's controls too
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


def test_keys_move_by_day_week_and_month_across_months(planner, qtbot, profile: Profile) -> None:
    cal = planner.calendar
    view = view_of(planner)
    cal.select_day(date(2026, 12, 31))
    pages: list[tuple[int, int]] = []
    cal.currentPageChanged.connect(lambda y, m: pages.append((y, m)))
    for key, day in (
        (Qt.Key.Key_Right, date(2027, 1, 1)),  # into the next month: its page
        (Qt.Key.Key_Up, date(2026, 12, 25)),  # a week back, into December again
        (Qt.Key.Key_PageDown, date(2027, 1, 25)),
        (Qt.Key.Key_PageUp, date(2026, 12, 25)),
        (Qt.Key.Key_End, date(2026, 12, 31)),
        (Qt.Key.Key_Home, date(2026, 12, 1)),
        (Qt.Key.Key_Left, date(2026, 11, 30)),
        (Qt.Key.Key_Down, date(2026, 12, 7)),
    ):
        qtbot.keyClick(view, key)
        assert cal.selected_day() == day, key
        assert (cal.yearShown(), cal.monthShown()) == (day.year, day.month)
    assert pages == [(2027, 1), (2026, 12), (2027, 1), (2026, 12), (2026, 11), (2026, 12)]
    assert planner.day_title.text().startswith("Monday 7 December")
    cal.select_day(date(2027, 3, 31))
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert cal.selected_day() == date(2027, 2, 28), "to the last day of a shorter month"
    qtbot.keyClick(view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert cal.selected_day() == date(2028, 2, 28)
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert cal.selected_day() == date(2026, 11, 30), "Ctrl+Home: today"
    assert all(profile.plan.get_day(d) is None for d in (date(2026, 12, 7), date(2027, 1, 1))), "only moved"
    assert planner.focusWidget() is view


def test_the_month_bar_turns_the_months(planner, qtbot) -> None:
    cal = planner.calendar
    assert (cal.yearShown(), cal.monthShown()) == (2026, 11)
    qtbot.mouseClick(cal.next_button, Qt.MouseButton.LeftButton)
    assert (cal.yearShown(), cal.monthShown()) == (2026, 12)
    assert cal.month_button.text() == "December" and cal.year_button.text() == "2026"
    assert cal.month_button.accessibleName() == "Month: December"
    assert cal.year_button.accessibleName() == "Year: 2026"
    assert cal.next_button.accessibleName() == "Next month"
    assert cal.prev_button.accessibleName() == "Previous month"
    qtbot.mouseClick(cal.prev_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(cal.prev_button, Qt.MouseButton.LeftButton)
    assert (cal.yearShown(), cal.monthShown()) == (2026, 10)
    assert cal.selected_day() == date(2026, 11, 30), "turning the page selects nothing"
    assert view_of(planner).accessibleName() == "Days of the month: October 2026"


def test_each_day_is_named_in_words_for_a_screen_reader(planner, profile: Profile) -> None:
    from antihjalte_desktop.ui.calendar_view import MonthModel

    Planning(profile).plan_day(FRI, "Omvärldsbevakning")
    planner.refresh()
    cal = planner.calendar
    cell(planner, FRI)
    cal.set_team({date(2026, 12, 3): (2, 1)})
    model = cal.model()
    assert isinstance(model, MonthModel) and view_of(planner).model() is model

    def said(day: date, role: Qt.ItemDataRole = Qt.ItemDataRole.AccessibleTextRole) -> str:
        return str(model.data(model.index_of(day), role))

    assert said(FRI) == "Friday 4 December, planned antihjälte day"
    assert said(FRI, Qt.ItemDataRole.AccessibleDescriptionRole) == "Antihjälte day: Omvärldsbevakning"
    assert said(date(2026, 11, 30)) == "Monday 30 November, today"
    assert said(CHRISTMAS) == "Friday 25 December, public holiday: Christmas Day"
    assert said(SAT) == "Saturday 5 December, weekend"
    assert said(date(2026, 12, 3)) == (
        "Thursday 3 December, 2 colleagues on an antihjälte day, 1 colleague away"
    )
    assert said(date(2027, 1, 4)) == "Monday 4 January 2027"
    assert said(FRI, Qt.ItemDataRole.DisplayRole) == "4"
    h, v = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    assert model.headerData(2, h, Qt.ItemDataRole.AccessibleTextRole) == "Wednesday"
    assert model.headerData(2, h, Qt.ItemDataRole.DisplayRole) == "Wed"
    assert model.headerData(0, v, Qt.ItemDataRole.AccessibleTextRole) == "week 49"
    assert model.headerData(0, v, Qt.ItemDataRole.DisplayRole) == "49"
    # A past planned day is done; a past day is past.
    profile.plan.set_item_done(FRI, "phone", True)
    cal.set_planned({FRI}, date(2026, 12, 10))
    assert said(FRI) == "Friday 4 December, antihjälte day, done"
    assert said(date(2026, 12, 3)).startswith("Thursday 3 December, past, ")


def test_the_days_are_named_in_swedish(make_app, qtbot, profile: Profile) -> None:
    profile.settings.set("ui.language", "sv")
    app = make_app()
    win = app.open_planner()
    qtbot.waitUntil(app.holidays.calendar_ready)
    Planning(profile).plan_day(date(2026, 12, 2))
    win.refresh()
    cell(win, CHRISTMAS)
    model = win.calendar.model()

    def said(day: date) -> str:
        return str(model.data(model.index_of(day), Qt.ItemDataRole.AccessibleTextRole))

    assert said(date(2026, 12, 2)) == "onsdag 2 december, planerad antihjältedag"
    assert said(CHRISTMAS) == "fredag 25 december, röd dag: Juldagen"
    assert said(SAT) == "lördag 5 december, helg"
    assert said(date(2026, 11, 30)) == "måndag 30 november, i dag"
    assert model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.AccessibleTextRole) == "vecka 49"
    assert model.headerData(6, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole) == "söndag"
    assert win.calendar.next_button.accessibleName() == "Nästa månad"


def test_a_double_click_on_a_day_of_the_next_month_plans_that_day(planner, qtbot, profile: Profile) -> None:
    """The first click turns the page to January; the double-click is for the day it chose, not
    the January day that is now under the pointer."""
    jan4 = date(2027, 1, 4)
    rect = cell(planner, jan4)
    vp = planner.calendar.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=rect.center())
    assert planner.calendar.monthShown() == 1 and planner.calendar.selected_day() == jan4
    qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=rect.center())
    assert profile.plan.get_day(jan4) is not None
    assert [d for d in (date(2027, 1, d) for d in range(1, 32)) if profile.plan.get_day(d)] == [jan4]
