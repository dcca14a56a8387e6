"""The real app on a real desktop session: reminders reach dunst over D-Bus with their
three buttons, and each button, pressed through dunst, does what it says.

Parts: Xvfb, a session D-Bus, gtk-sni-tray (the StatusNotifierItem host and watcher),
dunst with our dunstrc, dbus-monitor; the app is ``python -m antihjalte_desktop --home H``
on xcb with the clock fixed by ANTIHJALTE_NOW.

The story (times in Stockholm):
- Monday 30 November and Wednesday 2 December are planned, with a task passed on to Omar.
- Run 1 at Tuesday 1 December 14:00:30: two reminders are due. Monday's restore reminder
  (08:00, so it is late) and Wednesday's handover reminder (14:00).
  "Open checklist" on the restore reminder shows the take-back dialog;
  "Remind me in an hour" on the handover reminder stores the snooze. The tray's StatusNotifierItem
  tooltip says that two reminders wait.
- Run 2 at 15:01, after a restart: the snooze is over, so the handover reminder comes back
  (the restore reminder, already shown, does not); a click on its body opens the
  handover dialog; "Done" stores it as done, and one reminder is left waiting.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import require_tools
from tests.harness.session import DesktopSession, copy_artifact, desktop_session, wait_until

__all__ = ["desktop_session"]  # the fixture, used by name

pytestmark = pytest.mark.integration

PLAN_NOW = "2026-11-30T09:00:00+01:00"
RUN1_NOW = "2026-12-01T14:00:30+01:00"
RUN2_NOW = "2026-12-01T15:01:00+01:00"
HANDOVER = "2026-12-02/handover"
RESTORE = "2026-11-30/restore"


def cli(home: Path, now: str, *args: str) -> str:
    env = dict(os.environ, ANTIHJALTE_HOME=str(home), ANTIHJALTE_NOW=now)
    out = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, f"antihjalte {' '.join(args)}: {out.stderr}"
    return out.stdout


def reminders(home: Path, now: str) -> dict[str, dict[str, object]]:
    return {r["id"]: r for r in json.loads(cli(home, now, "reminders", "--json"))}


class RunningApp:
    def __init__(self, session: DesktopSession, home: Path, now: str, name: str) -> None:
        self.session = session
        self.log = session.dir / f"{name}.log"
        env = session.env(ANTIHJALTE_NOW=now, NO_AT_BRIDGE="1", LANG="C.UTF-8")
        env.pop("ANTIHJALTE_HOME", None)
        self.home = home
        self._skip = len(self._read())  # the log is shared by the runs: read only this one's
        self.proc = session.spawn(
            name, [sys.executable, "-m", "antihjalte_desktop", "--home", str(home)], env=env
        )

    def _read(self) -> str:
        path = self.home / "logs" / "antihjalte.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def app_log(self) -> str:
        return self._read()[self._skip :]

    def wait_log(self, text: str, timeout: float = 30) -> None:
        def seen() -> bool:
            if self.proc.poll() is not None:
                raise AssertionError(f"the app exited ({self.proc.returncode}):\n{self.log.read_text()}")
            return text in self.app_log()

        wait_until(seen, timeout, f"{text!r} in the app's log")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def _notify_with(session: DesktopSession, title: str) -> str:
    calls = [c for c in session.notify_calls() if f'"{title}"' in c]
    return calls[-1] if calls else ""


def _tray_tooltip(session: DesktopSession) -> str:
    """The tooltip text of our StatusNotifierItem (the one app on this session's tray)."""
    items = session.sni_items()
    if len(items) != 1:
        return ""
    tip = session.sni_property(items[0], "ToolTip")
    assert isinstance(tip, tuple)
    return f"{tip[2]}\n{tip[3]}"


def _window_titled(session: DesktopSession, title: str) -> bool:
    out = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", title],
        env=session.env(),
        capture_output=True,
        text=True,
    )
    return out.returncode == 0 and bool(out.stdout.strip())


