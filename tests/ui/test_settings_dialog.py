"""The settings dialog, generated from the schema, used with keys and clicks as a person uses it:
a value is saved once, when its editing is finished; Enter never closes the dialog; typed times;
refusals said in a sentence; countries by name; lists edited as rows."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from antihjalte_desktop.core.settings_schema import SCHEMA, Kind
from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.store.settings import Settings
from antihjalte_desktop.ui.settings_dialog import ChoiceBox, ListEditor, TimeEdit
from tests.ui.conftest import OFFSCREEN_NOISE, type_text

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


class Saves:
    """Every change the settings store announces (what the reminder scheduler listens to)."""

    def __init__(self, profile: Profile) -> None:
        self.seen: list[tuple[str, Any]] = []
        profile.settings.subscribe(lambda key, value: self.seen.append((key, value)))

    def of(self, key: str) -> list[Any]:
        return [v for k, v in self.seen if k == key]


@pytest.fixture
def saves(profile: Profile) -> Saves:
    return Saves(profile)


@pytest.fixture
def dialog(make_app, qtbot) -> Iterator[Any]:
    app = make_app()
    app.open_settings()
    dlg = app.settings_dialog
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    yield dlg


def saved(profile: Profile, key: str) -> object:
    """The value as a fresh read of the settings file sees it (what survives a restart)."""
    return Settings(profile.paths.settings_file).get(key)


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_every_setting_has_a_typed_editor(dialog) -> None:
    kinds = {
        Kind.INT: QSpinBox,
        Kind.BOOL: QCheckBox,
        Kind.TIME: TimeEdit,
        Kind.CHOICE: QComboBox,
        Kind.LIST: ListEditor,
        Kind.TEXT: QPlainTextEdit,
        Kind.STR: QLineEdit,
        Kind.PASSWORD: QLineEdit,
    }
    for s in SCHEMA:
        editor = dialog.fields[s.key].editor
        expected = ChoiceBox if s.key == "holidays.country" else kinds[s.kind]
        assert isinstance(editor, expected), s.key
        assert editor.accessibleName(), s.key
    assert dialog.fields["feed.password"].editor.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.sections.count() == len({s.section for s in SCHEMA})


def test_time_arrow_steps_save_once_when_leaving(dialog, qtbot, profile: Profile, saves: Saves) -> None:
    dialog.show_section("reminders")
    te = dialog.fields["reminders.handover_time"].editor
    focus(qtbot, te)
    te.end(False)
    for _ in range(6):
        qtbot.keyClick(te, Qt.Key.Key_Up)  # a minute each
    te.home(False)
    qtbot.keyClick(te, Qt.Key.Key_Down)  # the cursor in the hour: an hour down
    qtbot.keyClick(te, Qt.Key.Key_PageUp)  # and an hour up again
    qtbot.keyClick(te, Qt.Key.Key_PageUp)
    assert te.text() == "15:06"
    assert saves.seen == [] and saved(profile, "reminders.handover_time") == "14:00"
    qtbot.keyClick(te, Qt.Key.Key_Tab)  # leaving the field finishes it
    assert saves.of("reminders.handover_time") == ["15:06"]
    assert saved(profile, "reminders.handover_time") == "15:06"
    dialog.close()
    assert saves.seen == [("reminders.handover_time", "15:06")]  # closing saves nothing more


def test_no_reminder_signal_for_a_value_on_the_way(make_app, qtbot, profile: Profile) -> None:
    app = make_app()
    changed: list[str] = []
    app.hub.settings_changed.connect(changed.append)
    app.open_settings()
    dlg = app.settings_dialog
    qtbot.waitExposed(dlg)
    dlg.show_section("reminders")
    te = dlg.fields["reminders.start_time"].editor
    focus(qtbot, te)
    te.end(False)
    for _ in range(30):
        qtbot.keyClick(te, Qt.Key.Key_Up)
    assert changed == []
    qtbot.keyClick(te, Qt.Key.Key_Return)  # Enter finishes the field too
    assert changed == ["reminders.start_time"] and saved(profile, "reminders.start_time") == "08:30"
    assert dlg.isVisible()


def test_spin_box_steps_save_once(dialog, qtbot, profile: Profile, saves: Saves) -> None:
    dialog.show_section("cadence")
    spin = dialog.fields["cadence.every_weeks"].editor
    focus(qtbot, spin)
    for _ in range(3):
        qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == 7 and saves.seen == []
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert saves.of("cadence.every_weeks") == [7] and saved(profile, "cadence.every_weeks") == 7
    # Typing a number: not per keystroke, once on Enter.
    focus(qtbot, spin)
    spin.selectAll()
    qtbot.keyClicks(spin, "12")
    assert saves.of("cadence.every_weeks") == [7]
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert saves.of("cadence.every_weeks") == [7, 12] and dialog.isVisible()


def test_combo_arrow_steps_save_once(dialog, qtbot, profile: Profile, saves: Saves) -> None:
    dialog.show_section("feed")
    combo = dialog.fields["feed.show_as"].editor
    focus(qtbot, combo)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "anonymous" and saves.seen == []
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert saves.of("feed.show_as") == ["anonymous"] and saved(profile, "feed.show_as") == "anonymous"
    assert dialog.isVisible()


def test_picking_from_the_open_list_saves_at_once(dialog, qtbot, profile: Profile, saves: Saves) -> None:
    dialog.show_section("feed")
    combo = dialog.fields["feed.kind"].editor
    focus(qtbot, combo)
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert saves.of("feed.kind") == ["file"] and saved(profile, "feed.kind") == "file"
    assert dialog.isVisible()


def test_checkbox_click_saves_at_once(dialog, qtbot, profile: Profile) -> None:
    dialog.show_section("app")
    check = dialog.fields["app.autostart"].editor
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert saved(profile, "app.autostart") is True


def test_enter_never_closes_the_dialog(dialog, qtbot, profile: Profile, saves: Saves) -> None:
    dialog.show_section("me")
    name = dialog.fields["me.name"].editor
    focus(qtbot, name)
    type_text(name, "Kim Lindström")
    assert saves.seen == []  # not per keystroke
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert saves.of("me.name") == ["Kim Lindström"] and saved(profile, "me.name") == "Kim Lindström"
    qtbot.keyClick(name, Qt.Key.Key_Enter)
    assert dialog.isVisible() and saves.of("me.name") == ["Kim Lindström"]
    # Not on the Close button either (it is no default button); Escape and Close do close.
    from PySide6.QtWidgets import QPushButton

    (close,) = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Close"]
    assert not close.isDefault() and not close.autoDefault()
    focus(qtbot, close)
    qtbot.keyClick(close, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("0830", "08:30"), ("830", "08:30"), ("8:30", "08:30"), ("08.30", "08:30"), ("2206", "22:06"),
     ("22:06", "22:06")],
)  # fmt: skip
def test_typed_times_are_taken(
    dialog, qtbot, profile: Profile, saves: Saves, typed: str, expected: str
) -> None:
    dialog.show_section("reminders")
    te = dialog.fields["reminders.reflect_time"].editor
    focus(qtbot, te)
    te.selectAll()
    qtbot.keyClicks(te, typed)
    assert saves.seen == []
    qtbot.keyClick(te, Qt.Key.Key_Return)
    assert saves.of("reminders.reflect_time") == [expected]
    assert saved(profile, "reminders.reflect_time") == expected
    assert te.text() == expected  # shown as saved
    assert dialog.fields["reminders.reflect_time"].error.isHidden()


def test_a_time_that_is_not_one_is_refused_and_said(dialog, qtbot, profile: Profile, saves: Saves) -> None:
    dialog.show_section("reminders")
    f = dialog.fields["reminders.restore_time"]
    focus(qtbot, f.editor)
    f.editor.selectAll()
    qtbot.keyClicks(f.editor, "25:00")
    qtbot.keyClick(f.editor, Qt.Key.Key_Tab)
    assert saves.seen == [] and saved(profile, "reminders.restore_time") == "08:00"
    assert f.error.isVisible() and f.icon.isVisible()
    assert f.error.text() == "This is not a time of day. Type it as 08:30, 0830 or 8.30. It was not saved."
    assert f.editor.text() == "25:00"  # kept, to be corrected
    # Closing does not save it either.
    dialog.close()
    assert saves.seen == []


def test_a_refused_value_is_marked_said_and_not_saved(dialog, qtbot, profile: Profile, saves: Saves) -> None:
    dialog.show_section("me")
    f = dialog.fields["me.email"]
    focus(qtbot, f.editor)
    qtbot.keyClicks(f.editor, "kim@kommun")
    qtbot.keyClick(f.editor, Qt.Key.Key_Tab)
    message = "This is not an e-mail address. It was not saved."
    assert f.error.isVisible() and f.error.text() == message
    assert f.icon.isVisible()  # not colour alone: a warning sign and a sentence
    assert "border" in f.editor.styleSheet() and f.editor.property("invalid") is True
    assert f.editor.accessibleDescription() == message  # what a screen reader says
    assert saves.seen == [] and saved(profile, "me.email") == ""
    # The field keeps the value and its mark until it is put right.
    assert f.editor.text() == "kim@kommun"
    focus(qtbot, f.editor)
    qtbot.keyClicks(f.editor, ".se")
    qtbot.keyClick(f.editor, Qt.Key.Key_Return)
    assert saves.of("me.email") == ["kim@kommun.se"]
    assert f.error.isHidden() and f.icon.isHidden() and f.editor.styleSheet() == ""
    assert f.editor.accessibleDescription() == ""


def test_a_wrong_template_is_said_in_a_sentence(dialog, qtbot, profile: Profile) -> None:
    dialog.show_section("autoreply")
    f = dialog.fields["autoreply.template_en"]
    before = profile.settings.get("autoreply.template_en")
    focus(qtbot, f.editor)
    f.editor.moveCursor(f.editor.textCursor().MoveOperation.End)
    type_text(f.editor, " {nonsense}")
    assert f.error.isHidden()  # nothing yet: still typing
    qtbot.keyClick(f.editor, Qt.Key.Key_Tab)
    assert f.error.text() == "The text has a placeholder the app does not know: {nonsense}. It was not saved."
    assert saved(profile, "autoreply.template_en") == before


def test_text_is_saved_when_the_dialog_closes(dialog, qtbot, profile: Profile, saves: Saves) -> None:
    dialog.show_section("me")
    phone = dialog.fields["me.phone"].editor
    focus(qtbot, phone)
    qtbot.keyClicks(phone, "070-123 45 67")
    dialog.reject()
    assert saves.seen == [("me.phone", "070-123 45 67")]


@pytest.mark.parametrize(
    ("lang", "sweden", "norway"), [("sv", "Sverige", "Norge"), ("en", "Sweden", "Norway")]
)
def test_holiday_country_is_a_list_by_name(
    make_app, qtbot, profile: Profile, lang: str, sweden: str, norway: str
) -> None:
    profile.settings.set("ui.language", lang)
    saves = Saves(profile)
    app = make_app()
    app.open_settings()
    dlg = app.settings_dialog
    qtbot.waitExposed(dlg)
    dlg.show_section("holidays")
    combo = dlg.fields["holidays.country"].editor
    assert combo.currentText() == sweden and combo.currentData() == "SE"
    names = [combo.itemText(i) for i in range(combo.count())]
    assert len(names) > 100 and norway in names and "SE" not in names
    if lang == "sv":  # sorted as Swedish sorts: Ö after Z
        assert names.index("Österrike") > names.index("Zimbabwe")
    focus(qtbot, combo)
    qtbot.keyClicks(combo, norway[:4])  # type-ahead: steps, not a choice yet
    assert combo.currentText() == norway and saves.seen == []
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    assert saves.seen == [("holidays.country", "NO")] and saved(profile, "holidays.country") == "NO"


def test_dialog_module_does_not_load_holidays_or_babel() -> None:
    """The dialog opens rarely: importing it (and so starting the app) loads neither package."""
    code = (
        "import sys, antihjalte_desktop.app, antihjalte_desktop.ui.settings_dialog\n"
        "print(sorted(m for m in ('holidays', 'babel') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_team_list_is_edited_as_rows(dialog, qtbot, profile: Profile, saves: Saves) -> None:
    dialog.show_section("team")
    editor = dialog.fields["team.roster"].editor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    row_editor = dialog.focusWidget()
    assert isinstance(row_editor, QLineEdit) and editor.isAncestorOf(row_editor)
    type_text(row_editor, "Anna Berg, anna@kommun.se")
    assert saves.seen == []
    qtbot.keyClick(row_editor, Qt.Key.Key_Return)  # the row is finished: saved
    qtbot.waitUntil(lambda: saves.of("team.roster") == [["Anna Berg, anna@kommun.se"]])
    assert dialog.isVisible()

    qtbot.keyClick(editor.list, Qt.Key.Key_Insert)  # a row from the keyboard
    row_editor = dialog.focusWidget()
    type_text(row_editor, "Per Ek")
    qtbot.keyClick(row_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(saves.of("team.roster")) == 2)
    assert saved(profile, "team.roster") == ["Anna Berg, anna@kommun.se", "Per Ek"]

    # Reordering and removing are saved when the list is left (or the dialog closed), once.
    editor.list.setCurrentRow(1)
    qtbot.keyClick(editor.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert editor.values() == ["Per Ek", "Anna Berg, anna@kommun.se"]
    assert len(saves.of("team.roster")) == 2
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)  # the buttons are part of the list
    assert len(saves.of("team.roster")) == 2
    focus(qtbot, dialog.fields["team.max_focus_per_day"].editor)
    assert saves.of("team.roster")[-1] == ["Per Ek", "Anna Berg, anna@kommun.se"]
    assert len(saves.of("team.roster")) == 3

    # Editing a row in place, and an empty added row is dropped.
    editor.list.setCurrentRow(0)
    focus(qtbot, editor.list)
    qtbot.keyClick(editor.list, Qt.Key.Key_F2)
    row_editor = dialog.focusWidget()
    row_editor.selectAll()
    type_text(row_editor, "Per Ek, per@kommun.se")
    qtbot.keyClick(row_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(saves.of("team.roster")) == 4)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.list.count() == 2)
    assert len(saves.of("team.roster")) == 4  # nothing changed: nothing saved
    editor.list.setCurrentRow(0)
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    dialog.close()
    assert saved(profile, "team.roster") == ["Anna Berg, anna@kommun.se"]


def test_checklist_shows_items_in_the_users_words(dialog, qtbot, profile: Profile) -> None:
    dialog.show_section("handover")
    editor = dialog.fields["handover.items"].editor
    shown = [editor.list.item(i).text() for i in range(editor.list.count())]
    assert shown == [
        "Auto-reply switched on",
        "Phone forwarded to a colleague",
        "Quick tasks passed on",
        "Calendar blocked for the day",
    ]
    editor.list.setCurrentRow(1)
    focus(qtbot, editor.list)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.values() == ["autoreply", "tasks", "calendar"]
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert isinstance(dialog.focusWidget(), QLineEdit), dialog.focusWidget()
    type_text(dialog.focusWidget(), "Läsa in mig på ärendet")
    assert dialog.focusWidget().text() == "Läsa in mig på ärendet"
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    # Built-in items keep their keys (so a day shows them in its own language); own text as typed.
    qtbot.waitUntil(lambda: not profile.settings.is_default("handover.items"))
    assert saved(profile, "handover.items") == ["autoreply", "tasks", "calendar", "Läsa in mig på ärendet"]


def test_checklist_in_swedish_never_shows_the_keys(make_app, qtbot, profile: Profile) -> None:
    """In Swedish the built-in items read as Swedish, also right after the language is switched in
    the dialog, and an item typed as its Swedish label is the built-in item."""
    app = make_app()
    app.open_settings()
    dlg = app.settings_dialog
    dlg.show_section("ui")
    combo = dlg.fields["ui.language"].editor
    focus(qtbot, combo)
    combo.setCurrentIndex(combo.findData("sv"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert app.language == "sv"
    old = dlg
    qtbot.waitUntil(lambda: app.settings_dialog is not None and app.settings_dialog is not old)
    dlg = app.settings_dialog  # reopened in Swedish
    dlg.show_section("handover")
    editor = dlg.fields["handover.items"].editor
    shown = [editor.list.item(i).text() for i in range(editor.list.count())]
    assert shown == [
        "Autosvaret är påslaget",
        "Telefonen är hänvisad till en kollega",
        "Snabba puckar är bollade vidare",
        "Dagen är blockerad i kalendern",
    ]
    assert not {"autoreply", "phone", "tasks", "calendar"} & {w for t in shown for w in t.split()}
    assert editor.values() == ["autoreply", "phone", "tasks", "calendar"]


def test_password_stays_in_memory_only(dialog, qtbot, make_app, profile: Profile) -> None:
    dialog.show_section("feed")
    pw = dialog.fields["feed.password"].editor
    focus(qtbot, pw)
    qtbot.keyClicks(pw, "hemligt")
    qtbot.keyClick(pw, Qt.Key.Key_Tab)
    assert dialog._secrets["feed.password"] == "hemligt"
    text = profile.paths.settings_file.read_text("utf-8") if profile.paths.settings_file.exists() else "{}"
    assert "hemligt" not in text
    assert "feed.password" not in json.loads(text)


def test_language_switch_applies_when_chosen(make_app, qtbot, profile: Profile) -> None:
    from antihjalte_desktop.ui.tray import Tray

    app = make_app()
    qtbot.waitUntil(app.holidays.calendar_ready)
    app.tray = Tray(app._tray_view, app, app.icon, app)
    app.open_planner()
    app.open_settings()
    dlg = app.settings_dialog
    dlg.show_section("ui")
    combo = dlg.fields["ui.language"].editor
    focus(qtbot, combo)
    combo.setCurrentIndex(combo.findData("sv"))  # "Svenska", stepped to
    assert app.language == "en"  # not yet: the choice is finished on Enter or leaving
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert saved(profile, "ui.language") == "sv"
    assert app.language == "sv" and app.translation_loaded
    # The open planner is rebuilt in Swedish at once; the tray menu speaks Swedish when it opens.
    assert app.planner is not None and app.planner.isVisible()
    assert app.planner.windowTitle() == "Antihjälte – planera antihjältedagar"
    texts = [a.text() for a in app.tray.menu.actions()]
    assert "&Planera antihjältedagar…" in texts and "Ingen antihjältedag planerad" in texts
    combo.setCurrentIndex(combo.findData("en"))
    dlg.flush()
    assert app.planner.windowTitle() == "Antihjälte – plan focus days"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_screenshots(make_app, qtbot, profile: Profile, lang: str) -> None:
    """Pages of the dialog in both languages, with a refused value showing, for a person to look at
    (tests/_artifacts/settings-dialog-PAGE-LANG.png)."""
    from tests.harness.xvfb import ARTIFACTS

    profile.settings.set("ui.language", lang)
    profile.settings.set("team.roster", ["Anna Berg, anna.berg@kommun.se, 070-123 45 67", "Per Ek"])
    app = make_app()
    app.open_settings()
    dlg = app.settings_dialog
    qtbot.waitExposed(dlg)
    dlg.resize(dlg.sizeHint().expandedTo(dlg.size()))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dlg.show_section("reminders")
    te = dlg.fields["reminders.handover_time"].editor
    focus(qtbot, te)
    te.selectAll()
    qtbot.keyClicks(te, "25:00")
    focus(qtbot, dlg.fields["reminders.start_time"].editor)
    dlg.show_section("me")
    email = dlg.fields["me.email"].editor
    focus(qtbot, email)
    qtbot.keyClicks(email, "kim@kommun")
    focus(qtbot, dlg.fields["me.phone"].editor)
    for page in ("me", "cadence", "holidays", "ui", "reminders", "autoreply", "handover", "team", "feed",
                 "journal", "app"):  # fmt: skip
        dlg.show_section(page)
        qtbot.wait(10)
        assert dlg.grab().save(str(ARTIFACTS / f"settings-dialog-{page}-{lang}.png"))
    assert not dlg.fields["me.email"].error.isHidden()
