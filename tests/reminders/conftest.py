"""A real profile (SQLite, settings file) on a fixed clock, for the reminder service."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile

STHLM = ZoneInfo("Europe/Stockholm")


def at(text: str) -> datetime:
    """``2026-11-30 09:00`` in Stockholm."""
    return datetime.fromisoformat(text).replace(tzinfo=STHLM)


@dataclass
class FakeMonotonic:
    """The monotonic clock, moved by hand together with (or apart from) the wall clock."""

    value: float = 1000.0

    def __call__(self) -> float:
        return self.value


@dataclass
class Env:
    profile: Profile
    clock: FixedClock
    mono: FakeMonotonic = field(default_factory=FakeMonotonic)

    def advance(self, seconds: float) -> None:
        """Time passes normally: both clocks move."""
        from datetime import timedelta

        self.clock.set(self.clock.now() + timedelta(seconds=seconds))
        self.mono.value += seconds


@pytest.fixture
def env(home: Path) -> Iterator[Env]:
    clock = FixedClock(at("2026-11-30 09:00"))  # a Monday
    profile = Profile(Paths.resolve(home), clock=clock)
    profile.settings.set("ui.language", "en")
    yield Env(profile, clock)
    profile.close()
