"""Cadence: one antihjälte day every N weeks, with a fixed "today"."""

from __future__ import annotations

from datetime import date

from antihjalte_desktop.core.cadence import CadenceState, cadence_status
from antihjalte_desktop.core.workdays import WorkCalendar

TODAY = date(2026, 11, 30)  # Monday


def test_off_when_every_weeks_is_zero(se: WorkCalendar) -> None:
    st = cadence_status([date(2026, 12, 4)], 0, TODAY, se)
    assert st.state is CadenceState.OFF and st.kept and st.due_by is None
    assert st.describe() == "no cadence set"


def test_unplanned_counts_from_today(se: WorkCalendar) -> None:
    st = cadence_status([], 4, TODAY, se)
    assert st.state is CadenceState.UNPLANNED
    assert st.due_by == date(2026, 12, 28)
    assert st.kept and st.last_day is None and st.next_day is None
    assert st.describe() == "plan your next antihjälte day by 2026-12-28"


def test_kept_when_next_day_is_before_due(se: WorkCalendar) -> None:
    st = cadence_status([date(2026, 11, 16), date(2026, 12, 4)], 4, TODAY, se)
    assert st.state is CadenceState.KEPT
    assert st.last_day == date(2026, 11, 16)
    assert st.next_day == date(2026, 12, 4)
    assert st.due_by == date(2026, 12, 14)
    assert st.kept and st.overdue_workdays == 0
    assert st.to_json() == {
        "every_weeks": 4,
        "state": "kept",
        "kept": True,
        "last_day": "2026-11-16",
        "next_day": "2026-12-04",
        "due_by": "2026-12-14",
        "overdue_workdays": 0,
    }


def test_due_date_moves_back_from_a_holiday(se: WorkCalendar) -> None:
    # 4 weeks after Thursday 26 Nov is Thursday 24 Dec (Julafton): due the 23rd.
    st = cadence_status([date(2026, 11, 26)], 4, TODAY, se)
    assert st.due_by == date(2026, 12, 23)
    assert st.state is CadenceState.UNPLANNED


def test_late_when_next_day_lands_after_due(se: WorkCalendar) -> None:
    st = cadence_status([date(2026, 11, 16), date(2026, 12, 18)], 4, TODAY, se)
    assert st.state is CadenceState.LATE and not st.kept
    assert st.due_by == date(2026, 12, 14)
    assert st.overdue_workdays == 4  # 15, 16, 17, 18 December
    assert st.describe() == "next day 2026-12-18 is 4 workdays after the cadence date 2026-12-14"


def test_overdue_by_n_workdays(se: WorkCalendar) -> None:
    # Last day Thursday 1 Oct; due Thursday 29 Oct. Workdays after it up to Monday 30 Nov:
    # 30 Oct, then 4 full weeks (20; All Saints' Day is Saturday 31 Oct), then 30 Nov = 22.
    st = cadence_status([date(2026, 10, 1)], 4, TODAY, se)
    assert st.state is CadenceState.OVERDUE and not st.kept
    assert st.due_by == date(2026, 10, 29)
    assert st.overdue_workdays == 22
    assert st.describe() == "overdue by 22 workdays (was due by 2026-10-29)"


def test_overdue_counts_holidays_out(se: WorkCalendar) -> None:
    # Due Wednesday 23 Dec; on Monday 4 Jan the workdays past due are 28, 29, 30 Dec and 4 Jan.
    st = cadence_status([date(2026, 11, 25)], 4, date(2027, 1, 4), se)
    assert st.due_by == date(2026, 12, 23)
    assert st.overdue_workdays == 4
    plain_st = cadence_status([date(2026, 11, 25)], 4, date(2027, 1, 4), WorkCalendar(lambda y: {}))
    assert plain_st.overdue_workdays == 8  # without holidays: 24, 25, 28-31 Dec, 1 and 4 Jan


def test_today_as_focus_day_anchors_cadence(se: WorkCalendar) -> None:
    st = cadence_status([TODAY], 2, TODAY, se)
    assert st.last_day == TODAY and st.due_by == date(2026, 12, 14)
    assert st.state is CadenceState.UNPLANNED
