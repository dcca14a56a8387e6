"""The tray app's services on a real profile (SQLite, settings file) with a fixed clock, for pytest-qt."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile

STHLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=STHLM)  # a Monday

# The offscreen platform cannot raise windows or pass size hints, and says so as a warning.
OFFSCREEN_NOISE = r"This plugin does not support"


def type_text(widget: object, text: str) -> None:
    """Type ``text`` key by key; QTest.keyClicks cannot type letters such as å, ä, ö."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)  # type: ignore[arg-type]
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,  # type: ignore[arg-type]
            )


@pytest.fixture(scope="session")
def holiday_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Swedish holidays of 2026-2027 computed once (the `holidays` package), copied into each profile."""
    from antihjalte_desktop.store.holidays_cache import load_year

    cache = tmp_path_factory.mktemp("holiday-cache")
    for year in (2026, 2027):
        load_year(cache, "SE", year)
    return cache / "holidays"


@pytest.fixture
def profile(home: Path, holiday_cache: Path) -> Iterator[Profile]:
    paths = Paths.resolve(home).ensure()
    shutil.copytree(holiday_cache, paths.cache / "holidays")
    prof = Profile(paths, clock=FixedClock(NOW))
    prof.settings.set("ui.language", "en")
    yield prof
    prof.close()


@pytest.fixture
def make_app(qapp: object, profile: Profile) -> Iterator[Callable[..., object]]:
    """``make_app(has_tray=True)`` builds the real App over the test profile; torn down after."""
    from antihjalte_desktop.app import App

    made: list[App] = []

    def make(*, has_tray: bool = True) -> App:
        app = App(qapp, profile, has_tray=has_tray)  # type: ignore[arg-type]
        made.append(app)
        return app

    yield make
    for app in made:
        app.shutdown()
