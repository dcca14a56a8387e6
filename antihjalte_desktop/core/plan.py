"""Focus days and the rules for planning one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from antihjalte_desktop.core.i18n import _, language
from antihjalte_desktop.errors import RefusedError

if TYPE_CHECKING:
    from antihjalte_desktop.core.workdays import Holiday, WorkCalendar


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


class RefusalKind(StrEnum):
    PAST = "past"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"


@dataclass(frozen=True)
class Refusal:
    """Why a day cannot be planned, as data: each front end words it in its language."""

    kind: RefusalKind
    day: date
    holiday: Holiday | None = None

    @property
    def forceable(self) -> bool:
        """A weekend day or a public holiday can be planned anyway; the past never."""
        return self.kind is not RefusalKind.PAST


def plannability(day: date, today: date, calendar: WorkCalendar, *, force: bool = False) -> Refusal | None:
    """The one rule for planning a day: not in the past; a workday, not a public holiday (unless
    ``force``). None when ``day`` can be planned."""
    if day < today:
        return Refusal(RefusalKind.PAST, day)
    if force:
        return None
    if calendar.is_weekend(day):
        return Refusal(RefusalKind.WEEKEND, day)
    hol = calendar.holiday(day)
    if hol is not None:
        return Refusal(RefusalKind.HOLIDAY, day, hol)
    return None


def refusal(day: date, today: date, calendar: WorkCalendar, *, force: bool = False) -> str | None:
    """Why ``day`` cannot be planned, in the command line's words, or None."""
    r = plannability(day, today, calendar, force=force)
    if r is None:
        return None
    if r.kind is RefusalKind.PAST:
        return _("{day} is in the past").format(day=day.isoformat())
    if r.kind is RefusalKind.WEEKEND:
        weekday = _("Saturday") if day.weekday() == 5 else _("Sunday")
        return _("{day} is a {weekday} (use --force to plan it anyway)").format(
            day=day.isoformat(), weekday=weekday
        )
    assert r.holiday is not None
    # English names both (the day is Swedish); in Swedish the Swedish name says it all.
    name = r.holiday.name_sv if language() == "sv" else f"{r.holiday.name_sv} / {r.holiday.name_en}"
    return _("{day} is a public holiday ({holiday}) (use --force to plan it anyway)").format(
        day=day.isoformat(), holiday=name
    )


def check_plannable(day: date, today: date, calendar: WorkCalendar, *, force: bool = False) -> None:
    reason = refusal(day, today, calendar, force=force)
    if reason:
        raise RefusedError(reason)
