"""Is the user keeping their cadence of one antihjälte day every N weeks?"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from antihjalte_desktop.core.i18n import _, ngettext
from antihjalte_desktop.core.workdays import WorkCalendar


class CadenceState(StrEnum):
    OFF = "off"  # no cadence set (every_weeks = 0)
    KEPT = "kept"  # the next planned day falls on or before the due date
    UNPLANNED = "unplanned"  # nothing planned yet, but the due date is still ahead
    LATE = "late"  # a day is planned, but after the due date
    OVERDUE = "overdue"  # the due date has passed with no day taken


@dataclass(frozen=True)
class CadenceStatus:
    every_weeks: int
    state: CadenceState
    last_day: date | None
    next_day: date | None
    due_by: date | None
    overdue_workdays: int  # workdays past due_by (OVERDUE) or that the next day lands after it (LATE)

    @property
    def kept(self) -> bool:
        return self.state in (CadenceState.KEPT, CadenceState.UNPLANNED, CadenceState.OFF)

    def to_json(self) -> dict[str, object]:
        return {
            "every_weeks": self.every_weeks,
            "state": self.state.value,
            "kept": self.kept,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "next_day": self.next_day.isoformat() if self.next_day else None,
            "due_by": self.due_by.isoformat() if self.due_by else None,
            "overdue_workdays": self.overdue_workdays,
        }

    def describe(self) -> str:
        """One line on the cadence, in the process's language (``status``; English in ``--json``)."""
        if self.state is CadenceState.OFF:
            return _("no cadence set")
        assert self.due_by is not None
        due = self.due_by.isoformat()
        nxt = self.next_day.isoformat() if self.next_day else ""
        n = self.overdue_workdays
        if self.state is CadenceState.KEPT:
            return _("cadence kept: next day {next} (due by {due})").format(next=nxt, due=due)
        if self.state is CadenceState.UNPLANNED:
            return _("plan your next antihjälte day by {due}").format(due=due)
        if self.state is CadenceState.LATE:
            return ngettext(
                "next day {next} is {n} workday after the cadence date {due}",
                "next day {next} is {n} workdays after the cadence date {due}",
                n,
            ).format(next=nxt, n=n, due=due)
        return ngettext(
            "overdue by {n} workday (was due by {due})", "overdue by {n} workdays (was due by {due})", n
        ).format(n=n, due=due)


def cadence_status(days: list[date], every_weeks: int, today: date, calendar: WorkCalendar) -> CadenceStatus:
    """The cadence counts from the latest focus day up to today (or from today when
    there is none): the next one is due ``every_weeks`` weeks after it, moved back to
    a workday when that date is not one."""
    past = [d for d in days if d <= today]
    future = sorted(d for d in days if d > today)
    last = max(past) if past else None
    nxt = future[0] if future else None
    if every_weeks <= 0:
        return CadenceStatus(0, CadenceState.OFF, last, nxt, None, 0)
    anchor = last or today
    due = calendar.workday_on_or_before(anchor + timedelta(weeks=every_weeks))
    if nxt is not None:
        if nxt <= due:
            return CadenceStatus(every_weeks, CadenceState.KEPT, last, nxt, due, 0)
        if due >= today:
            return CadenceStatus(
                every_weeks, CadenceState.LATE, last, nxt, due, calendar.workdays_after(due, nxt)
            )
    if due >= today:
        return CadenceStatus(every_weeks, CadenceState.UNPLANNED, last, nxt, due, 0)
    return CadenceStatus(
        every_weeks, CadenceState.OVERDUE, last, nxt, due, calendar.workdays_after(due, today)
    )
