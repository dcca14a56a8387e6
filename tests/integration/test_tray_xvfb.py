"""The real tray app under Xvfb with a real XEmbed tray host (trayer), driven like a person would:
the icon is found in the panel, clicked, its menu opened and an entry picked with the keyboard;
a second start hands over to the first. Screenshots go to tests/_artifacts/ (look at them)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.harness.xvfb import ARTIFACTS, XTray, wait_until, x_no_tray, x_tray  # noqa: F401 - fixtures

pytestmark = pytest.mark.integration

NOW = "2026-11-30T09:00:00+01:00"  # Monday 30 November 2026, 09:00
EARLY = "2026-11-30T07:30:00+01:00"


def plan(home: Path, *days: str) -> None:
    for day in days:
        Cli(home, NOW)("plan", "add", day, "--note", "Omvärldsbevakning", "--cover", "Anna Berg", check=True)


def menu_windows(x: XTray) -> set[str]:
    return set(x.xdotool("search", "--onlyvisible", "--classname", "antihjalte", check=False).split())


def open_menu(x: XTray) -> None:
    before = menu_windows(x)
    x.click_icon(3)
    wait_until(lambda: menu_windows(x) - before, 10, "the tray menu")
    time.sleep(0.4)  # the menu window maps before its first paint is on screen


def menu_shot(x: XTray, name: str) -> Path:
    ix, _ = x.icon_center()
    return x.screenshot(ARTIFACTS / name, crop=f"420x300+{max(0, ix - 400)}+0")


def test_tray_icon_menu_entry_and_single_instance(x_tray: XTray, home: Path) -> None:  # noqa: F811
    x = x_tray
    plan(home, "2026-12-04")
    app = x.start_app(home, "--autostart", now=NOW, LANG="en_GB.UTF-8")
    wait_until(lambda: app.poll() is not None or x.icon_embedded(), 20, "the tray icon in the panel")
    assert app.poll() is None, (x.workdir / "app-2.log").read_text(errors="replace")
    assert not x.windows("plan focus days"), "started at login: no window while there is a tray"
    x.screenshot(ARTIFACTS / "tray-icon-en.png", crop="200x40+1080+0")

    # A second start hands over to the first, whose planner comes forward, and exits 0.
    second = x.run_app(home, now=NOW, LANG="en_GB.UTF-8")
    assert second.returncode == 0, second.stderr
    assert "already running" in second.stdout
    planner = wait_until(lambda: x.windows("Antihjälte – plan focus days"), 15, "the first one's planner")
    x.screenshot(ARTIFACTS / "planner-en.png", window=planner[0])
    assert app.poll() is None

    # The menu: open it on the icon, pick Settings by its mnemonic.
    open_menu(x)
    menu_shot(x, "tray-menu-en.png")
    x.xdotool("key", "s")
    settings = wait_until(lambda: x.windows("Antihjälte – settings"), 15, "the settings dialog")
    x.screenshot(ARTIFACTS / "settings-en.png", window=settings[0])

    # Quit from the menu: the process ends by itself, cleanly.
    open_menu(x)
    x.xdotool("key", "q")
    assert app.wait(15) == 0


def test_left_click_opens_the_planner_in_swedish(x_tray: XTray, home: Path) -> None:  # noqa: F811
    x = x_tray
    plan(home, "2026-12-04", "2026-11-30")
    # Today is the focus day; its handover reminder (last Friday) is already done, its start
    # reminder (08:00) not yet due: the icon shows the focus day and nothing waits.
    from antihjalte_desktop.core.reminders import ReminderState
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.profile import Profile

    prof = Profile(Paths.resolve(home))
    prof.plan.set_reminder_state("2026-11-30/handover", ReminderState.DONE)
    prof.close()
    app = x.start_app(home, "--autostart", now=EARLY, LANG="sv_SE.UTF-8")
    wait_until(lambda: app.poll() is not None or x.icon_embedded(), 20, "the tray icon in the panel")
    assert app.poll() is None
    x.screenshot(ARTIFACTS / "tray-icon-focus-day-sv.png", crop="200x40+1080+0")
    x.click_icon(1)
    planner = wait_until(lambda: x.windows("Antihjälte – planera antihjältedagar"), 15, "the planner")
    time.sleep(0.4)  # the window maps before its first paint is on screen
    x.screenshot(ARTIFACTS / "planner-sv.png", window=planner[0])
    open_menu(x)
    menu_shot(x, "tray-menu-sv.png")
    x.xdotool("key", "i")  # &Inställningar…
    settings = wait_until(lambda: x.windows("Antihjälte – inställningar"), 15, "the settings dialog")
    x.screenshot(ARTIFACTS / "settings-sv.png", window=settings[0])
    open_menu(x)
    x.xdotool("key", "o")  # &Om Antihjälte
    about = wait_until(lambda: x.windows("Om Antihjälte"), 15, "the about box")
    x.screenshot(ARTIFACTS / "about-sv.png", window=about[0])
    open_menu(x)
    x.xdotool("key", "a")  # &Avsluta
    assert app.wait(15) == 0


def test_without_a_tray_the_planner_is_the_main_window(x_no_tray: XTray, home: Path) -> None:  # noqa: F811
    x = x_no_tray
    app = x.start_app(home, "--autostart", now=NOW, LANG="en_GB.UTF-8")
    planner = wait_until(
        lambda: app.poll() is not None or x.windows("Antihjälte – plan focus days"), 20, "the planner"
    )
    assert app.poll() is None
    time.sleep(0.3)
    x.screenshot(ARTIFACTS / "planner-no-tray-en.png", window=planner[0])
    # Closing the main window quits the app.
    x.xdotool("windowfocus", "--sync", planner[0])
    x.xdotool("key", "ctrl+w")
    assert app.wait(15) == 0
