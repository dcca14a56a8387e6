"""The team in the planner and the tray, from a real feed file synced into the real index
(offscreen, real profile): colleagues' days, the hero of the week, and the team rules at planning."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from antihjalte_desktop.store.profile import Profile
from tests.ui.conftest import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

WED = date(2026, 12, 2)  # Anna Berg and Bo Ek focus
THU = date(2026, 12, 3)  # Omar Haddad is away
FRI = date(2026, 12, 4)  # nobody
MY_HERO_TUE = date(2026, 12, 8)  # the user's own week as hero of the week


def _event(uid: str, body: str) -> str:
    return f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T080000Z\r\n{body}END:VEVENT\r\n"


def write_feed(path: Path) -> None:
    """A shared feed as colleagues' apps and calendars leave it: two focus days, an absence,
    and two hero weeks (Omar this week, the user next week)."""
    events = [
        _event(
            "anna-1",
            "SUMMARY:Antihjälte: Anna Berg\r\nORGANIZER;CN=Anna Berg:mailto:anna@kommun.se\r\n"
            "CATEGORIES:ANTIHJALTE\r\nDTSTART;VALUE=DATE:20261202\r\nDTEND;VALUE=DATE:20261203\r\n",
        ),
        _event(
            "bo-1",
            "SUMMARY:Antihjälte: Bo Ek\r\nORGANIZER;CN=Bo Ek:mailto:bo@kommun.se\r\n"
            "CATEGORIES:ANTIHJALTE\r\nDTSTART;VALUE=DATE:20261202\r\nDTEND;VALUE=DATE:20261203\r\n",
        ),
        _event(
            "omar-away",
            "SUMMARY:Ledig\r\nORGANIZER;CN=Omar Haddad:mailto:omar@kommun.se\r\n"
            "DTSTART;VALUE=DATE:20261203\r\nDTEND;VALUE=DATE:20261204\r\n",
        ),
        _event(
            "hero-49",
            "SUMMARY:Veckans hjälte: Omar Haddad\r\nCATEGORIES:VECKANS-HJALTE\r\nTRANSP:TRANSPARENT\r\n"
            "DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261205\r\n",
        ),
        _event(
            "hero-50",
            "SUMMARY:Veckans hjälte: Kim Lind\r\nCATEGORIES:VECKANS-HJALTE\r\nTRANSP:TRANSPARENT\r\n"
            "DTSTART;VALUE=DATE:20261207\r\nDTEND;VALUE=DATE:20261212\r\n",
        ),
    ]
    path.write_bytes(
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kommunen//Delad kalender//SV\r\n"
            + "".join(events)
            + "END:VCALENDAR\r\n"
        ).encode()
    )


def sync_team(profile: Profile, tmp_path: Path) -> None:
    from antihjalte_desktop.feed.sync import sync

    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    write_feed(feed)
    profile.settings.set("me.name", "Kim Lind")
    profile.settings.set("feed.location", str(feed))
    status = sync(profile)
    assert status.in_sync, status.reason


@pytest.fixture
def synced(profile: Profile, tmp_path: Path) -> Profile:
    sync_team(profile, tmp_path)
    return profile


def open_planner(make_app, qtbot, day: date):
    app = make_app()
    win = app.open_planner(day)
    qtbot.waitExposed(win)
    qtbot.waitUntil(app.holidays.calendar_ready)
    return app, win


def tooltip_of(win, day: date) -> str:
    cal = win.calendar
    cal.viewport().grab()  # paints the cells (and so records where each day is)
    rect = cal.cell_rect(day)
    assert rect is not None
    QGuiApplication.sendEvent(
        cal.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, rect.center(), cal.viewport().mapToGlobal(rect.center())),
    )
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def tray_actions(app) -> dict[str, object]:
    from antihjalte_desktop.ui.tray import Tray

    app.tray = Tray(app._tray_view, app, app.icon, app)
    app._team_in_tray = True  # as once the icon is up
    app.tray.refresh()
    return {a.objectName() or a.text(): a for a in app.tray.menu.actions() if not a.isSeparator()}


def test_side_panel_names_who_focuses_who_is_away_and_the_hero(synced, make_app, qtbot) -> None:
    _app, win = open_planner(make_app, qtbot, WED)
    assert win.team_box.isVisible()
    text = win.team_label.text()
    assert "On an antihjälte day: Anna Berg, Bo Ek" in text
    assert "Hero of the week: Omar Haddad" in text
    assert "Away" not in text
    assert win.calendar.team_marks(WED) == (2, 0)
    assert win.calendar.team_marks(THU) == (0, 1)
    assert win.calendar.team_marks(FRI) == (0, 0)

    win.show_day(THU)
    assert "Away: Omar Haddad" in win.team_label.text()
    win.show_day(FRI)
    assert win.team_label.text().startswith("Nobody in the team is away or on an antihjälte day.")
    win.show_day(MY_HERO_TUE)
    assert "Hero of the week: you" in win.team_label.text()
    assert "colleague" in win.legend.text().lower()


def test_day_tooltip_names_the_team(synced, make_app, qtbot) -> None:
    _app, win = open_planner(make_app, qtbot, WED)
    tip = tooltip_of(win, WED)
    assert "On an antihjälte day: Anna Berg, Bo Ek" in tip
    assert "Hero of the week: Omar Haddad" in tip
    assert "Away: Omar Haddad" in tooltip_of(win, THU)


def test_tray_says_who_this_weeks_hero_is(synced, make_app, qtbot) -> None:
    app = make_app()
    qtbot.waitUntil(app.holidays.calendar_ready)
    acts = tray_actions(app)
    names = [a.objectName() for a in app.tray.menu.actions()]
    assert names.index("hero") == names.index("status") + 1, "the hero line sits under the status line"
    assert acts["hero"].text() == "Hero of the week: Omar Haddad – quick tasks go to them"
    assert not acts["hero"].isEnabled()
    assert "Hero of the week: Omar Haddad" in app.tray.icon.toolTip()


def test_tray_hero_line_in_swedish(synced, make_app, qtbot) -> None:
    synced.settings.set("ui.language", "sv")
    app = make_app()
    assert app.translation_loaded
    qtbot.waitUntil(app.holidays.calendar_ready)
    assert tray_actions(app)["hero"].text() == "Veckans hjälte: Omar Haddad – tar de snabba puckarna"


def test_side_panel_in_swedish(synced, make_app, qtbot) -> None:
    synced.settings.set("ui.language", "sv")
    _app, win = open_planner(make_app, qtbot, WED)
    assert win.team_box.title() == "Teamet"
    assert win.team_label.text() == "Antihjältedag: Anna Berg, Bo Ek\nVeckans hjälte: Omar Haddad"
    win.show_day(THU)
    assert win.team_label.text() == "Borta: Omar Haddad\nVeckans hjälte: Omar Haddad"
    win.show_day(MY_HERO_TUE)
    qtbot.mouseClick(win.plan_button, Qt.MouseButton.LeftButton)
    assert win.message.text().startswith("Tisdag 8 december ligger i veckan då du är veckans hjälte")
    assert win.force_button.text() == "Planera &ändå"


def test_cover_away_is_warned_in_the_window(synced, make_app, qtbot) -> None:
    synced.settings.set("team.roster", ["Omar Haddad, omar@kommun.se"])
    _app, win = open_planner(make_app, qtbot, THU)
    qtbot.mouseClick(win.plan_button, Qt.MouseButton.LeftButton)
    assert synced.plan.get_day(THU) is not None
    line = win.cover_combo.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "Omar Haddad")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert synced.plan.get_day(THU).cover == "Omar Haddad"
    assert "Your cover, Omar Haddad, is away on Thursday 3 December." in win.message.text()
    assert win.message.property("warning") is True
    assert win.isVisible(), "non-modal: the window stays usable"


def test_too_many_focusing_is_warned_when_planning(synced, make_app, qtbot) -> None:
    _app, win = open_planner(make_app, qtbot, WED)
    qtbot.mouseClick(win.plan_button, Qt.MouseButton.LeftButton)
    assert synced.plan.get_day(WED) is not None, "a warning, not a refusal"
    msg = win.message.text()
    assert msg.startswith("Planned Wednesday 2 December.")
    assert (
        "Already on an antihjälte day on Wednesday 2 December: Anna Berg, Bo Ek (the team's limit is 2)."
        in msg
    )


def test_own_hero_week_is_refused_until_planned_anyway(synced, make_app, qtbot) -> None:
    _app, win = open_planner(make_app, qtbot, MY_HERO_TUE)
    qtbot.mouseClick(win.plan_button, Qt.MouseButton.LeftButton)
    assert synced.plan.get_day(MY_HERO_TUE) is None
    assert "your own week as hero of the week" in win.message.text()
    assert win.force_button.isVisible()
    qtbot.mouseClick(win.force_button, Qt.MouseButton.LeftButton)
    assert synced.plan.get_day(MY_HERO_TUE) is not None
    assert not win.force_button.isVisible()
    assert win.message.text().startswith("Planned Tuesday 8 December.")


def test_a_sync_refreshes_the_open_planner(profile: Profile, make_app, qtbot, tmp_path: Path) -> None:
    app, win = open_planner(make_app, qtbot, WED)
    assert not win.team_box.isVisible()
    sync_team(profile, tmp_path)
    app.hub.team_changed.emit()  # what a finished sync (or the sync status file's watcher) says
    assert win.team_box.isVisible()
    assert "Anna Berg" in win.team_label.text()
    assert win.calendar.team_marks(WED) == (2, 0)


def test_never_synced_shows_no_team_and_no_error(profile: Profile, make_app, qtbot, caplog) -> None:
    app, win = open_planner(make_app, qtbot, WED)
    assert not win.team_box.isVisible()
    assert win.calendar.team_marks(WED) == (0, 0)
    assert "colleague" not in win.legend.text().lower()
    assert tooltip_of(win, WED) == ""
    qtbot.mouseClick(win.plan_button, Qt.MouseButton.LeftButton)
    assert profile.plan.get_day(WED) is not None
    assert win.message.text() == "Planned Wednesday 2 December."
    acts = tray_actions(app)
    assert "hero" not in acts
    assert "Hero" not in app.tray.icon.toolTip()
    assert not [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")]
    assert not (profile.paths.data / "feed.sqlite3").exists()


def _pixels_near(image, rect, colour, tolerance: int = 40) -> int:
    from PySide6.QtGui import QColor

    count = 0
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            c = QColor(image.pixel(x, y))
            if (
                abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue())
                < tolerance
            ):
                count += 1
    return count


def test_team_dots_are_painted_and_the_planner_is_shot(synced, make_app, qtbot) -> None:
    """The cells carry a blue dot per colleague focusing and a purple one per colleague away
    (screenshot in tests/_artifacts/planner-team-en.png: look at it)."""
    from antihjalte_desktop.ui.calendar_view import TEAM_AWAY, TEAM_FOCUS
    from tests.harness.xvfb import ARTIFACTS

    _app, win = open_planner(make_app, qtbot, FRI)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # the layout settles (pending layout requests) before the shot
    win.grab().save(str(ARTIFACTS / "planner-team-en.png"))
    view = win.calendar.viewport().grab().toImage()
    assert view.devicePixelRatio() == 1
    for day, focus, away in ((WED, True, False), (THU, False, True), (FRI, False, False)):
        rect = win.calendar.cell_rect(day)
        assert rect is not None
        assert (_pixels_near(view, rect, TEAM_FOCUS) > 4) == focus, day
        assert (_pixels_near(view, rect, TEAM_AWAY) > 4) == away, day


CHILD = r"""
import json, sys
from datetime import date, datetime
from zoneinfo import ZoneInfo
from antihjalte_desktop import app as appmod
from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile

