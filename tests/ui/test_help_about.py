"""Help and About on real widgets: the Help window's topics in English and Swedish, the tray's
Help entry, About's version, licence and folders, and Copy diagnostics (nothing personal)."""

from __future__ import annotations

import platform
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton

from antihjalte_desktop import version
from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.ui.about_dialog import AboutDialog, diagnostics
from antihjalte_desktop.ui.help_window import HelpWindow
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_NOISE, "systemTrayWindowChanged"
)  # a tray icon shown offscreen


def test_help_explains_the_words_the_day_the_keys_the_data_and_what_is_shared(
    make_app: Any, profile: Profile
) -> None:
    app = make_app(has_tray=True)
    win = app.open_help()
    assert isinstance(win, HelpWindow) and win.isVisible()
    text = win.browser.toPlainText()
    for topic in ("Antihjälte day", "Hero of the week", "Quick tasks", "Before", "On the day", "After",
                  "Keyboard shortcuts", "Ctrl+Z", "Ctrl+N", "Where your data lives",
                  "What is shared with the team", "What never leaves this computer"):  # fmt: skip
        assert topic in text, topic
    assert str(profile.paths.data) in text and str(profile.paths.logs) in text
    html = win.browser.toHtml()
    assert profile.paths.data.as_uri() in html  # the folders are links


def test_help_in_swedish(make_app: Any, profile: Profile) -> None:
    profile.settings.set("ui.language", "sv")
    app = make_app(has_tray=True)
    assert app.translation_loaded
    win = app.open_help()
    assert win.windowTitle() != "" and win.browser.toPlainText()


def test_help_from_the_tray_menu(make_app: Any) -> None:
    app = make_app(has_tray=True)
    app.start(show_planner=False)
    assert app.tray is not None
    names = [a.objectName() for a in app.tray.menu.actions()]
    assert names.index("help") == names.index("about") - 1
    help_action = next(a for a in app.tray.menu.actions() if a.objectName() == "help")
    help_action.trigger()
    assert isinstance(app.windows.get("help"), HelpWindow)
    assert app.windows.get("help").isVisible()


def test_about_shows_version_licence_and_folders(make_app: Any, profile: Profile) -> None:
    app = make_app(has_tray=True)
    dlg = app.open_about()
    assert isinstance(dlg, AboutDialog) and dlg.isVisible()
    assert not dlg.isModal()
    labels = " ".join(lab.text() for lab in dlg.findChildren(QLabel))
    assert version() in labels
    assert "GPL-3.0-or-later" in labels
    data, logs = dlg.folder_labels["data"], dlg.folder_labels["logs"]
    assert profile.paths.data.as_uri() in data.text() and str(profile.paths.data) in data.text()
    assert profile.paths.logs.as_uri() in logs.text()
    assert data.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByMouse
    assert app.open_about() is dlg  # one of it


def test_copy_diagnostics_puts_versions_on_the_clipboard_and_nothing_personal(
    make_app: Any, profile: Profile, qtbot: Any
) -> None:
    profile.settings.set("me.name", "Kim Lind")
    profile.settings.set("me.email", "kim.lind@kommun.se")
    profile.settings.set("me.phone", "070-765 43 21")
    profile.settings.set("team.roster", ["Anna Berg, anna.berg@kommun.se"])
    app = make_app(has_tray=True)
    dlg = app.open_about()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dlg.findChild(QPushButton, "copyDiagnostics"), Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text.startswith(f"Antihjälte {version()}\n")
    assert f"Python {platform.python_version()}" in text
    assert "PySide6 " in text and "Qt " in text
    assert "Platform: " in text and "Tray: system tray" in text and "Notifications: " in text
    for personal in (
        "Kim",
        "Lind",
        "kim.lind",
        "070-765",
        "Anna",
        str(profile.paths.data),
        str(profile.paths.data.parent),
    ):
        assert personal not in text, personal
    assert dlg.copied.isVisible()


def test_diagnostics_name_the_window_mode_without_a_tray() -> None:
    text = diagnostics(has_tray=False, notifications=lambda: "test backend")
    assert "Tray: " in text and "window mode" in text
    assert "Notifications: test backend" in text
