"""The first run on real widgets: shown on a new profile only, not modal, skip and finish set
ui.first_run_done, finish saves through the settings schema (a refusal is said next to its
field), and "Sync once" syncs a real feed file in a child process and says what it found."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from antihjalte_desktop.store.profile import Profile
from antihjalte_desktop.ui.first_run import FirstRunWindow, is_new_profile, sync_command
from tests.conftest import Cli
from tests.ui.conftest import OFFSCREEN_NOISE, type_text

pytestmark = pytest.mark.qt_log_ignore(
    OFFSCREEN_NOISE, "systemTrayWindowChanged"
)  # a tray icon shown offscreen


def _first_run(app: Any) -> FirstRunWindow | None:
    win = app.windows.get("first_run")
    return win if isinstance(win, FirstRunWindow) else None


def test_is_new_profile_rule() -> None:
    assert is_new_profile(first_run_done=False, name="", ever_planned=False)
    assert not is_new_profile(first_run_done=True, name="", ever_planned=False)
    assert not is_new_profile(first_run_done=False, name="Kim", ever_planned=False)
    assert not is_new_profile(first_run_done=False, name="  ", ever_planned=True)


def test_shown_on_a_new_profile_and_not_modal(make_app: Any, qtbot: Any) -> None:
    app = make_app(has_tray=True)
    app.start(show_planner=False, first_run=True)
    win = _first_run(app)
    assert win is not None and win.isVisible()
    assert win.windowModality() == Qt.WindowModality.NonModal
    assert not win.isModal()
    # The planner and the tray's menu work while it is open.
    planner = app.open_planner()
    assert planner.isVisible() and planner.isEnabled()
    assert app.tray is not None and app.tray.menu.isEnabled()
    assert QApplication.activeModalWidget() is None


def test_not_shown_with_autostart_or_self_test_start(make_app: Any) -> None:
    app = make_app(has_tray=True)
    app.start(show_planner=False)  # --autostart and --self-test start without the first run
    assert _first_run(app) is None


def test_not_shown_once_done_or_with_a_name_or_a_planned_day(make_app: Any, profile: Profile) -> None:
    profile.settings.set("ui.first_run_done", True)
    app = make_app(has_tray=True)
    app.start(show_planner=False, first_run=True)
    assert _first_run(app) is None
    profile.settings.set("ui.first_run_done", False)
    profile.settings.set("me.name", "Kim Lind")
    assert not app.needs_first_run()
    profile.settings.set("me.name", "")
    assert app.needs_first_run()
    profile.plan.add_day(date(2026, 12, 4), "", "", [])
    profile.plan.remove_day(date(2026, 12, 4))
    assert not app.needs_first_run()  # a day was planned once (the history keeps it)


def test_config_set_on_the_command_line_skips_it(
    cli: Cli, home: Path, make_app: Any, profile: Profile
) -> None:
    assert cli("config", "set", "ui.first_run_done", "true").returncode == 0
    profile.settings.reload()
    app = make_app(has_tray=True)
    app.start(show_planner=False, first_run=True)
    assert _first_run(app) is None


def test_skip_sets_the_key_and_saves_nothing(make_app: Any, profile: Profile, qtbot: Any) -> None:
    app = make_app(has_tray=True)
    app.start(show_planner=False, first_run=True)
    win = _first_run(app)
    assert win is not None
    type_text(win.name, "Kim Lind")
    qtbot.mouseClick(win.skip_button, Qt.MouseButton.LeftButton)
    assert profile.settings.get("ui.first_run_done") is True
    assert profile.settings.get("me.name") == ""
    assert _first_run(app) is None or not win.isVisible()
    assert '"ui.first_run_done": true' in profile.paths.settings_file.read_text()


def test_finish_saves_the_values(make_app: Any, profile: Profile, qtbot: Any, tmp_path: Path) -> None:
    app = make_app(has_tray=True)
    app.start(show_planner=False, first_run=True)
    win = _first_run(app)
    assert win is not None
    type_text(win.name, "Kim Lind")
    type_text(win.email, "kim.lind@kommun.se")
    type_text(win.phone, "070-765 43 21")
    win.team_list.setFocus()
    type_text(win.team_list, "Anna Berg, anna.berg@kommun.se, 070-123 45 67")
    qtbot.keyClick(win.team_list, Qt.Key.Key_Return)
    type_text(win.team_list, "Åsa Öberg")
    assert [win.cover.itemText(i) for i in range(win.cover.count())] == ["Anna Berg", "Åsa Öberg"]
    win.cover.setCurrentIndex(1)
    feed = tmp_path / "share" / "team.ics"
    win.feed.setText(str(feed))
    win.cadence.setValue(3)
    win.language.setCurrentIndex(win.language.findData("en"))
    qtbot.mouseClick(win.finish_button, Qt.MouseButton.LeftButton)
    g = profile.settings.get
    assert g("me.name") == "Kim Lind"
    assert g("me.email") == "kim.lind@kommun.se"
    assert g("me.phone") == "070-765 43 21"
    assert g("team.roster") == ["Anna Berg, anna.berg@kommun.se, 070-123 45 67", "Åsa Öberg"]
    assert g("me.cover") == "Åsa Öberg"
    assert g("feed.location") == str(feed)
    assert g("cadence.every_weeks") == 3
    assert g("ui.first_run_done") is True
    assert not win.isVisible()
    # Who usually covers is the cover of a newly planned day.
    app.planning.plan_day(date(2026, 12, 9))
    fd = profile.plan.get_day(date(2026, 12, 9))
    assert fd is not None and fd.cover == "Åsa Öberg"


def test_a_refused_value_is_said_next_to_its_field(make_app: Any, profile: Profile, qtbot: Any) -> None:
    app = make_app(has_tray=True)
    win = app.open_first_run()
    type_text(win.name, "Kim Lind")
    type_text(win.email, "kim.lind at kommun")
    win.feed.setText("https://kim:secret@dav.kommun.se/team.ics")
    qtbot.mouseClick(win.finish_button, Qt.MouseButton.LeftButton)
    assert win.isVisible()  # kept open: something was refused
    email_error = win.rows["me.email"].error
    assert email_error.isVisible()
    assert email_error.text() == "This is not an e-mail address. It was not saved."
    assert "must not hold a user name or password" in win.rows["feed.location"].error.text()
    assert profile.settings.get("me.email") == ""
    assert profile.settings.get("feed.location") == ""
    assert profile.settings.get("ui.first_run_done") is False
    assert profile.settings.get("me.name") == "Kim Lind"  # what was right is kept
    win.email.setText("kim.lind@kommun.se")
    win.feed.setText("")
    qtbot.mouseClick(win.finish_button, Qt.MouseButton.LeftButton)
    assert not win.rows["me.email"].error.isVisible() or not win.isVisible()
    assert profile.settings.get("ui.first_run_done") is True


def test_refusals_in_swedish(make_app: Any, profile: Profile, qtbot: Any) -> None:
    """In Swedish the refusals are Swedish: the UI's own words for an address with a password (found
    by the address, not by the English message) and the core's message for a name too long."""
    profile.settings.set("ui.language", "sv")
    app = make_app(has_tray=True)
    win = app.open_first_run()
    win.name.setText("K" * 201)
    win.feed.setText("https://kim:secret@dav.kommun.se/team.ics")
    qtbot.mouseClick(win.finish_button, Qt.MouseButton.LeftButton)
    assert win.isVisible()
    feed_error = win.rows["feed.location"].error.text()
    assert feed_error.startswith(
        "En adress till teamkalendern får inte innehålla användarnamn eller lösenord."
    )
    assert "Den sparades inte." in feed_error
    name_error = win.rows["me.name"].error.text()
    assert "har 201 tecken; högst 200 tecken går. Den sparades inte." in name_error
    assert profile.settings.get("feed.location") == "" and profile.settings.get("me.name") == ""


