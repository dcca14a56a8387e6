"""Calendars for the pure-core tests: the real Swedish holidays (via the ``holidays``
package, computed once per test session) and a plain Monday-to-Friday one."""

from __future__ import annotations

from datetime import date
from functools import cache
from zoneinfo import ZoneInfo

import pytest

from antihjalte_desktop.core.workdays import Holiday, WorkCalendar, compute_holidays

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@cache
def _se_year(year: int) -> dict[date, Holiday]:
    return compute_holidays("SE", year)


@pytest.fixture
def se() -> WorkCalendar:
    """Sweden's public holidays plus Julafton, Midsommarafton and Nyårsafton."""
    return WorkCalendar(_se_year)


@pytest.fixture
def plain() -> WorkCalendar:
    """Weekends only, no holidays."""
    return WorkCalendar(lambda year: {})
