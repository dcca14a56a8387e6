"""Focus days and the rules for planning one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from antihjalte_desktop.errors import RefusedError

if TYPE_CHECKING:
    from antihjalte_desktop.core.workdays import WorkCalendar


class DayStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"


@dataclass(frozen=True)
class FocusDay:
    day: date
    note: str = ""
    cover: str = ""
    revision: int = 0

    def status(self, today: date) -> DayStatus:
        """Past days stay in the plan as history, marked done."""
        return DayStatus.DONE if self.day < today else DayStatus.PLANNED

    def to_json(self, today: date) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "note": self.note,
            "cover": self.cover,
            "status": self.status(today).value,
            "revision": self.revision,
        }


def refusal(day: date, today: date, calendar: WorkCalendar, *, force: bool = False) -> str | None:
    """Why ``day`` cannot be planned, or None. ``force`` overrides all but the past."""
    if day < today:
        return f"{day.isoformat()} is in the past"
    if force:
        return None
    if calendar.is_weekend(day):
        weekday = "Saturday" if day.weekday() == 5 else "Sunday"
        return f"{day.isoformat()} is a {weekday} (use --force to plan it anyway)"
    hol = calendar.holiday(day)
    if hol is not None:
        return (
            f"{day.isoformat()} is a public holiday ({hol.name_sv} / {hol.name_en}) "
            "(use --force to plan it anyway)"
        )
    return None


def check_plannable(day: date, today: date, calendar: WorkCalendar, *, force: bool = False) -> None:
    reason = refusal(day, today, calendar, force=force)
    if reason:
        raise RefusedError(reason)
