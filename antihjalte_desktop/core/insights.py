"""Insights: a year of focus days as figures, a pure function of plain values.

The history is replayed in order: each planned day is one *life* that a move carries
to another date and a removal ends. What the database holds now (the days planned)
has the last word, so a history that began after the day was planned (schema 3's
"planned on: unknown") still counts. Definitions, all by the day's date in the year:

- kept: still planned when its date passed (removed only after its date: still kept);
- planned: kept plus those still ahead (today included);
- removed: taken out before its date and that date not planned again;
- moved: moved at least once (by ``plan move`` or in the planner);
- reflections: kept days with at least one journal entry linked to them;
- kept_ratio: kept days / the days the cadence asked for in the elapsed part of the
  year (elapsed days / (7 x every_weeks)); 0 when the cadence is off or nothing was due;
- longest_gap_workdays: most workdays strictly between two kept days, or from
  1 January to the first, or from the last to today (the year's end for a past year);
- tasks: passed on from planned or kept days (not removed ones, not tasks removed).

Only dates, names and counts come in: never a note, a task's text or journal text.
The values are NamedTuples rather than frozen dataclasses: as immutable, and each costs
one generated function instead of six at import, which ``insights --json`` feels.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from antihjalte_desktop.core.workdays import WorkCalendar


class DayEvent(NamedTuple):
    """One act in a day's life, as stored (``at``: the local date of the act, None: unknown)."""

    day: date
    kind: str  # planned | moved | removed | task_passed | task_taken_back | task_back_undone | task_removed
    other: str = ""  # moved: the new ISO date; task_*: whom the task went to
    task: int | None = None
    at: date | None = None


class CellState(StrEnum):
    """What a day of the year was, for the heatmap (most telling first)."""

    KEPT = "kept"
    PLANNED = "planned"
    AWAY = "away"
    HOLIDAY = "holiday"
    WEEKEND = "weekend"
    WORKDAY = "workday"


class DayCounts(NamedTuple):
    planned: int = 0
    kept: int = 0
    moved: int = 0
    removed: int = 0


class MonthFigures(NamedTuple):
    month: int
    planned: int = 0
    kept: int = 0
    reflections: int = 0


class CadenceFigures(NamedTuple):
    every_weeks: int
    kept_ratio: float
    longest_gap_workdays: int


class HandoverFigures(NamedTuple):
    tasks_passed: int = 0
    taken_back: int = 0
    by_person: tuple[tuple[str, int], ...] = ()


class UnitPerson(NamedTuple):
    person: str
    focus_days: int
    hero_weeks: int
    focus_by_month: tuple[int, ...] = (0,) * 12


class Insights(NamedTuple):
    year: int
    today: date
    days: DayCounts
    months: tuple[MonthFigures, ...]
    cadence: CadenceFigures
    handover: HandoverFigures
    cells: tuple[CellState, ...]  # one per day of the year, from 1 January
    reflected: frozenset[date] = frozenset()
    unit: tuple[UnitPerson, ...] | None = None

    def cell(self, day: date) -> CellState:
        return self.cells[(day - date(self.year, 1, 1)).days]

    def to_json(self) -> dict[str, object]:
        """The contract of ``antihjalte insights --json`` (``unit`` only when gathered)."""
        out: dict[str, object] = {
            "year": self.year,
            "days": {
                "planned": self.days.planned,
                "kept": self.days.kept,
                "moved": self.days.moved,
                "removed": self.days.removed,
            },
            "months": [
                {
                    "month": f"{self.year:04d}-{m.month:02d}",
                    "planned": m.planned,
                    "kept": m.kept,
                    "reflections": m.reflections,
                }
                for m in self.months
            ],
            "cadence": {
                "every_weeks": self.cadence.every_weeks,
                "kept_ratio": self.cadence.kept_ratio,
                "longest_gap_workdays": self.cadence.longest_gap_workdays,
            },
            "handover": {
                "tasks_passed": self.handover.tasks_passed,
                "taken_back": self.handover.taken_back,
                "by_person": dict(self.handover.by_person),
            },
        }
        if self.unit is not None:
            out["unit"] = [
                {"person": p.person, "focus_days": p.focus_days, "hero_weeks": p.hero_weeks}
                for p in self.unit
            ]
        return out


class _Life:
    __slots__ = ("day", "moved", "removed", "removed_at")

    def __init__(self, day: date) -> None:
        self.day = day
        self.moved = False
        self.removed = False
        self.removed_at: date | None = None


class _Task:
    __slots__ = ("back", "day", "life", "person", "removed")

    def __init__(self, life: _Life | None, day: date, person: str) -> None:
        self.life = life
        self.day = day
        self.person = person
        self.back = False
        self.removed = False


def _replay(events: Iterable[DayEvent], planned_now: Iterable[date]) -> tuple[list[_Life], list[_Task]]:
    alive: dict[date, _Life] = {}
    lives: list[_Life] = []
    tasks: dict[int, _Task] = {}
    loose: list[_Task] = []

    def born(day: date) -> _Life:
        life = _Life(day)
        lives.append(life)
        alive[day] = life
        return life

    for ev in events:
        if ev.kind == "planned":
            born(ev.day)
        elif ev.kind == "moved":
            try:
                new = date.fromisoformat(ev.other)
            except ValueError:
                continue
            life = alive.pop(ev.day, None) or born(ev.day)
            alive.pop(ev.day, None)
            life.day = new
            life.moved = True
            alive[new] = life
        elif ev.kind == "removed":
            gone = alive.pop(ev.day, None)
            if gone is not None:
                gone.removed = True
                gone.removed_at = ev.at
        elif ev.kind == "task_passed":
            t = _Task(alive.get(ev.day), ev.day, " ".join(ev.other.split()))
            if ev.task is None:
                loose.append(t)
            else:
                tasks[ev.task] = t
        elif ev.task is not None and ev.task in tasks:
            t = tasks[ev.task]
            if ev.kind == "task_taken_back":
                t.back = True
            elif ev.kind == "task_back_undone":
                t.back = False
            elif ev.kind == "task_removed":
                t.removed = True
    # The plan as it is now has the last word over a history that may have begun later.
    now = set(planned_now)
    for day in now - alive.keys():
        born(day)
    for day in list(alive.keys() - now):
        life = alive.pop(day)
        life.removed = True
    return lives, [*tasks.values(), *loose]


