"""Honest reminders on a real desktop session (Xvfb, a session D-Bus, gtk-sni-tray, dunst):
buttons pressed through dunst and through the tray menu as a tray host sends them (dbusmenu).

The app's story (times in Stockholm; days planned: Tuesday 1, Wednesday 2, Thursday 3 December):
- Run 1, Wednesday 16:00:30. Three messages: Tuesday's take-back (missed, due 08:00),
  Wednesday's reflection (on time) and Thursday's handover (missed, due 14:00, "Tomorrow is your
  antihjälte day"). The tray menu lists five waiting reminders, Wednesday's handover in the words
  of the day itself. "Done" on Tuesday's take-back in the tray menu closes its notification
  (CloseNotification); "Remind me in 15 minutes" and "Remind me tomorrow morning" are stored.
- Run 2, Thursday 08:00:30. Wednesday's reminders left the menu with their day (the reflection
  snoozed to 16:15 too). Thursday's handover is back as asked, now "Today is your antihjälte day –
  hand over as soon as you can", without "tomorrow morning". "Open checklist" opens the dialog
  and keeps the reminder; "Remind me in an hour" and "Done" do what they say.

In the test process itself (the real App, offscreen widgets, notifications on the same dunst):
"Done" in the handover dialog closes the notification, and so does taking the day out of the
plan on the command line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import require_tools
from tests.harness.session import DesktopSession, copy_artifact, desktop_session, wait_until
from tests.reminders.test_desktop_integration import RunningApp, cli, reminders

__all__ = ["desktop_session"]  # the fixture, used by name

pytestmark = [pytest.mark.integration, pytest.mark.qt_log_ignore("This plugin does not support")]

PLAN_NOW = "2026-11-30T09:00:00+01:00"
RUN1_NOW = "2026-12-02T16:00:30+01:00"
RUN2_NOW = "2026-12-03T08:00:30+01:00"
SNOOZES = ("snooze-15m", "Remind me in 15 minutes"), ("snooze", "Remind me in an hour")
MORNING = ("snooze-morning", "Remind me tomorrow morning")


def _notify(session: DesktopSession, title: str, after: int = 0) -> str:
    calls = [c for c in session.notify_calls()[after:] if f'"{title}"' in c]
    return " ".join(calls[-1].split()) if calls else ""


def _offers(call: str, key: str, label: str) -> bool:
    return f'string "{key}" string "{label}"' in call


def _closes(session: DesktopSession) -> int:
    text = session.monitor_log.read_text(errors="replace")
    return text.count("member=CloseNotification")


# -- the tray menu as a StatusNotifierItem host reads and clicks it (dbusmenu) ----------------------
def _menu_tree(session: DesktopSession) -> list[dict[str, Any]]:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    items = session.sni_items()
    assert len(items) == 1, items
    path = session.sni_property(items[0], "Menu")
    service = items[0].partition("/")[0]
    addr = DBusAddress(str(path), bus_name=service, interface="com.canonical.dbusmenu")
    with open_dbus_connection(session.bus_address) as conn:
        reply = conn.send_and_get_reply(new_method_call(addr, "GetLayout", "iias", (0, -1, [])), timeout=5)

    def walk(children: list[Any]) -> list[dict[str, Any]]:
        out = []
        for _sig, (ident, props, sub) in children:
            flat = {k: v[1] for k, v in props.items()}
            out.append({"id": ident, "label": str(flat.get("label", "")), "children": walk(sub)})
        return out

    _revision, (_root, _props, children) = reply.body
    return walk(children)


def _click(session: DesktopSession, ident: int) -> None:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    item = session.sni_items()[0]
    addr = DBusAddress(str(session.sni_property(item, "Menu")), bus_name=item.partition("/")[0],
                       interface="com.canonical.dbusmenu")  # fmt: skip
    with open_dbus_connection(session.bus_address) as conn:
        conn.send_and_get_reply(
            new_method_call(addr, "Event", "isvu", (ident, "clicked", ("s", ""), 0)), timeout=5
        )


def _reminder_menu(session: DesktopSession, label: str) -> dict[str, Any]:
    found = [e for e in _menu_tree(session) if e["label"] == label and e["children"]]
    assert found, [e["label"] for e in _menu_tree(session)]
    return found[0]


def _labels(session: DesktopSession) -> list[str]:
    return [e["label"] for e in _menu_tree(session)]


# -- the app as a user runs it ---------------------------------------------------------------------
def test_honest_reminders_on_a_real_session(desktop_session: DesktopSession, home: Path) -> None:
    require_tools("xdotool", "import")
    session = desktop_session
    cli(home, PLAN_NOW, "config", "set", "ui.language", "en")
    for day in ("2026-12-01", "2026-12-02", "2026-12-03"):
        cli(home, PLAN_NOW, "plan", "add", day)

    # -- run 1: Wednesday 16:00:30 -----------------------------------------------------------------
    app = RunningApp(session, home, RUN1_NOW, "honest-run1")
    try:
        for rid in ("2026-12-01/restore", "2026-12-02/reflect", "2026-12-03/handover"):
            app.wait_log(f"notification {rid} shown by the server")
        wait_until(lambda: session.displayed() == 3, 10, "three notifications on screen")
        handover = _notify(session, "Missed reminder: Time to hand over")
        assert "This reminder was due at 14:00." in handover
        assert "Tomorrow is your antihjälte day – hand over before it starts." in handover
        for key, label in (("open", "Open checklist"), *SNOOZES, MORNING, ("done", "Done")):
            assert _offers(handover, key, label), handover
        reflect = _notify(session, "Time to reflect")
        assert _offers(reflect, "open", "Open journal") and _offers(reflect, *SNOOZES[1])
        assert not _offers(reflect, *MORNING), "its day is over before tomorrow morning"
        restore = _notify(session, "Missed reminder: Welcome back")
        assert "This reminder was due at 08:00." in restore

        # The tray menu: five waiting reminders, each in the words of its day as it is today.
        wait_until(lambda: "Time to reflect on today" in _labels(session), 10, "the reminders in the menu")
        labels = _labels(session)
        assert "Today is your antihjälte day – hand over as soon as you can" in labels  # Wednesday's
        assert "Tomorrow is your antihjälte day – hand over before it starts" in labels  # Thursday's
        assert "Take back what you passed on for Tuesday 1 December" in labels
        assert "Today is your antihjälte day – before you start" in labels
        shot = session.screenshot(session.dir / "honest-run1.png")
        copy_artifact(shot, "reminders-honest-missed-en.png")

        # "Done" in the tray menu: the take-back is finished and its notification closed.
        take_back = _reminder_menu(session, "Take back what you passed on for Tuesday 1 December")
        assert [c["label"] for c in take_back["children"]] == [
            "Open checklist", "Remind me in 15 minutes", "Remind me in an hour", "Done",
        ]  # fmt: skip
        closes = _closes(session)
        _click(session, next(c["id"] for c in take_back["children"] if c["label"] == "Done"))
        app.wait_log("done: 2026-12-01/restore")
        wait_until(lambda: _closes(session) > closes, 10, "CloseNotification on the bus")
        wait_until(lambda: session.displayed() == 2, 10, "the take-back's notification gone")
        assert reminders(home, RUN1_NOW)["2026-12-01/restore"]["state"] == "done"
        wait_until(
            lambda: "Take back what you passed on for Tuesday 1 December" not in _labels(session),
            10, "the take-back out of the menu",
        )  # fmt: skip

        # Two of the three snoozes, through dunst's own buttons.
        session.pick_action("Remind me in 15 minutes", "Time to reflect", "snooze-15m")
        app.wait_log("snoozed 2026-12-02/reflect")
        session.pick_action(MORNING[1], "Missed reminder: Time to hand over", MORNING[0])
        app.wait_log("snoozed 2026-12-03/handover")
        states = reminders(home, RUN1_NOW)
        assert (states["2026-12-02/reflect"]["state"], states["2026-12-02/reflect"]["snoozed_until"]) == (
            "snoozed", "2026-12-02T16:15:30+01:00",
        )  # fmt: skip
        assert states["2026-12-03/handover"]["snoozed_until"] == "2026-12-03T08:00:00+01:00"
    finally:
        app.stop()

    # -- run 2: Thursday 08:00:30 ------------------------------------------------------------------
    session.dunstctl("close-all")
    before = len(session.notify_calls())
    app = RunningApp(session, home, RUN2_NOW, "honest-run2")
    try:
        for rid in ("2026-12-03/handover", "2026-12-03/start", "2026-12-02/restore"):
            app.wait_log(f"notification {rid} shown by the server")
        handover = _notify(session, "Time to hand over", before)
        assert "Today is your antihjälte day – hand over as soon as you can." in handover, handover
        assert not _offers(handover, *MORNING), "tomorrow morning is after its day"
        wait_until(lambda: session.displayed() == 3, 10, "three notifications on screen")
        # Wednesday's reminders left the menu with their day; Thursday's speaks of today.
        wait_until(
            lambda: "Today is your antihjälte day – hand over as soon as you can" in _labels(session),
            10, "Thursday's handover in the menu",
        )  # fmt: skip
        labels = _labels(session)
        assert not [x for x in labels if x.startswith("Time to reflect on")], labels
        assert sum(1 for x in labels if x.startswith("Today is your antihjälte day – hand over")) == 1
        shot = session.screenshot(session.dir / "honest-run2.png")
        copy_artifact(shot, "reminders-honest-on-the-day-en.png")

        # "Open checklist": the dialog opens, the reminder keeps waiting.
        session.pick_action("Open checklist", "Time to hand over", "open")
        title = "Handover for Thursday 3 December"
        wait_until(lambda: _window_titled(session, title), 15, f"a window titled {title!r}")
        assert reminders(home, RUN2_NOW)["2026-12-03/handover"]["state"] == "shown"
        assert "Today is your antihjälte day – hand over as soon as you can" in _labels(session)
        # "Remind me in an hour" and "Done" on the other two.
        session.pick_action("Remind me in an hour", "Today is your antihjälte day", "snooze")
        app.wait_log("snoozed 2026-12-03/start")
        session.pick_action("Done", "Welcome back", "done")
        app.wait_log("done: 2026-12-02/restore")
        states = reminders(home, RUN2_NOW)
        assert states["2026-12-03/start"]["snoozed_until"] == "2026-12-03T09:00:30+01:00"
        assert states["2026-12-02/restore"]["state"] == "done"
        # Done for the opened handover, from the tray menu.
        menu = _reminder_menu(session, "Today is your antihjälte day – hand over as soon as you can")
        _click(session, next(c["id"] for c in menu["children"] if c["label"] == "Done"))
        app.wait_log("done: 2026-12-03/handover")
        assert reminders(home, RUN2_NOW)["2026-12-03/handover"]["state"] == "done"
    finally:
        app.stop()


def _window_titled(session: DesktopSession, title: str) -> bool:
    out = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", title],
        env=session.env(), capture_output=True, text=True,
    )
    return out.returncode == 0 and bool(out.stdout.strip())


# -- finished in a dialog, or on the command line: the notification is closed ----------------------
@pytest.fixture
def running(desktop_session: DesktopSession, home: Path, qapp, monkeypatch) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from antihjalte_desktop.app import App
    from antihjalte_desktop.core.clock import FixedClock
    from antihjalte_desktop.services.planning import Planning
    from antihjalte_desktop.store.holidays_cache import load_year
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.profile import Profile
    from tests.reminders.conftest import at

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop_session.bus_address)
    monkeypatch.setenv("ANTIHJALTE_HOME", str(home))
    paths = Paths.resolve(home).ensure()
    for year in (2026, 2027):
        load_year(paths.cache, "SE", year)
    profile = Profile(paths, clock=FixedClock(at("2026-12-02 14:00:30")))
    profile.settings.set("ui.language", "en")
    planning = Planning(profile)
    planning.plan_day(__import__("datetime").date(2026, 12, 2))
    planning.plan_day(__import__("datetime").date(2026, 12, 3))
    app = App(qapp, profile, has_tray=False)
    app.start(show_planner=False)
    app.start_services()
    yield app
    assert app.reminders is not None and app.reminders.notifier is not None
    app.reminders.stop()
    app.reminders.notifier.close()
    app.shutdown()


def test_done_in_a_dialog_or_on_the_command_line_closes_the_notification(
    running: Any, desktop_session: DesktopSession, home: Path, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QApplication, QPushButton

    from antihjalte_desktop.ui.handover_dialog import HandoverDialog

    session, app = desktop_session, running
    # Wednesday 14:00:30: Thursday's handover on time, and Wednesday's start (missed) for its day.
    qtbot.waitUntil(lambda: session.displayed() == 2, timeout=10_000)
    assert {r.id for r in app.waiting} >= {"2026-12-03/handover", "2026-12-02/start"}
    # "Done" in the handover dialog that the reminder opened.
    closes = _closes(session)
    app.choose_reminder("2026-12-03/handover")
    shown = QApplication.topLevelWidgets()
    dialog = next(w for w in shown if isinstance(w, HandoverDialog) and w.isVisible())
    done = dialog.findChild(QPushButton, "done")
    assert done is not None
    done.click()
    qtbot.waitUntil(lambda: session.displayed() == 1, timeout=10_000)
    assert _closes(session) == closes + 1
    # Wednesday taken out of the plan on the command line: the app hears of it through its
    # store watcher, and Wednesday's start reminder leaves the screen and the menu.
    out = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", "plan", "remove", "2026-12-02"],
        env=dict(os.environ, ANTIHJALTE_NOW="2026-12-02T14:00:30+01:00"), capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    qtbot.waitUntil(lambda: session.displayed() == 0, timeout=10_000)
    assert _closes(session) == closes + 2
    assert [r.id for r in app.waiting] == []
    assert json.loads(json.dumps([r.id for r in app.waiting])) == []
