"""Where "now" comes from: the local zone, ANTIHJALTE_NOW, the fixed clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from antihjalte_desktop.core.clock import FixedClock, SystemClock, clock_from_env, local_zone, today


def test_local_zone_from_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Stockholm")
    assert local_zone() == ZoneInfo("Europe/Stockholm")
    monkeypatch.setenv("TZ", ":America/New_York")
    assert local_zone() == ZoneInfo("America/New_York")


def test_bad_tz_falls_back_to_a_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Not/A_Zone")
    zone = local_zone()
    assert datetime(2026, 7, 1, 12, tzinfo=zone).utcoffset() is not None


def test_env_clock_keeps_wall_time_in_the_local_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTIHJALTE_NOW", "2026-11-30T08:00:00+00:00")
    now = clock_from_env().now()
    assert now.isoformat() == "2026-11-30T09:00:00+01:00"
    assert now.tzinfo == ZoneInfo("Europe/Stockholm")  # a real zone, so DST works after it
    monkeypatch.setenv("ANTIHJALTE_NOW", "2027-03-28T12:00:00")  # naive: local wall time
    assert clock_from_env().now().isoformat() == "2027-03-28T12:00:00+02:00"


def test_system_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANTIHJALTE_NOW", raising=False)
    clock = clock_from_env()
    assert isinstance(clock, SystemClock)
    assert clock.now().tzinfo == ZoneInfo("Europe/Stockholm")
    assert abs((clock.now() - datetime.now().astimezone()).total_seconds()) < 60


def test_fixed_clock() -> None:
    clock = FixedClock(datetime.fromisoformat("2026-12-04T23:30:00+01:00"))
    assert today(clock).isoformat() == "2026-12-04"
    clock.set(datetime.fromisoformat("2026-12-05T00:10:00+01:00"))
    assert today(clock).isoformat() == "2026-12-05"
