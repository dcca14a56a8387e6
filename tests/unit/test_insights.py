"""core/insights.py: the figures as a pure function of plain values."""

from __future__ import annotations

from datetime import date

from antihjalte_desktop.core.insights import (
    CellState,
    DayEvent,
    compute,
    gap_workdays,
    unit_view,
)
from antihjalte_desktop.core.team_rules import same_person
from antihjalte_desktop.core.workdays import Holiday, WorkCalendar

NEW_YEAR = {date(2026, 1, 1): Holiday(date(2026, 1, 1), "Nyårsdagen", "New Year's Day")}
CAL = WorkCalendar(lambda year: NEW_YEAR if year == 2026 else {})


def test_gap_counts_workdays_between_kept_days_and_the_ends() -> None:
    # 2 Jan (Fri) .. 9 Jan: 2, 5, 6, 7, 8 = 5 workdays before the first kept day
    assert gap_workdays([date(2026, 1, 9)], date(2026, 1, 1), date(2026, 1, 12), CAL) == 5
    # nothing kept: every workday up to (not including) today
    assert gap_workdays([], date(2026, 1, 1), date(2026, 1, 12), CAL) == 6
    assert gap_workdays([], date(2026, 1, 1), date(2026, 1, 1), CAL) == 0


def test_moves_removals_tasks_and_cells() -> None:
    a = date(2026, 1, 2)
    events = [
        DayEvent(date(2026, 1, 9), "planned", at=a),
        DayEvent(date(2026, 1, 9), "task_passed", "olle  ek", 1, a),
        DayEvent(date(2026, 1, 9), "task_passed", "Olle Ek", 2, a),
        DayEvent(date(2026, 1, 9), "task_removed", "Olle Ek", 2, a),
        DayEvent(date(2026, 1, 9), "moved", "2026-01-16", at=a),
        DayEvent(date(2026, 1, 16), "task_taken_back", "Olle Ek", 1, date(2026, 1, 19)),
        DayEvent(date(2026, 1, 23), "planned", at=a),
        DayEvent(date(2026, 1, 23), "task_passed", "Anna", 3, a),
        DayEvent(date(2026, 1, 23), "removed", at=a),
        DayEvent(date(2026, 12, 31), "planned", at=a),
    ]
    planned = [date(2026, 1, 16), date(2026, 12, 31)]
    links = {date(2026, 1, 16): 2}
    ins = compute(2026, date(2026, 2, 2), events, planned, links, 2, CAL, away=[date(2026, 1, 20)])
    assert ins.days == (2, 1, 1, 1)  # planned, kept, moved, removed
    assert ins.handover.tasks_passed == 1 and ins.handover.taken_back == 1
    assert ins.handover.by_person == (("olle ek", 1),)
    assert ins.months[0] == (1, 1, 1, 1)
    assert ins.months[11].planned == 1
    assert ins.cell(date(2026, 1, 16)) is CellState.KEPT
    assert ins.cell(date(2026, 1, 9)) is CellState.WORKDAY
    assert ins.cell(date(2026, 1, 1)) is CellState.HOLIDAY
    assert ins.cell(date(2026, 1, 3)) is CellState.WEEKEND
    assert ins.cell(date(2026, 1, 20)) is CellState.AWAY
    assert ins.cell(date(2026, 12, 31)) is CellState.PLANNED
    # 32 days elapsed / 14 = 2.29 days asked for; 1 kept
    assert ins.cadence.kept_ratio == 0.438
    assert ins.to_json()["handover"] == {"tasks_passed": 1, "taken_back": 1, "by_person": {"olle ek": 1}}
    assert "unit" not in ins.to_json()


def test_unit_view_counts_people_as_one_whatever_their_spelling() -> None:
    rows = [
        (date(2026, 1, 9), "Anna Berg", "focus"),
        (date(2026, 1, 9), "anna  berg", "focus"),  # the same day twice: one day
        (date(2026, 2, 6), "Anna Berg", "focus"),
        (date(2026, 1, 5), "Olle", "hero"),
        (date(2026, 1, 6), "Olle", "hero"),  # the same ISO week: one hero week
        (date(2026, 1, 12), "Olle", "hero"),
        (date(2026, 1, 7), "Bo", "away"),  # away only: not in the view
        (date(2025, 12, 31), "Anna Berg", "focus"),  # another year
    ]
    view = unit_view(rows, 2026)
    assert [(p.person, p.focus_days, p.hero_weeks) for p in view] == [("Anna Berg", 2, 0), ("Olle", 0, 2)]
    assert view[0].focus_by_month[:2] == (1, 1)
    assert same_person("Anna", "anna berg") and not same_person("", "") and not same_person("Anna", "Olle")
