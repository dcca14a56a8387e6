"""Helpers for the team-feed tests: profiles on a fixed clock, sample feeds, feed checks."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.feed import rawics
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile

SAMPLES = Path(__file__).parent / "samples"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=STOCKHOLM)
FULL = os.environ.get("ANTIHJALTE_FULL") == "1"


def make_profile(
    home: Path, name: str = "", email: str = "", feed: Path | None = None, now: datetime = NOW
) -> Profile:
    prof = Profile(Paths.resolve(home), FixedClock(now))
    if name:
        prof.settings.set("me.name", name)
    if email:
        prof.settings.set("me.email", email)
    if feed is not None:
        prof.settings.set("feed.location", str(feed))
    return prof


@pytest.fixture
def profiles(tmp_path: Path) -> Iterator[Callable[..., Profile]]:
    made: list[Profile] = []

    def make(label: str, **kw: object) -> Profile:
        p = make_profile(tmp_path / f"home-{label}", **kw)  # type: ignore[arg-type]
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    d = tmp_path / "share"
    d.mkdir()
    return d / "team.ics"


def copy_sample(name: str, dest: Path) -> bytes:
    shutil.copyfile(SAMPLES / name, dest)
    return dest.read_bytes()


def foreign_components(data: bytes, profile_ids: set[str] | None = None) -> list[bytes]:
    """Raw bytes of every component not owned by one of ``profile_ids`` (all when None)."""
    doc = rawics.split(data)
    return [doc.raw(c) for c in doc.components if profile_ids is None or c.owner not in profile_ids]


def assert_intact(before: bytes, after: bytes) -> None:
    """Every component of ``before`` that no Antihjälte profile owns is in ``after``, byte for byte."""
    old = [r for r in foreign_components(before) if b"X-ANTIHJALTE-PROFILE" not in r]
    new = foreign_components(after)
    for raw in old:
        assert raw in new, f"foreign component changed or lost:\n{raw.decode(errors='replace')[:400]}"


def ROOT_ENV(**extra: str) -> dict[str, str]:
    """The environment for a child process: the test's (temp HOME, TZ) plus the repo on sys.path."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["ANTIHJALTE_NOW"] = NOW.isoformat()
    env.update(extra)
    return env