def _kept(life: _Life, today: date) -> bool:
    """Still planned when its date passed."""
    if life.day >= today:
        return False
    if not life.removed:
        return True
    return life.removed_at is not None and life.removed_at > life.day


def gap_workdays(kept: list[date], start: date, end: date, calendar: WorkCalendar) -> int:
    """The most workdays strictly between consecutive points of ``start - 1 day``, the kept
    days and ``end`` (exclusive)."""
    if end <= start:
        return 0
    points = [start - timedelta(days=1), *sorted(kept), end]
    best = 0
    for a, b in itertools.pairwise(points):
        best = max(best, calendar.workdays_after(a, b - timedelta(days=1)))
    return best


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def unit_view(rows: Iterable[tuple[date, str, str]], year: int) -> tuple[UnitPerson, ...]:
    """Focus days (per month) and hero weeks per person from the team feed's
    (date, person, kind) rows; people with neither are left out."""
    names: dict[str, str] = {}
    focus: dict[str, set[date]] = {}
    hero: dict[str, set[tuple[int, int]]] = {}
    keys: dict[str, str] = {}  # the feed repeats each name thousands of times
    for day, person, kind in rows:
        if day.year != year:
            continue
        key = keys.get(person)
        if key is None:
            key = keys[person] = _norm(person)
            if key:
                names.setdefault(key, " ".join(person.split()))
        if not key:
            continue
        if kind == "focus":
            focus.setdefault(key, set()).add(day)
        elif kind == "hero":
            hero.setdefault(key, set()).add(day.isocalendar()[:2])
    out = []
    for key in sorted(focus.keys() | hero.keys(), key=lambda k: (names[k].casefold(), k)):
        days = focus.get(key, set())
        by_month = [0] * 12
        for d in days:
            by_month[d.month - 1] += 1
        out.append(UnitPerson(names[key], len(days), len(hero.get(key, ())), tuple(by_month)))
    return tuple(out)


def compute(
    year: int,
    today: date,
    events: Iterable[DayEvent],
    planned_now: Iterable[date],
    journal_links: Mapping[date, int],
    every_weeks: int,
    calendar: WorkCalendar,
    away: Iterable[date] = (),
    unit_rows: Iterable[tuple[date, str, str]] | None = None,
) -> Insights:
    """The insights of ``year`` as seen on ``today``."""
    lives, tasks = _replay(events, planned_now)
    first, next_first = date(year, 1, 1), date(year + 1, 1, 1)

    kept: set[date] = set()
    ahead: set[date] = set()
    moved: set[date] = set()
    removed: set[date] = set()
    for life in lives:
        if life.day.year != year:
            continue
        if _kept(life, today):
            kept.add(life.day)
        elif not life.removed:
            ahead.add(life.day)
        else:
            removed.add(life.day)
        if life.moved:
            moved.add(life.day)
    removed -= kept | ahead
    planned = kept | ahead
    reflected = frozenset(d for d in kept if journal_links.get(d, 0) > 0)

    months = []
    for m in range(1, 13):
        months.append(
            MonthFigures(
                m,
                sum(1 for d in planned if d.month == m),
                sum(1 for d in kept if d.month == m),
                sum(1 for d in reflected if d.month == m),
            )
        )

    end = min(today, next_first)
    elapsed = max(0, (end - first).days)
    due = elapsed / (7 * every_weeks) if every_weeks > 0 else 0.0
    ratio = round(len(kept) / due, 3) if due > 0 else 0.0
    cadence = CadenceFigures(every_weeks, ratio, gap_workdays(sorted(kept), first, end, calendar))

    passed = back = 0
    by_person: dict[str, int] = {}
    shown: dict[str, str] = {}
    for t in tasks:
        if t.removed:
            continue
        if t.life is not None:
            if t.life.removed and not _kept(t.life, today):
                continue
            day = t.life.day
        else:
            day = t.day
        if day.year != year:
            continue
        passed += 1
        back += t.back
        key = _norm(t.person)
        name = shown.setdefault(key, t.person)
        by_person[name] = by_person.get(name, 0) + 1
    handover = HandoverFigures(
        passed, back, tuple(sorted(by_person.items(), key=lambda kv: (-kv[1], kv[0].casefold())))
    )

    away_set = {d for d in away if d.year == year}
    cells = []
    d = first
    while d < next_first:
        if d in kept:
            state = CellState.KEPT
        elif d in ahead:
            state = CellState.PLANNED
        elif d in away_set:
            state = CellState.AWAY
        elif calendar.holiday(d) is not None:
            state = CellState.HOLIDAY
        elif calendar.is_weekend(d):
            state = CellState.WEEKEND
        else:
            state = CellState.WORKDAY
        cells.append(state)
        d += timedelta(days=1)

    return Insights(
        year=year,
        today=today,
        days=DayCounts(len(planned), len(kept), len(moved), len(removed)),
        months=tuple(months),
        cadence=cadence,
        handover=handover,
        cells=tuple(cells),
        reflected=reflected,
        unit=unit_view(unit_rows, year) if unit_rows is not None else None,
    )
