"""The reminder schedule with a fixed clock: Monday days, holidays, DST weeks, state."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from antihjalte_desktop.core.reminders import (
    Reminder,
    ReminderKind,
    ReminderState,
    ReminderTimes,
    StoredState,
    due_now,
    local_datetime,
    next_due,
    reminder_id,
    reminders_for_day,
    schedule,
)
from antihjalte_desktop.core.workdays import WorkCalendar

from .conftest import STOCKHOLM

TIMES = ReminderTimes()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(STOCKHOLM)


def by_kind(rems: list[Reminder]) -> dict[str, str]:
    return {r.kind.value: r.at.isoformat(timespec="minutes") for r in rems}


def test_monday_day_gets_friday_handover(se: WorkCalendar) -> None:
    rems = reminders_for_day(date(2026, 12, 7), TIMES, se, STOCKHOLM)
    assert by_kind(rems) == {
        "handover": "2026-12-04T14:00+01:00",
        "start": "2026-12-07T08:00+01:00",
        "reflect": "2026-12-07T16:00+01:00",
        "restore": "2026-12-08T08:00+01:00",
    }
    assert [r.id for r in rems] == [
        "2026-12-07/handover",
        "2026-12-07/start",
        "2026-12-07/reflect",
        "2026-12-07/restore",
    ]


def test_handover_skips_a_holiday(se: WorkCalendar) -> None:
    # Thursday 7 Jan 2027: Trettondedag jul is Wednesday the 6th, so the handover is Tuesday.
    rems = by_kind(reminders_for_day(date(2027, 1, 7), TIMES, se, STOCKHOLM))
    assert rems["handover"] == "2027-01-05T14:00+01:00"
    # Tuesday after Easter 2026: Annandag påsk, Easter weekend and Långfredagen are skipped.
    rems = by_kind(reminders_for_day(date(2026, 4, 7), TIMES, se, STOCKHOLM))
    assert rems["handover"] == "2026-04-02T14:00+02:00"


def test_restore_after_christmas_and_easter_monday(se: WorkCalendar) -> None:
    rems = by_kind(reminders_for_day(date(2026, 12, 23), TIMES, se, STOCKHOLM))
    assert rems["restore"] == "2026-12-28T08:00+01:00"
    rems = by_kind(reminders_for_day(date(2026, 4, 2), TIMES, se, STOCKHOLM))
    assert rems["restore"] == "2026-04-07T08:00+02:00"  # past Långfredagen and Annandag påsk
    rems = by_kind(reminders_for_day(date(2026, 12, 30), TIMES, se, STOCKHOLM))
    assert rems["restore"] == "2027-01-04T08:00+01:00"  # Nyårsafton and Nyårsdagen


def test_spring_dst_week(se: WorkCalendar) -> None:
    # Summer time starts Sunday 29 March 2026: Friday is +01:00, Monday +02:00.
    rems = by_kind(reminders_for_day(date(2026, 3, 30), TIMES, se, STOCKHOLM))
    assert rems["handover"] == "2026-03-27T14:00+01:00"
    assert rems["start"] == "2026-03-30T08:00+02:00"
    assert rems["restore"] == "2026-03-31T08:00+02:00"


def test_autumn_dst_week(se: WorkCalendar) -> None:
    # Summer time ends Sunday 25 October 2026.
    rems = by_kind(reminders_for_day(date(2026, 10, 26), TIMES, se, STOCKHOLM))
    assert rems["handover"] == "2026-10-23T14:00+02:00"
    assert rems["start"] == "2026-10-26T08:00+01:00"
    assert rems["reflect"] == "2026-10-26T16:00+01:00"


def test_forced_day_on_the_dst_sunday(se: WorkCalendar) -> None:
    # Sunday 28 March 2027 is both Påskdagen and the switch to summer time.
    rems = reminders_for_day(date(2027, 3, 28), TIMES, se, STOCKHOLM)
    assert by_kind(rems) == {
        "handover": "2027-03-25T14:00+01:00",  # Långfredagen and the Saturday skipped
        "start": "2027-03-28T08:00+02:00",
        "reflect": "2027-03-28T16:00+02:00",
        "restore": "2027-03-30T08:00+02:00",  # Annandag påsk skipped
    }
    start = rems[1]
    # The day is only 23 hours long: the start reminder is worth showing until midnight.
    assert start.until == at("2027-03-29T00:00:00+02:00")
    midnight = local_datetime(date(2027, 3, 28), time(0, 0), STOCKHOLM)
    assert start.until.astimezone(UTC) - midnight.astimezone(UTC) == timedelta(hours=23)


def test_time_that_does_not_exist_moves_forward() -> None:
    assert (
        local_datetime(date(2027, 3, 28), time(2, 30), STOCKHOLM).isoformat() == "2027-03-28T03:30:00+02:00"
    )
    # An ambiguous autumn time takes the first (summer-time) occurrence.
    assert (
        local_datetime(date(2026, 10, 25), time(2, 30), STOCKHOLM).isoformat() == "2026-10-25T02:30:00+02:00"
    )


def test_custom_times(se: WorkCalendar) -> None:
    times = ReminderTimes(time(9, 15), time(7, 0), time(15, 30), time(8, 45))
    assert by_kind(reminders_for_day(date(2026, 12, 4), times, se, STOCKHOLM)) == {
        "handover": "2026-12-03T09:15+01:00",
        "start": "2026-12-04T07:00+01:00",
        "reflect": "2026-12-04T15:30+01:00",
        "restore": "2026-12-07T08:45+01:00",
    }


def test_ids_are_stable(se: WorkCalendar) -> None:
    now = at("2026-11-30T09:00:00+01:00")
    a = schedule([date(2026, 12, 4)], TIMES, se, STOCKHOLM, {}, now)
    b = schedule(
        [date(2026, 12, 11), date(2026, 12, 4)],
        ReminderTimes(time(10, 0)),
        se,
        STOCKHOLM,
        {},
        at("2026-12-01T12:00:00+01:00"),
    )
    assert [r.id for r in a] == [r.id for r in b if r.day == date(2026, 12, 4)]
    assert reminder_id(date(2026, 12, 4), ReminderKind.RESTORE) == "2026-12-04/restore"


def test_schedule_sorts_drops_expired_and_applies_state(se: WorkCalendar) -> None:
    now = at("2026-12-04T09:00:00+01:00")  # the focus day's morning
    snooze = at("2026-12-04T09:30:00+01:00")
    states = {
        "2026-12-04/start": StoredState(ReminderState.SNOOZED, snooze),
        "2026-12-04/handover": StoredState(ReminderState.DONE),
    }
    rems = schedule(
        [date(2026, 12, 11), date(2026, 12, 4), date(2026, 11, 20)], TIMES, se, STOCKHOLM, states, now
    )
    assert [r.id for r in rems][:4] == [
        "2026-12-04/handover",
        "2026-12-04/start",
        "2026-12-04/reflect",
        "2026-12-04/restore",
    ]
    assert all(r.day != date(2026, 11, 20) for r in rems)  # long over
    assert [r.at for r in rems] == sorted(r.at for r in rems)
    start = rems[1]
    assert start.state is ReminderState.SNOOZED and start.snoozed_until == snooze
    assert not start.is_due(now)
    assert start.is_due(snooze)
    assert due_now(rems, now) == []
    nxt = next_due(rems, now)
    assert nxt is not None and nxt.id == "2026-12-04/start"
    data = start.to_json(now)
    assert data["state"] == "snoozed"
    assert data["snoozed_until"] == "2026-12-04T09:30:00+01:00"
    assert data["at"] == "2026-12-04T08:00:00+01:00"


def test_due_and_late(se: WorkCalendar) -> None:
    rems = schedule([date(2026, 12, 4)], TIMES, se, STOCKHOLM, {}, at("2026-12-03T15:00:00+01:00"))
    handover = rems[0]
    assert handover.kind is ReminderKind.HANDOVER
    assert handover.is_due(at("2026-12-03T14:00:00+01:00"))
    assert not handover.is_late(at("2026-12-03T14:04:00+01:00"))
    assert handover.is_late(at("2026-12-03T15:00:00+01:00"))  # shown once, late
    assert not handover.is_due(at("2026-12-05T00:00:00+01:00"))  # the day is over
    shown = Reminder(
        handover.id, handover.kind, handover.day, handover.at, handover.until, ReminderState.SHOWN
    )
    assert not shown.is_due(at("2026-12-03T15:00:00+01:00"))


def test_horizon(se: WorkCalendar) -> None:
    now = at("2026-11-30T09:00:00+01:00")
    far = [date(2027, 2, 26)]  # within 90 days
    assert len(schedule(far, TIMES, se, STOCKHOLM, {}, now)) == 4
    assert schedule(far, TIMES, se, STOCKHOLM, {}, now, horizon=timedelta(days=30)) == []


@pytest.mark.parametrize("kind", list(ReminderKind))
def test_every_kind_present(se: WorkCalendar, kind: ReminderKind) -> None:
    rems = reminders_for_day(date(2026, 12, 4), TIMES, se, STOCKHOLM)
    assert sum(r.kind is kind for r in rems) == 1
