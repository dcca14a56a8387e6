"""Focus days, their handover checklists, reminder state and the feed outbox, in SQLite."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from antihjalte_desktop.core.plan import FocusDay
from antihjalte_desktop.store import db

if TYPE_CHECKING:
    from antihjalte_desktop.core.clock import Clock

    # Imported where used: `plan list`, the most-run command, needs none of them.
    from antihjalte_desktop.core.handover import HandoverItem, HandoverTask
    from antihjalte_desktop.core.insights import DayEvent
    from antihjalte_desktop.core.reminders import ReminderState, StoredState


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class MoveResult(StrEnum):
    MOVED = "moved"
    NOT_PLANNED = "not_planned"  # nothing planned on the day to move
    TAKEN = "taken"  # the target day is already planned


class PlanStore:
    def __init__(self, path: Path, clock: Clock | None = None) -> None:
        self.path = path
        self.conn = db.connect(path)
        self._clock = clock

    def _act_time(self) -> str:
        """When an act happens, as local time with offset, for the day history (the
        clock honours ANTIHJALTE_NOW, so tests can build a past)."""
        if self._clock is None:
            from antihjalte_desktop.core.clock import clock_from_env

            self._clock = clock_from_env()
        return self._clock.now().isoformat(timespec="seconds")

    @staticmethod
    def _event(
        c: sqlite3.Connection, day: str, kind: str, at: str, other: str = "", task: int | None = None
    ) -> None:
        c.execute(
            "INSERT INTO day_event(day, kind, other, task, at) VALUES (?, ?, ?, ?, ?)",
            (day, kind, other, task, at),
        )

    def close(self) -> None:
        self.conn.close()

    def data_version(self) -> int:
        """Changes when another connection committed to the plan (see ``db.data_version``)."""
        with self._read():
            return db.data_version(self.conn)

    def _tx(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return db.transaction(self.conn, self.path)

    def _read(self) -> contextlib.AbstractContextManager[None]:
        return db.errors_translated(self.path)

    # -- profile ----------------------------------------------------------------
    def profile_id(self) -> str:
        """A stable random id of this profile (owner of its events in the team feed)."""
        with self._read():
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'profile_id'").fetchone()
        if row:
            return str(row[0])
        import secrets

        new = secrets.token_hex(8)
        with self._tx() as c:
            c.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('profile_id', ?)", (new,))
            return str(c.execute("SELECT value FROM meta WHERE key = 'profile_id'").fetchone()[0])

    # -- days -------------------------------------------------------------------
    def add_day(self, day: date, note: str, cover: str, items: list[tuple[str, str]]) -> bool:
        """Plan ``day`` with a fresh checklist; False (and nothing changed) when already planned."""
        now = _now()
        with self._tx() as c:
            cur = c.execute(
                "INSERT OR IGNORE INTO focus_day(day, note, cover, created, updated) VALUES (?, ?, ?, ?, ?)",
                (day.isoformat(), note, cover, now, now),
            )
            if cur.rowcount == 0:
                return False
            c.executemany(
                "INSERT INTO handover_item(day, pos, key, label) VALUES (?, ?, ?, ?)",
                [(day.isoformat(), i, key, label) for i, (key, label) in enumerate(items)],
            )
            c.execute("INSERT INTO outbox(day, op, at) VALUES (?, 'put', ?)", (day.isoformat(), now))
            self._event(c, day.isoformat(), "planned", self._act_time())
        return True

    def move_day(self, old: date, new: date) -> MoveResult:
        """Move a planned day to ``new`` as one act: its note, cover, ticks and tasks go
        with it; the feed's outbox sees ``old`` deleted and ``new`` put."""
        now = _now()
        o, n = old.isoformat(), new.isoformat()
        with self._tx() as c:
            if c.execute("SELECT 1 FROM focus_day WHERE day = ?", (o,)).fetchone() is None:
                return MoveResult.NOT_PLANNED
            if c.execute("SELECT 1 FROM focus_day WHERE day = ?", (n,)).fetchone() is not None:
                return MoveResult.TAKEN
            c.execute(
                "INSERT INTO focus_day(day, note, cover, created, updated) "
                "SELECT ?, note, cover, created, ? FROM focus_day WHERE day = ?",
                (n, now, o),
            )
            c.execute("UPDATE handover_item SET day = ? WHERE day = ?", (n, o))
            c.execute("UPDATE handover_task SET day = ? WHERE day = ?", (n, o))
            c.execute("DELETE FROM focus_day WHERE day = ?", (o,))
            c.execute("DELETE FROM reminder_state WHERE id LIKE ? OR id LIKE ?", (o + "/%", n + "/%"))
            c.execute("INSERT INTO outbox(day, op, at) VALUES (?, 'delete', ?)", (o, now))
            c.execute("INSERT INTO outbox(day, op, at) VALUES (?, 'put', ?)", (n, now))
            self._event(c, o, "moved", self._act_time(), other=n)
        return MoveResult.MOVED

    def update_day(self, day: date, *, note: str | None = None, cover: str | None = None) -> bool:
        sets, args = [], []
        if note is not None:
            sets.append("note = ?")
            args.append(note)
        if cover is not None:
            sets.append("cover = ?")
            args.append(cover)
        if not sets:
            return False
        now = _now()
        with self._tx() as c:
            cur = c.execute(
                f"UPDATE focus_day SET {', '.join(sets)}, updated = ?, revision = revision + 1 WHERE day = ?",
                (*args, now, day.isoformat()),
            )
            if cur.rowcount:
                c.execute("INSERT INTO outbox(day, op, at) VALUES (?, 'put', ?)", (day.isoformat(), now))
            return cur.rowcount > 0

    def remove_day(self, day: date) -> bool:
        now = _now()
        with self._tx() as c:
            cur = c.execute("DELETE FROM focus_day WHERE day = ?", (day.isoformat(),))
            if cur.rowcount:
                c.execute("INSERT INTO outbox(day, op, at) VALUES (?, 'delete', ?)", (day.isoformat(), now))
                c.execute("DELETE FROM reminder_state WHERE id LIKE ?", (day.isoformat() + "/%",))
                self._event(c, day.isoformat(), "removed", self._act_time())
            return cur.rowcount > 0

    def snapshot(self, day: date) -> DaySnapshot | None:
        """Everything ``day`` holds (the day, its checklist ticks, its passed-on tasks), for undo."""
        fd = self.get_day(day)
        if fd is None:
            return None
        return DaySnapshot(fd, tuple(self.items(day)), tuple(self.tasks(day)))

    def restore_day(self, snap: DaySnapshot) -> bool:
        """Put a day back exactly as ``snapshot`` saw it, in one transaction; False when it is
        planned already (nothing changed)."""
        day, now = snap.day.day.isoformat(), _now()
        with self._tx() as c:
            cur = c.execute(
                "INSERT OR IGNORE INTO focus_day(day, note, cover, created, updated) VALUES (?, ?, ?, ?, ?)",
                (day, snap.day.note, snap.day.cover, now, now),
            )
            if cur.rowcount == 0:
                return False
            c.executemany(
                "INSERT INTO handover_item(day, pos, key, label, done) VALUES (?, ?, ?, ?, ?)",
                [(day, i, it.key, it.label, int(it.done)) for i, it in enumerate(snap.items)],
            )
            c.executemany(
                "INSERT INTO handover_task(day, text, recipient, done, taken_back) VALUES (?, ?, ?, ?, ?)",
                [(day, t.text, t.to, int(t.done), int(t.taken_back)) for t in snap.tasks],
            )
            c.execute("INSERT INTO outbox(day, op, at) VALUES (?, 'put', ?)", (day, now))
        return True

    def get_day(self, day: date) -> FocusDay | None:
        with self._read():
            row = self.conn.execute(
                "SELECT day, note, cover, revision FROM focus_day WHERE day = ?", (day.isoformat(),)
            ).fetchone()
        return _day(row) if row else None

    def list_days(self, start: date | None = None, end: date | None = None) -> list[FocusDay]:
        sql, args = "SELECT day, note, cover, revision FROM focus_day", []
        where = []
        if start:
            where.append("day >= ?")
            args.append(start.isoformat())
        if end:
            where.append("day <= ?")
            args.append(end.isoformat())
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._read():
            rows = self.conn.execute(sql + " ORDER BY day", args).fetchall()
        return [_day(r) for r in rows]

    def day_dates(self) -> list[date]:
        with self._read():
            return [
                date.fromisoformat(r[0]) for r in self.conn.execute("SELECT day FROM focus_day ORDER BY day")
            ]

    # -- handover ---------------------------------------------------------------
    def items(self, day: date) -> list[HandoverItem]:
        from antihjalte_desktop.core.handover import HandoverItem

        with self._read():
            rows = self.conn.execute(
                "SELECT key, label, done FROM handover_item WHERE day = ? ORDER BY pos", (day.isoformat(),)
            ).fetchall()
        return [HandoverItem(k, lbl, bool(d)) for k, lbl, d in rows]

    def set_item_done(self, day: date, key: str, done: bool) -> bool:
        with self._tx() as c:
            cur = c.execute(
                "UPDATE handover_item SET done = ? WHERE day = ? AND key = ?",
                (int(done), day.isoformat(), key),
            )
            return cur.rowcount > 0

    def add_item(self, day: date, key: str, label: str) -> None:
        with self._tx() as c:
            pos = c.execute(
                "SELECT COALESCE(MAX(pos), -1) + 1 FROM handover_item WHERE day = ?", (day.isoformat(),)
            ).fetchone()[0]
            c.execute(
                "INSERT OR IGNORE INTO handover_item(day, pos, key, label) VALUES (?, ?, ?, ?)",
                (day.isoformat(), pos, key, label),
            )

    def tasks(self, day: date) -> list[HandoverTask]:
        from antihjalte_desktop.core.handover import HandoverTask

        with self._read():
            rows = self.conn.execute(
                "SELECT id, text, recipient, done, taken_back FROM handover_task WHERE day = ? ORDER BY id",
                (day.isoformat(),),
            ).fetchall()
        return [HandoverTask(i, t, r, bool(d), bool(b)) for i, t, r, d, b in rows]

    def add_task(self, day: date, text: str, to: str) -> int:
        with self._tx() as c:
            cur = c.execute(
                "INSERT INTO handover_task(day, text, recipient) VALUES (?, ?, ?)",
                (day.isoformat(), text, to),
            )
            task_id = int(cur.lastrowid or 0)
            self._event(c, day.isoformat(), "task_passed", self._act_time(), other=to, task=task_id)
            return task_id

    def update_task(self, task_id: int, *, done: bool | None = None, taken_back: bool | None = None) -> bool:
        sets, args = [], []
        if done is not None:
            sets.append("done = ?")
            args.append(int(done))
        if taken_back is not None:
            sets.append("taken_back = ?")
            args.append(int(taken_back))
        if not sets:
            return False
        with self._tx() as c:
            before = c.execute(
                "SELECT day, recipient, taken_back FROM handover_task WHERE id = ?", (task_id,)
            ).fetchone()
            cur = c.execute(f"UPDATE handover_task SET {', '.join(sets)} WHERE id = ?", (*args, task_id))
            if before is not None and taken_back is not None and bool(before[2]) != taken_back:
                kind = "task_taken_back" if taken_back else "task_back_undone"
                self._event(c, before[0], kind, self._act_time(), other=before[1], task=task_id)
            return cur.rowcount > 0

    def remove_task(self, task_id: int) -> bool:
        with self._tx() as c:
            row = c.execute("SELECT day, recipient FROM handover_task WHERE id = ?", (task_id,)).fetchone()
            if row is None:
                return False
            c.execute("DELETE FROM handover_task WHERE id = ?", (task_id,))
            self._event(c, row[0], "task_removed", self._act_time(), other=row[1], task=task_id)
            return True

    # -- history ----------------------------------------------------------------
    def day_events(self) -> list[DayEvent]:
        """The days' history, oldest first (dates, names and ids only)."""
        from antihjalte_desktop.core.insights import DayEvent

        with self._read():
            rows = self.conn.execute(
                "SELECT day, kind, other, task, at FROM day_event ORDER BY id"
            ).fetchall()
        return [
            DayEvent(date.fromisoformat(d), k, o, t, date.fromisoformat(a[:10]) if a else None)
            for d, k, o, t, a in rows
        ]

    # -- reminders --------------------------------------------------------------
    def reminder_states(self) -> dict[str, StoredState]:
        from antihjalte_desktop.core.reminders import ReminderState, StoredState

        with self._read():
            rows = self.conn.execute("SELECT id, state, snoozed_until FROM reminder_state").fetchall()
        return {
            rid: StoredState(ReminderState(st), datetime.fromisoformat(su) if su else None)
            for rid, st, su in rows
        }

    def set_reminder_state(
        self, reminder_id: str, state: ReminderState, snoozed_until: datetime | None = None
    ) -> None:
        now = _now()
        with self._tx() as c:
            c.execute(
                """INSERT INTO reminder_state(id, state, snoozed_until, shown_at, updated)
                   VALUES (?, ?, ?, CASE WHEN ? = 'shown' THEN ? END, ?)
                   ON CONFLICT(id) DO UPDATE SET state = excluded.state,
                       snoozed_until = excluded.snoozed_until,
                       shown_at = COALESCE(excluded.shown_at, reminder_state.shown_at),
                       updated = excluded.updated""",
                (
                    reminder_id,
                    state.value,
                    snoozed_until.isoformat(timespec="seconds") if snoozed_until else None,
                    state.value,
                    now,
                    now,
                ),
            )

    # -- outbox (consumed by the team-feed sync) --------------------------------
    def outbox(self) -> list[tuple[int, date, str]]:
        with self._read():
            rows = self.conn.execute("SELECT seq, day, op FROM outbox ORDER BY seq").fetchall()
        return [(seq, date.fromisoformat(d), op) for seq, d, op in rows]

    def clear_outbox(self, up_to_seq: int) -> None:
        with self._tx() as c:
            c.execute("DELETE FROM outbox WHERE seq <= ?", (up_to_seq,))


@dataclass(frozen=True)
class DaySnapshot:
    """A planned day with all it holds."""

    day: FocusDay
    items: tuple[HandoverItem, ...]
    tasks: tuple[HandoverTask, ...]


def _day(row: tuple[str, str, str, int]) -> FocusDay:
    return FocusDay(date.fromisoformat(row[0]), row[1], row[2], row[3])
