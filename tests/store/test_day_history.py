"""Schema 3: the days' history, recorded with each change and derived for old profiles."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.core.insights import compute
from antihjalte_desktop.core.workdays import WorkCalendar
from antihjalte_desktop.store import db
from antihjalte_desktop.store.plan_store import MoveResult, PlanStore

STHLM = ZoneInfo("Europe/Stockholm")
NO_HOLIDAYS = WorkCalendar(lambda year: {})


def test_migration_keeps_old_days_as_planned_on_unknown(tmp_path: Path) -> None:
    path = tmp_path / "antihjalte.sqlite3"
    old = db.connect(path, db.MIGRATIONS[:2])
    for d in ("2026-01-09", "2026-05-08"):
        old.execute(
            "INSERT INTO focus_day(day, note, cover, created, updated) VALUES (?, 'privat', '', 'x', 'x')",
            (d,),
        )
    old.execute(
        "INSERT INTO handover_task(day, text, recipient, taken_back) VALUES ('2026-01-09', 't', 'Olle', 1)"
    )
    old.close()
    store = PlanStore(path, FixedClock(datetime(2026, 3, 2, 9, tzinfo=STHLM)))
    assert db.backup_path(path, 2).exists()
    events = store.day_events()
    assert [(e.day.isoformat(), e.kind, e.other, e.at) for e in events] == [
        ("2026-01-09", "planned", "", None),
        ("2026-05-08", "planned", "", None),
        ("2026-01-09", "task_passed", "Olle", None),
        ("2026-01-09", "task_taken_back", "Olle", None),
    ]
    ins = compute(2026, date(2026, 3, 2), events, store.day_dates(), {}, 4, NO_HOLIDAYS)
    assert (ins.days.planned, ins.days.kept) == (2, 1)
    assert (ins.handover.tasks_passed, ins.handover.taken_back) == (1, 1)
    store.close()


def test_each_change_records_its_event_in_the_same_transaction(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 1, 5, 9, tzinfo=STHLM))
    store = PlanStore(tmp_path / "p.sqlite3", clock)
    store.add_day(date(2026, 2, 6), "note", "Anna", [("phone", "")])
    tid = store.add_task(date(2026, 2, 6), "text", "Olle")
    assert store.move_day(date(2026, 2, 6), date(2026, 2, 13)) is MoveResult.MOVED
    assert store.move_day(date(2026, 2, 6), date(2026, 2, 20)) is MoveResult.NOT_PLANNED
    store.add_day(date(2026, 2, 20), "", "", [])
    assert store.move_day(date(2026, 2, 13), date(2026, 2, 20)) is MoveResult.TAKEN
    store.update_task(tid, taken_back=True)
    store.update_task(tid, taken_back=True)  # no change, no event
    store.remove_day(date(2026, 2, 20))
    kinds = [(e.day.isoformat(), e.kind, e.other, e.at) for e in store.day_events()]
    d = date(2026, 1, 5)
    assert kinds == [
        ("2026-02-06", "planned", "", d),
        ("2026-02-06", "task_passed", "Olle", d),
        ("2026-02-06", "moved", "2026-02-13", d),
        ("2026-02-20", "planned", "", d),
        ("2026-02-13", "task_taken_back", "Olle", d),
        ("2026-02-20", "removed", "", d),
    ]
    # no note and no task text in the history
    rows = store.conn.execute("SELECT * FROM day_event").fetchall()
    assert not any("note" in str(r) or "text" in str(r) for r in rows)
    store.close()


def test_a_day_removed_after_its_date_was_kept() -> None:
    from antihjalte_desktop.core.insights import DayEvent

    events = [
        DayEvent(date(2026, 1, 9), "planned", at=date(2026, 1, 2)),
        DayEvent(date(2026, 1, 9), "removed", at=date(2026, 1, 20)),
        DayEvent(date(2026, 1, 16), "planned", at=date(2026, 1, 2)),
        DayEvent(date(2026, 1, 16), "removed", at=date(2026, 1, 10)),
        DayEvent(date(2026, 1, 23), "planned", at=date(2026, 1, 2)),
        DayEvent(date(2026, 1, 23), "removed", at=date(2026, 1, 10)),
        DayEvent(date(2026, 1, 23), "planned", at=date(2026, 1, 11)),
    ]
    ins = compute(2026, date(2026, 2, 2), events, [date(2026, 1, 23)], {}, 0, NO_HOLIDAYS)
    assert (ins.days.kept, ins.days.removed, ins.days.planned) == (2, 1, 2)
    assert ins.cadence.kept_ratio == 0.0
