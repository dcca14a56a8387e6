"""Properties that hold for every day, checked over many generated days (hypothesis)."""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from antihjalte_desktop.core.cadence import CadenceState, cadence_status
from antihjalte_desktop.core.dates import parse_day
from antihjalte_desktop.core.reminders import ReminderKind, ReminderTimes, reminders_for_day
from antihjalte_desktop.core.workdays import WorkCalendar

from .conftest import STOCKHOLM, _se_year

SE = WorkCalendar(_se_year)
DAYS = st.dates(min_value=date(2025, 1, 1), max_value=date(2032, 12, 31))
TIMES = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))


@settings(max_examples=300, deadline=None)
@given(DAYS, TIMES, TIMES, TIMES, TIMES)
def test_reminders_for_any_day(day: date, h: time, s: time, f: time, r: time) -> None:
    rems = {x.kind: x for x in reminders_for_day(day, ReminderTimes(h, s, f, r), SE, STOCKHOLM)}
    handover, restore = rems[ReminderKind.HANDOVER], rems[ReminderKind.RESTORE]
    assert handover.at.date() < day < restore.at.date()
    assert SE.is_workday(handover.at.date()) and SE.is_workday(restore.at.date())
    # No workday is skipped between the handover and the day, or between the day and the restore.
    assert all(
        not SE.is_workday(handover.at.date() + timedelta(days=i))
        for i in range(1, (day - handover.at.date()).days)
    )
    assert all(not SE.is_workday(day + timedelta(days=i)) for i in range(1, (restore.at.date() - day).days))
    assert rems[ReminderKind.START].at.date() == day == rems[ReminderKind.REFLECT].at.date()
    for x in rems.values():
        assert x.at < x.until
        assert x.id == f"{day.isoformat()}/{x.kind.value}"
        offset = x.at.utcoffset()
        assert offset in (timedelta(hours=1), timedelta(hours=2))
        # Wall-clock time is kept, except an hour that does not exist on the spring switch.
        wanted = {"handover": h, "start": s, "reflect": f, "restore": r}[x.kind.value]
        assert x.at.time() == wanted or (wanted.hour == 2 and x.at.time().hour == 3)


@settings(max_examples=200, deadline=None)
@given(DAYS, st.integers(1, 12), st.lists(DAYS, max_size=6))
def test_cadence_is_consistent(today: date, weeks: int, days: list[date]) -> None:
    status = cadence_status(days, weeks, today, SE)
    assert status.due_by is not None and SE.is_workday(status.due_by)
    assert status.kept == (status.state in (CadenceState.KEPT, CadenceState.UNPLANNED))
    if status.state is CadenceState.OVERDUE:
        assert status.due_by < today and status.overdue_workdays >= 0
    else:
        assert status.overdue_workdays == 0 or status.state is CadenceState.LATE
    if status.state is CadenceState.KEPT:
        assert status.next_day is not None and status.next_day <= status.due_by


@given(DAYS, st.sampled_from(["mon", "tis", "onsdag", "thu", "fre", "lör", "sun"]))
def test_weekday_names_mean_the_next_such_day(today: date, name: str) -> None:
    day = parse_day(name, today)
    assert 1 <= (day - today).days <= 7
    assert parse_day(day.isoformat(), today) == day