qapp = appmod._make_qapp()
now = datetime(2026, 11, 30, 9, tzinfo=ZoneInfo("Europe/Stockholm"))
prof = Profile(Paths.resolve(sys.argv[1]), clock=FixedClock(now))
app = appmod.App(qapp, prof, has_tray=False)
win = app.open_planner(date(2026, 12, 2))
qapp.processEvents()
heavy = sorted(m for m in ("icalendar", "recurring_ical_events", "x_wr_timezone") if m in sys.modules)
app._team_in_tray = True  # as once the icon is up
tip = app._tray_view().tooltip
print(json.dumps({"team": win.team_label.text(), "tooltip": tip, "heavy": heavy}))
app.shutdown()
"""


def test_the_ui_reads_the_team_without_icalendar(profile: Profile, cli, tmp_path: Path) -> None:
    """The sync (a child process) parses the feed; the UI reads only the index (SQLite)."""
    import json
    import os
    import subprocess
    import sys

    feed = tmp_path / "team.ics"
    write_feed(feed)
    profile.settings.set("me.name", "Kim Lind")
    profile.settings.set("feed.location", str(feed))
    cli("sync", check=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(cli.home)], env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    facts = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "On an antihjälte day: Anna Berg, Bo Ek" in facts["team"]
    assert "Hero of the week: Omar Haddad" in facts["tooltip"]
    assert facts["heavy"] == [], "the UI thread imported the calendar parser"


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "systemTrayWindowChanged")  # a tray icon shown offscreen
def test_at_start_the_tray_names_the_hero_once_the_icon_is_up(synced, make_app, qtbot) -> None:
    app = make_app()
    app.self_test = True  # the services are built but start nothing
    app.start(show_planner=False)
    assert "Hero of the week" not in app.tray.icon.toolTip(), "the icon does not wait for the team"
    app.start_services()
    assert "Hero of the week: Omar Haddad" in app.tray.icon.toolTip()


def test_selecting_a_day_says_what_planning_it_would_mean(synced, make_app, qtbot) -> None:
    from antihjalte_desktop.services.planning import Planning

    Planning(synced).plan_day(date(2027, 1, 12), cover="Omar Haddad")  # the usual cover, and a late day
    _app, win = open_planner(make_app, qtbot, MY_HERO_TUE)
    assert "your own week as hero of the week" in win.day_info.text()
    assert synced.plan.get_day(MY_HERO_TUE) is None, "looking plans nothing"
    win.show_day(THU)
    assert win.day_info.text() == "Your cover, Omar Haddad, is away on Thursday 3 December."
    win.show_day(WED)
    assert "Already on an antihjälte day on Wednesday 2 December: Anna Berg, Bo Ek" in win.day_info.text()
    win.show_day(FRI)
    assert win.day_info.text().endswith("Omar Haddad, who covered for you last time, is in.")
    # The suggested day: before the due date, not Thursday (the cover away), not the hero week.
    s = win._suggestion
    assert s is not None and s.day == date(2026, 12, 1) and s.cover == "Omar Haddad"
    assert "Your cover, Omar Haddad, is in." in win.suggest_reason.text()
