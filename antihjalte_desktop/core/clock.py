"""Where "now" comes from. The core never calls ``datetime.now()`` itself."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware local date-time."""
        ...


def local_zone() -> tzinfo:
    """The user's IANA time zone, so reminders keep their wall-clock time across DST.

    Fast paths for ``$TZ`` and the ``/etc/localtime`` link; tzlocal (which also maps
    Windows zone names) only where those say nothing.
    """
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        target = os.path.realpath("/etc/localtime")
        marker = "/zoneinfo/"
        if marker in target:
            return ZoneInfo(target.split(marker, 1)[1])
    except (OSError, ZoneInfoNotFoundError, ValueError):
        pass
    try:
        import tzlocal

        zone: tzinfo = tzlocal.get_localzone()
        return zone
    except Exception:
        fallback = datetime.now().astimezone().tzinfo
        assert fallback is not None
        return fallback


class SystemClock:
    def __init__(self, zone: tzinfo | None = None) -> None:
        self.zone = zone or local_zone()

    def now(self) -> datetime:
        return datetime.now(self.zone)


@dataclass
class FixedClock:
    """A clock for tests; ``advance`` moves it."""

    current: datetime

    def now(self) -> datetime:
        return self.current

    def set(self, when: datetime) -> None:
        self.current = when


def clock_from_env() -> Clock:
    """``ANTIHJALTE_NOW`` (an ISO date-time with offset) fixes the clock for tests."""
    fixed = os.environ.get("ANTIHJALTE_NOW")
    if fixed:
        zone = local_zone()
        when = datetime.fromisoformat(fixed)
        when = when.replace(tzinfo=zone) if when.tzinfo is None else when.astimezone(zone)
        return FixedClock(when)
    return SystemClock()


def today(clock: Clock) -> date:
    return clock.now().date()
