"""The reminder schedule: a pure function of (plan, settings, holidays, now).

For each focus day D:
- handover: on the last workday before D at ``reminders.handover_time`` (a Monday
  day is reminded the Friday before; holidays are skipped),
- start: on D at ``reminders.start_time``,
- reflect: on D at ``reminders.reflect_time``,
- restore: on the first workday after D at ``reminders.restore_time``.

Each reminder is worth showing until the end of the day it serves (the restore
reminder until the end of its own day): a reminder of a focus day that is over is
not nagged about. A reminder that fell due while nobody saw it is shown once, late.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from antihjalte_desktop.core.workdays import WorkCalendar

# A reminder shown more than this after its time says it is late.
LATE_AFTER = timedelta(minutes=5)


class ReminderKind(StrEnum):
    HANDOVER = "handover"
    START = "start"
    REFLECT = "reflect"
    RESTORE = "restore"


class ReminderState(StrEnum):
    PENDING = "pending"
    SHOWN = "shown"
    SNOOZED = "snoozed"
    DONE = "done"


@dataclass(frozen=True)
class ReminderTimes:
    handover: time = time(14, 0)
    start: time = time(8, 0)
    reflect: time = time(16, 0)
    restore: time = time(8, 0)


@dataclass(frozen=True)
class StoredState:
    state: ReminderState
    snoozed_until: datetime | None = None


@dataclass(frozen=True)
class Reminder:
    id: str
    kind: ReminderKind
    day: date  # the focus day it belongs to
    at: datetime  # when it is due (aware, local)
    until: datetime  # after this it is no longer worth showing
    state: ReminderState = ReminderState.PENDING
    snoozed_until: datetime | None = None

    @property
    def effective_at(self) -> datetime:
        """When it should next be shown."""
        if self.state is ReminderState.SNOOZED and self.snoozed_until is not None:
            return self.snoozed_until
        return self.at

    def is_due(self, now: datetime) -> bool:
        """Should be shown now: its time has come, it is still relevant, and it was
        neither shown nor done (a snoozed one comes back when its snooze ends)."""
        if self.state in (ReminderState.DONE, ReminderState.SHOWN):
            return False
        return self.effective_at <= now < self.until

    def is_late(self, now: datetime) -> bool:
        return now - self.effective_at > LATE_AFTER

    def to_json(self, now: datetime | None = None) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "kind": self.kind.value,
            "day": self.day.isoformat(),
            "at": self.at.isoformat(timespec="seconds"),
            "until": self.until.isoformat(timespec="seconds"),
            "state": self.state.value,
            "snoozed_until": self.snoozed_until.isoformat(timespec="seconds") if self.snoozed_until else None,
        }
        if now is not None:
            data["due"] = self.is_due(now)
            data["late"] = self.is_due(now) and self.is_late(now)
        return data


def reminder_id(day: date, kind: ReminderKind) -> str:
    return f"{day.isoformat()}/{kind.value}"


def local_datetime(day: date, at: time, zone: tzinfo) -> datetime:
    """``day`` at wall-clock ``at`` in ``zone``; a time that does not exist on a
    spring-forward day moves forward with the clock (02:30 becomes 03:30)."""
    naive = datetime.combine(day, at)
    aware = naive.replace(tzinfo=zone)
    return aware.astimezone(UTC).astimezone(zone)


def start_of(day: date, zone: tzinfo) -> datetime:
    return local_datetime(day, time(0, 0), zone)


def reminders_for_day(
    day: date, times: ReminderTimes, calendar: WorkCalendar, zone: tzinfo
) -> list[Reminder]:
    before = calendar.previous_workday(day)
    after = calendar.next_workday(day)
    end_of_day = start_of(day + timedelta(days=1), zone)
    plan = [
        (ReminderKind.HANDOVER, before, times.handover, end_of_day),
        (ReminderKind.START, day, times.start, end_of_day),
        (ReminderKind.REFLECT, day, times.reflect, end_of_day),
        (ReminderKind.RESTORE, after, times.restore, start_of(after + timedelta(days=1), zone)),
    ]
    return [
        Reminder(reminder_id(day, kind), kind, day, local_datetime(on, at, zone), until)
        for kind, on, at, until in plan
    ]


def schedule(
    days: Iterable[date],
    times: ReminderTimes,
    calendar: WorkCalendar,
    zone: tzinfo,
    states: Mapping[str, StoredState],
    now: datetime,
    *,
    horizon: timedelta = timedelta(days=366),
) -> list[Reminder]:
    """Every reminder that is not yet expired and falls before ``now + horizon``,
    with its stored state, sorted by time."""
    out: list[Reminder] = []
    limit = now + horizon
    for day in days:
        for rem in reminders_for_day(day, times, calendar, zone):
            if rem.until <= now or rem.at > limit:
                continue
            st = states.get(rem.id)
            if st is not None:
                rem = replace(rem, state=st.state, snoozed_until=st.snoozed_until)
            out.append(rem)
    out.sort(key=lambda r: (r.at, r.kind))
    return out


def due_now(reminders: Iterable[Reminder], now: datetime) -> list[Reminder]:
    return [r for r in reminders if r.is_due(now)]


def next_due(reminders: Iterable[Reminder], now: datetime) -> Reminder | None:
    """The next reminder that will fall due strictly after ``now``."""
    upcoming = [
        r
        for r in reminders
        if r.state not in (ReminderState.DONE, ReminderState.SHOWN) and now < r.effective_at < r.until
    ]
    return min(upcoming, key=lambda r: r.effective_at, default=None)


def next_morning(now: datetime, start: time, calendar: WorkCalendar, zone: tzinfo) -> datetime:
    """"Tomorrow morning" for a snooze: ``start`` (the start reminder's time) on the first workday
    after today."""
    return local_datetime(calendar.next_workday(now.astimezone(zone).date()), start, zone)
