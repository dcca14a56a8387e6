"""The settings dialog, generated from the schema: each editor type changes and saves at once."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QTimeEdit

from antihjalte_desktop.core.settings_schema import SCHEMA, Kind
from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.store.settings import Settings
from tests.ui.conftest import OFFSCREEN_NOISE, type_text

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def dialog(make_app, qtbot):
    app = make_app()
    app.open_settings()
    dlg = app.settings_dialog
    qtbot.waitExposed(dlg)
    return dlg


def saved(profile: Profile, key: str) -> object:
    """The value as a fresh read of the settings file sees it (what survives a restart)."""
    return Settings(profile.paths.settings_file).get(key)


def test_every_setting_has_a_typed_editor(dialog) -> None:
    kinds = {
        Kind.INT: QSpinBox,
        Kind.BOOL: QCheckBox,
        Kind.TIME: QTimeEdit,
        Kind.CHOICE: QComboBox,
        Kind.LIST: QPlainTextEdit,
        Kind.TEXT: QPlainTextEdit,
        Kind.STR: QLineEdit,
        Kind.PASSWORD: QLineEdit,
    }
    for s in SCHEMA:
        editor = dialog.fields[s.key].editor
        assert isinstance(editor, kinds[s.kind]), s.key
        assert editor.accessibleName(), s.key
    assert dialog.fields["feed.password"].editor.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.sections.count() == len({s.section for s in SCHEMA})


def test_int_bool_time_and_choice_apply_at_once(dialog, qtbot, profile: Profile) -> None:
    spin = dialog.fields["cadence.every_weeks"].editor
    dialog.show_section("cadence")
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "2")
    assert profile.settings.get("cadence.every_weeks") == 2
    assert saved(profile, "cadence.every_weeks") == 2

    dialog.show_section("app")
    check = dialog.fields["app.autostart"].editor
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert saved(profile, "app.autostart") is True

    dialog.show_section("reminders")
    te = dialog.fields["reminders.handover_time"].editor
    te.setFocus()
    te.setTime(QTime(13, 30))
    assert saved(profile, "reminders.handover_time") == "13:30"

    dialog.show_section("feed")
    combo = dialog.fields["feed.show_as"].editor
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert saved(profile, "feed.show_as") == "initials"


def test_text_and_list_save_after_a_pause_or_on_leaving(dialog, qtbot, profile: Profile) -> None:
    dialog.show_section("me")
    name = dialog.fields["me.name"].editor
    name.setFocus()
    type_text(name, "Kim Lindström")
    qtbot.waitUntil(lambda: saved(profile, "me.name") == "Kim Lindström")

    dialog.show_section("team")
    roster = dialog.fields["team.roster"].editor
    roster.setFocus()
    type_text(roster, "Anna Berg, anna@kommun.se")
    qtbot.keyClick(roster, Qt.Key.Key_Return)
    type_text(roster, "Per Ek")
    qtbot.keyClick(roster, Qt.Key.Key_Tab)  # leaving the field saves at once
    assert saved(profile, "team.roster") == ["Anna Berg, anna@kommun.se", "Per Ek"]


def test_a_wrong_value_is_shown_and_not_saved(dialog, qtbot, profile: Profile) -> None:
    dialog.show_section("autoreply")
    edit = dialog.fields["autoreply.template_en"].editor
    before = profile.settings.get("autoreply.template_en")
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_text(edit, " {nonsense}")
    error = dialog.fields["autoreply.template_en"].error
    qtbot.waitUntil(error.isVisible)
    assert "nonsense" in error.text()
    assert saved(profile, "autoreply.template_en") == before


def test_password_stays_in_memory_only(dialog, qtbot, make_app, profile: Profile) -> None:
    dialog.show_section("feed")
    pw = dialog.fields["feed.password"].editor
    pw.setFocus()
    qtbot.keyClicks(pw, "hemligt")
    qtbot.keyClick(pw, Qt.Key.Key_Tab)
    assert dialog._secrets["feed.password"] == "hemligt"
    text = profile.paths.settings_file.read_text("utf-8") if profile.paths.settings_file.exists() else "{}"
    assert "hemligt" not in text
    assert "feed.password" not in json.loads(text)


def test_language_switch_applies_at_once(make_app, qtbot, profile: Profile) -> None:
    from antihjalte_desktop.ui.tray import Tray

    app = make_app()
    qtbot.waitUntil(app.holidays.calendar_ready)
    app.tray = Tray(app._tray_view, app, app.icon, app)
    app.open_planner()
    app.open_settings()
    dlg = app.settings_dialog
    dlg.show_section("ui")
    combo = dlg.fields["ui.language"].editor
    combo.setCurrentIndex(combo.findData("sv"))  # "Svenska", as picked from the list
    assert saved(profile, "ui.language") == "sv"
    assert app.language == "sv" and app.translation_loaded
    # The open planner is rebuilt in Swedish at once; the tray menu speaks Swedish when it opens.
    assert app.planner is not None and app.planner.isVisible()
    assert app.planner.windowTitle() == "Antihjälte – planera antihjältedagar"
    texts = [a.text() for a in app.tray.menu.actions()]
    assert "&Planera antihjältedagar…" in texts and "Ingen antihjältedag planerad" in texts
    combo.setCurrentIndex(combo.findData("en"))
    assert app.planner.windowTitle() == "Antihjälte – plan focus days"
