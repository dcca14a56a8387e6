"""The planner on a real X server (Xvfb), driven with real key presses through xdotool: the window
opens with the focus in the calendar on today; the arrow keys select without planning; Enter plans;
Ctrl+Z and Ctrl+Shift+Z undo and redo. Screenshot: tests/_artifacts/planner-keys-en.png."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from tests.harness.xvfb import ARTIFACTS, XTray, wait_until, x_no_tray  # noqa: F401 - fixtures

pytestmark = pytest.mark.integration

NOW = "2026-11-30T09:00:00+01:00"  # Monday 30 November 2026
WED = date(2026, 12, 2)


def planned(home: Path, day: date) -> bool:
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.profile import Profile

    prof = Profile(Paths.resolve(home))
    try:
        return prof.plan.get_day(day) is not None
    finally:
        prof.close()


def test_keys_select_plan_undo_and_redo(x_no_tray: XTray, home: Path) -> None:  # noqa: F811
    x = x_no_tray
    app = x.start_app(home, "--autostart", now=NOW, LANG="en_GB.UTF-8")
    win = wait_until(
        lambda: app.poll() is not None or x.windows("Antihjälte – plan focus days"), 20, "the planner"
    )
    assert app.poll() is None
    x.xdotool("windowfocus", "--sync", win[0])
    x.xdotool("key", "--delay", "80", "Right", "Right")  # Monday 30 November → Wednesday 2 December
    x.xdotool("key", "Return")
    wait_until(lambda: planned(home, WED), 10, "Wednesday 2 December planned by Enter")
    x.xdotool("key", "ctrl+z")
    wait_until(lambda: not planned(home, WED), 10, "the plan undone by Ctrl+Z")
    x.xdotool("key", "ctrl+shift+z")
    wait_until(lambda: planned(home, WED), 10, "the plan redone by Ctrl+Shift+Z")
    time.sleep(0.4)  # the window's repaint reaches the X server after the store has the change
    x.screenshot(ARTIFACTS / "planner-keys-en.png", window=win[0])
    x.xdotool("key", "ctrl+w")
    assert app.wait(15) == 0
