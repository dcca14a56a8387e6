"""Planning's suggested day and an undoable move, on a real profile with a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.services.planning import CommandKind, Planning
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile

NOW = datetime.fromisoformat("2026-11-30T09:00:00+01:00")  # a Monday


@pytest.fixture
def planning(tmp_path: Path) -> Iterator[Planning]:
    prof = Profile(Paths.resolve(tmp_path).ensure(), clock=FixedClock(NOW))
    yield Planning(prof)
    prof.close()


def test_suggested_day_follows_the_cadence(planning: Planning) -> None:
    s = planning.suggested_day()
    assert s is not None and s.day == date(2026, 12, 1) and s.due_by == date(2026, 12, 28)
    assert s.cover == "" and s.out == 0
    planning.plan_day(date(2026, 12, 10), cover="Anna")
    assert planning.suggested_day() is None, "the cadence is kept"
    assert planning.usual_cover() == "Anna"
    planning.profile.settings.set("cadence.every_weeks", 0)
    assert planning.suggested_day() is None, "no cadence, no suggestion"


def test_suggested_day_when_the_planned_day_is_late(planning: Planning) -> None:
    planning.plan_day(date(2027, 1, 13), cover="Omar")
    s = planning.suggested_day()
    assert s is not None and s.day == date(2026, 12, 1) and s.cover == "Omar"


def test_a_move_is_undone_and_redone(planning: Planning) -> None:
    old, new = date(2026, 12, 4), date(2026, 12, 8)
    planning.plan_day(old, "Omvärldsbevakning", "Anna")
    planning.profile.plan.set_item_done(old, "phone", True)
    planning.move_day(old, new)
    assert planning.last() is not None and planning.last().kind is CommandKind.MOVE  # type: ignore[union-attr]
    cmd = planning.undo()
    assert cmd is not None and cmd.kind is CommandKind.MOVE and cmd.to == new
    fd = planning.day(old)
    assert fd is not None and fd.note == "Omvärldsbevakning" and planning.day(new) is None
    assert {i.key: i.done for i in planning.items(old)}["phone"] is True
    planning.redo()
    assert planning.day(new) is not None and planning.day(old) is None
    # Moved elsewhere meanwhile (another process): the undo finds nothing of its own left to undo.
    planning.profile.plan.move_day(new, date(2026, 12, 9))
    assert planning.undo() is None
    assert planning.day(date(2026, 12, 9)) is not None