def test_choose_folder_names_a_file_in_it(make_app: Any, tmp_path: Path) -> None:
    app = make_app(has_tray=True)
    win = app.open_first_run()
    share = tmp_path / "share"
    share.mkdir()
    win.use_folder(share)
    assert win.feed.text() == str(share / "team.ics")
    (share / "enheten.ics").write_text("")
    win.use_folder(share)
    assert win.feed.text() == str(share / "enheten.ics")


def _colleague_feed(tmp_path: Path, feed: Path) -> None:
    """A colleague's profile publishes two antihjälte days in the shared feed file."""
    other = Cli(tmp_path / "anna")
    (tmp_path / "anna").mkdir()
    for args in (
        ("config", "set", "me.name", "Anna Berg"),
        ("config", "set", "feed.location", str(feed)),
        ("plan", "add", "2026-12-09"),
        ("plan", "add", "2027-01-13"),
        ("sync",),
    ):
        proc = other(*args)
        assert proc.returncode == 0, proc.stderr


def test_sync_once_on_a_real_feed_file_says_what_it_found(
    make_app: Any, profile: Profile, home: Path, tmp_path: Path, qtbot: Any, monkeypatch: Any
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    feed = share / "team.ics"
    _colleague_feed(tmp_path, feed)
    monkeypatch.setenv("ANTIHJALTE_NOW", "2026-11-30T09:00:00+01:00")
    app = make_app(has_tray=True)
    win = app.open_first_run()
    win._sync_args = sync_command(str(home))  # the child syncs this test's profile
    win.use_folder(share)
    with qtbot.waitSignal(win.sync_finished, timeout=60_000) as blocker:
        qtbot.mouseClick(win.sync_button, Qt.MouseButton.LeftButton)
        assert win.syncing and not win.sync_button.isEnabled()
    assert blocker.args == [True], win.sync_result.text()
    assert profile.settings.get("feed.location") == str(feed)
    # "day(s)" reads "days" once the English plural forms are generated into antihjalte_en.ts.
    assert re.fullmatch(r"In sync\. Found 2 antihjälte day(s|\(s\)) of 1 colleague(\(s\))?\.",
                        win.sync_result.text()), win.sync_result.text()  # fmt: skip
    assert win.sync_button.isEnabled()


def test_sync_once_says_why_it_failed(make_app: Any, home: Path, tmp_path: Path, qtbot: Any) -> None:
    app = make_app(has_tray=True)
    win = app.open_first_run()
    win._sync_args = sync_command(str(home))
    win.feed.setText(str(tmp_path / "not-mounted" / "team.ics"))
    with qtbot.waitSignal(win.sync_finished, timeout=60_000) as blocker:
        qtbot.mouseClick(win.sync_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [False]
    text = win.sync_result.text()
    assert text.startswith("The sync did not work: ")
    assert "does not exist" in text and "Traceback" not in text


def test_set_up_again_from_help_and_about(make_app: Any, profile: Profile, qtbot: Any) -> None:
    profile.settings.set("ui.first_run_done", True)
    profile.settings.set("me.name", "Kim Lind")
    app = make_app(has_tray=True)
    app.start(show_planner=False, first_run=True)
    assert _first_run(app) is None
    for opener in (app.open_help, app.open_about):
        win = opener()
        qtbot.mouseClick(win.findChild(QPushButton, "setUpAgain"), Qt.MouseButton.LeftButton)
        first = _first_run(app)
        assert first is not None and first.isVisible()
        assert first.name.text() == "Kim Lind"  # it shows what is set
        first.close()