def test_reminders_on_a_real_session(desktop_session: DesktopSession, home: Path) -> None:
    require_tools("xdotool", "import")
    session = desktop_session
    cli(home, PLAN_NOW, "config", "set", "ui.language", "en")
    cli(home, PLAN_NOW, "config", "set", "team.roster", "Anna Berg, anna.berg@kommun.se;Omar Said")
    cli(home, PLAN_NOW, "plan", "add", "2026-11-30", "--cover", "Anna")
    cli(home, PLAN_NOW, "plan", "add", "2026-12-02", "--cover", "Omar")
    cli(home, PLAN_NOW, "handover", "2026-11-30", "--task", "Svara på remissen", "--to", "Omar")

    # -- run 1 -------------------------------------------------------------------------------
    app = RunningApp(session, home, RUN1_NOW, "app-run1")
    try:
        app.wait_log(f"showing {HANDOVER}")
        app.wait_log(f"notification {HANDOVER} shown by the server")
        app.wait_log(f"notification {RESTORE} shown by the server")
        wait_until(lambda: session.displayed() >= 2, 10, "two notifications on screen")
        # The tray (a StatusNotifierItem here) shows that reminders wait.
        wait_until(lambda: re.search(r"\b2 reminder", _tray_tooltip(session)), 10, "the tray's waiting state")
        # The Notify calls carry the three buttons (key, label pairs) and the late mark.
        handover = _notify_with(session, "Time to hand over")
        restore = _notify_with(session, "Missed reminder: Welcome back")
        for call in (handover, restore):
            assert call, session.monitor_log.read_text()[-3000:]
            assert 'string "Antihjälte"' in call
            flat = " ".join(call.split())
            assert 'string "desktop-entry" variant string "se.antihjalte.Desktop"' in flat
            buttons = (("open", "Open checklist"), ("snooze", "Remind me in an hour"), ("done", "Done"))
            for key, label in buttons:
                assert f'string "{key}" string "{label}"' in " ".join(call.split()), call
        assert "This reminder was due at 08:00." in restore
        shot = session.screenshot(session.dir / "notifications.png")
        copy_artifact(shot, "reminder-notifications.png")

        # "Open checklist" on the restore reminder: the take-back dialog opens.
        offered = session.pick_action("Open checklist", "Missed reminder: Welcome back", "open")
        assert "#Remind me in an hour (Time to hand over)" in offered  # both offer their buttons
        title = "Take back after Monday 30 November"
        wait_until(lambda: _window_titled(session, title), 15, f"a window titled {title!r}")
        app.wait_log(f"action open on {RESTORE}")
        shot = session.screenshot(session.dir / "take-back.png")
        copy_artifact(shot, "handover-take-back-dialog.png")
        assert reminders(home, RUN1_NOW)[RESTORE]["state"] == "shown"  # opened, still waiting

        # "Remind me in an hour" on the handover reminder: stored, and visible to the CLI.
        session.pick_action("Remind me in an hour", "Time to hand over", "snooze")
        app.wait_log(f"snoozed {HANDOVER}")
        state = reminders(home, RUN1_NOW)[HANDOVER]
        assert state["state"] == "snoozed"
        assert state["snoozed_until"] == "2026-12-01T15:00:30+01:00"
    finally:
        app.stop()

    # -- run 2: after a restart, the snooze is over ------------------------------------------
    session.dunstctl("close-all")  # what run 1 left on screen belongs to a process that is gone
    before = len(session.notify_calls())
    app = RunningApp(session, home, RUN2_NOW, "app-run2")
    try:
        app.wait_log(f"notification {HANDOVER} shown by the server")
        new_calls = session.notify_calls()[before:]
        assert len(new_calls) == 1, "only the snoozed reminder comes back; the shown one is not repeated"
        assert '"Time to hand over"' in new_calls[0]
        wait_until(lambda: session.displayed() >= 1, 10, "the notification on screen")
        # A click on the notification's body (its default action) opens the checklist too.
        session.dunstctl("action", "0")
        title = "Handover for Wednesday 2 December"
        wait_until(lambda: _window_titled(session, title), 15, f"a window titled {title!r}")
        shot = session.screenshot(session.dir / "handover.png")
        copy_artifact(shot, "handover-dialog-xvfb.png")
        session.pick_action("Done", "Time to hand over", "done")
        app.wait_log(f"done: {HANDOVER}")
        wait_until(
            lambda: re.search(r"\b1 reminder", _tray_tooltip(session)), 10, "one reminder left waiting"
        )
        states = reminders(home, RUN2_NOW)
        assert states[HANDOVER]["state"] == "done" and states[HANDOVER]["snoozed_until"] is None
        assert states[RESTORE]["state"] == "shown"
    finally:
        app.stop()
