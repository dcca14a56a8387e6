"""The first run in the real app process under Xvfb with a real tray host: a new profile's first
start shows the setup window beside the planner, Alt+S (Skip) sets ui.first_run_done, and the next
start shows it no more; a start at login (--autostart) never shows it."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import pytest

from tests.harness.xvfb import ARTIFACTS, XTray, wait_until, x_tray  # noqa: F401 - fixtures

pytestmark = pytest.mark.integration

NOW = "2026-11-30T09:00:00+01:00"
SETUP = "Antihjälte – set up"
PLANNER = "Antihjälte – plan focus days"


def _quit(app: object) -> None:
    app.send_signal(signal.SIGTERM)  # type: ignore[attr-defined]
    assert app.wait(20) == 0  # type: ignore[attr-defined]


def test_first_start_shows_the_setup_and_skip_ends_it(x_tray: XTray, home: Path) -> None:  # noqa: F811
    x = x_tray
    app = x.start_app(home, "--autostart", now=NOW, LANG="en_GB.UTF-8")
    wait_until(lambda: app.poll() is not None or x.icon_embedded(), 20, "the tray icon in the panel")
    time.sleep(0.5)
    assert not x.windows(SETUP), "a start at login shows no setup window"
    _quit(app)

    app = x.start_app(home, now=NOW, LANG="en_GB.UTF-8")
    setup = wait_until(lambda: app.poll() is not None or x.windows(SETUP), 20, "the setup window")
    assert app.poll() is None
    assert x.windows(PLANNER), "the planner opens beside it (the setup is not modal)"
    time.sleep(0.3)
    x.screenshot(ARTIFACTS / "first-run-xvfb-en.png", window=setup[0])
    x.xdotool("windowactivate", "--sync", setup[0], check=False)
    x.xdotool("windowfocus", "--sync", setup[0])
    x.xdotool("key", "--window", setup[0], "alt+s")
    wait_until(lambda: not x.windows(SETUP), 10, "the setup window to close")
    settings = json.loads((home / "config" / "settings.json").read_text())
    assert settings.get("ui.first_run_done") is True
    assert "me.name" not in settings  # skip saves nothing else
    _quit(app)

    app = x.start_app(home, now=NOW, LANG="en_GB.UTF-8")
    wait_until(lambda: app.poll() is not None or x.windows(PLANNER), 20, "the planner")
    time.sleep(0.5)
    assert not x.windows(SETUP)
    _quit(app)
