"""The suggested day (core/suggest.py) with a fixed clock and a fixed holiday calendar."""

from __future__ import annotations

from datetime import date

from antihjalte_desktop.core.suggest import suggest_day
from antihjalte_desktop.core.team_rules import Entry
from antihjalte_desktop.core.workdays import WorkCalendar, compute_holidays

TODAY = date(2026, 11, 30)  # a Monday
CAL = WorkCalendar(lambda year: compute_holidays("SE", year))


def suggest(due: date | None, **kw):  # type: ignore[no-untyped-def]
    kw.setdefault("planned", [])
    return suggest_day(TODAY, due, is_workday=CAL.is_workday, **kw)


def test_no_cadence_no_suggestion() -> None:
    assert suggest(None) is None


def test_the_earliest_workday_after_today_when_nobody_is_out() -> None:
    s = suggest(date(2026, 12, 28))
    assert s is not None and s.day == date(2026, 12, 1) and s.out == 0 and s.people_out == ()


def test_skips_planned_days_weekends_and_holidays() -> None:
    # From Thursday 24 December (Christmas Eve, a holiday in the calendar) the next workday is the 28th.
    s = suggest_day(date(2026, 12, 23), date(2026, 12, 30), is_workday=CAL.is_workday,
                    planned=[date(2026, 12, 28)])  # fmt: skip
    assert s is not None and s.day == date(2026, 12, 29)


def test_fewest_colleagues_out_wins() -> None:
    team = [
        Entry(date(2026, 12, 1), "Anna Berg", "focus"),
        Entry(date(2026, 12, 2), "Omar Said", "away"),
        Entry(date(2026, 12, 2), "Bo Ek", "focus"),
        Entry(date(2026, 12, 3), "Bo Ek", "away"),
    ]
    s = suggest(date(2026, 12, 4), team=team)
    assert s is not None and s.day == date(2026, 12, 4)
    team.append(Entry(date(2026, 12, 4), "Lena Ny", "away"))
    s = suggest(date(2026, 12, 4), team=team)
    assert s is not None and s.day == date(2026, 12, 1) and s.people_out == ("Anna Berg",)


def test_never_in_my_own_hero_week() -> None:
    team = [Entry(date(2026, 11, 30), "Kim Lind", "hero")]
    s = suggest(date(2026, 12, 28), team=team, my_name="kim lind")
    assert s is not None and s.day == date(2026, 12, 7) and s.skipped_hero_week
    only_that_week = suggest(date(2026, 12, 4), team=team, my_name="Kim Lind")
    assert only_that_week is None


def test_never_when_the_cover_is_away_and_rather_not_when_the_cover_focuses() -> None:
    team = [
        Entry(date(2026, 12, 1), "Anna Berg", "away"),
        Entry(date(2026, 12, 2), "Anna Berg", "focus"),
    ]
    s = suggest(date(2026, 12, 4), team=team, cover="Anna")
    assert s is not None and s.day == date(2026, 12, 3) and s.skipped_cover_away and s.cover == "Anna"


def test_my_own_entries_do_not_count_as_colleagues_out() -> None:
    team = [Entry(date(2026, 12, 1), "Kim Lind", "focus", me=True), Entry(date(2026, 12, 1), "Kim", "away")]
    s = suggest(date(2026, 12, 4), team=team, my_name="Kim Lind")
    assert s is not None and s.day == date(2026, 12, 1) and s.out == 0


def test_overdue_looks_two_weeks_ahead() -> None:
    s = suggest(date(2026, 11, 20))
    assert s is not None and s.day == date(2026, 12, 1)
    everything = [date(2026, 12, d) for d in range(1, 15)]
    assert suggest(date(2026, 11, 20), planned=everything) is None
