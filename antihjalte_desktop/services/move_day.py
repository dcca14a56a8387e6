"""Moving a planned day to another date, with the plan's rules (no Qt)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from antihjalte_desktop.core.plan import check_plannable
from antihjalte_desktop.errors import RefusedError
from antihjalte_desktop.store.plan_store import MoveResult

if TYPE_CHECKING:
    from antihjalte_desktop.store.profile import Profile


def move_day(profile: Profile, old: date, new: date, *, force: bool = False) -> list[str]:
    """Move the day planned on ``old`` to ``new`` as one act (note, cover, ticks and tasks
    go with it); the target date follows the rules of ``plan add``. Returns the team's warnings."""
    fd = profile.plan.get_day(old)
    if fd is None:
        raise RefusedError(f"{old.isoformat()} is not planned")
    if old < profile.today():
        raise RefusedError(f"{old.isoformat()} is over: past days stay in the plan as history")
    if new == old:
        raise RefusedError(f"the day is already on {old.isoformat()}")
    if profile.plan.get_day(new) is not None:
        raise RefusedError(f"{new.isoformat()} is already planned; remove it first or pick another day")
    check_plannable(new, profile.today(), profile.calendar, force=force)
    warnings = profile.plan_warnings(new, fd.cover, force=force)
    result = profile.plan.move_day(old, new)
    if result is MoveResult.NOT_PLANNED:
        raise RefusedError(f"{old.isoformat()} is not planned")
    if result is MoveResult.TAKEN:
        raise RefusedError(f"{new.isoformat()} is already planned; remove it first or pick another day")
    return warnings
