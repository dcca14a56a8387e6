"""Planning: plan a day, take it out, edit it, tick its checklist, pass on its tasks — and undo.

Every change to the plan made by this process goes through :class:`Planning`, which tells
``on_change(source)`` afterwards (the Qt shell turns that into its one change signal). The
undo stack holds store commands, each applied in one transaction:

- *plan* a day (undo: take it out, keeping what it held by then for a redo);
- *take out* a day with everything it held — note, cover, ticks, passed-on tasks (undo: put
  it back exactly so);
- *edit* a day's note or cover (undo: the values before).

A command whose day was changed meanwhile by someone else (the command line, another
window) is applied to the day as it is now: undoing "plan" of a day that was already taken
out elsewhere does nothing, and says so by returning None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from antihjalte_desktop.core.cadence import CadenceState, CadenceStatus, cadence_status
from antihjalte_desktop.core.handover import HandoverItem, HandoverTask, default_items
from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.core.plan import FocusDay, Refusal, check_plannable, plannability
from antihjalte_desktop.core.suggest import OVERDUE_WINDOW, Suggestion, suggest_day
from antihjalte_desktop.errors import RefusedError
from antihjalte_desktop.services.team import Team
from antihjalte_desktop.store.plan_store import DaySnapshot, MoveResult
from antihjalte_desktop.store.profile import Profile

OnChange = Callable[[object | None], None]
UNDO_LIMIT = 100


@dataclass
class PlanResult:
    added: bool
    warnings: list[str] = field(default_factory=list)


class CommandKind(StrEnum):
    PLAN = "plan"
    REMOVE = "remove"
    EDIT = "edit"
    MOVE = "move"


@dataclass
class Command:
    """One undoable change of the plan."""

    kind: CommandKind
    day: date
    snapshot: DaySnapshot | None = None  # what the day held (REMOVE; PLAN once undone)
    before: tuple[str, str] = ("", "")  # (note, cover) before an EDIT
    after: tuple[str, str] = ("", "")  # (note, cover) after it
    to: date | None = None  # where a MOVE took the day


class Planning:
    def __init__(self, profile: Profile, team: Team | None = None, on_change: OnChange | None = None) -> None:
        self._profile = profile
        self._team = team or Team(profile)
        self._on_change = on_change or (lambda _source: None)
        self._undo: list[Command] = []
        self._redo: list[Command] = []

    @property
    def profile(self) -> Profile:
        return self._profile

    def _changed(self, source: object | None) -> None:
        self._on_change(source)

    def _push(self, cmd: Command) -> None:
        self._undo.append(cmd)
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()

    # -- reading -----------------------------------------------------------------------
    def today(self) -> date:
        return self._profile.today()

    def day(self, day: date) -> FocusDay | None:
        return self._profile.plan.get_day(day)

    def planned_days(self) -> list[date]:
        return self._profile.plan.day_dates()

    def items(self, day: date) -> list[HandoverItem]:
        return self._profile.plan.items(day)

    def tasks(self, day: date) -> list[HandoverTask]:
        return self._profile.plan.tasks(day)

    def next_workday(self, day: date) -> date:
        return self._profile.calendar.next_workday(day)

    def next_day(self) -> FocusDay | None:
        upcoming = self._profile.plan.list_days(start=self.today())
        return upcoming[0] if upcoming else None

    def cadence(self) -> CadenceStatus:
        p = self._profile
        return cadence_status(
            p.plan.day_dates(), int(p.settings.get("cadence.every_weeks")), self.today(), p.calendar
        )

    def usual_cover(self) -> str:
        """The cover of the latest planned day that has one (the colleague who usually covers), or ""."""
        for fd in reversed(self._profile.plan.list_days()):
            if fd.cover.strip():
                return fd.cover.strip()
        return ""

    def suggested_day(self) -> Suggestion | None:
        """The best workday to plan before the cadence's due date (``core.suggest``), or None when
        the cadence is off or kept, or no day qualifies."""
        cad = self.cadence()
        if cad.state in (CadenceState.OFF, CadenceState.KEPT):
            return None
        today = self.today()
        due = cad.due_by
        end = due if due is not None and due > today else today + OVERDUE_WINDOW
        monday = today - timedelta(days=today.weekday())
        team = self._team.entries(monday, end + timedelta(days=7)) or []
        team = [self._team.as_me(e) if e.kind == "hero" else e for e in team]
        return suggest_day(
            today, due, is_workday=self._profile.calendar.is_workday, planned=self.planned_days(),
            team=team, my_name=str(self._profile.settings.get("me.name")), cover=self.usual_cover(),
        )  # fmt: skip

    def refusal(self, day: date, *, force: bool = False) -> Refusal | None:
        """Why ``day`` cannot be planned (``core.plan.plannability``), or None."""
        return plannability(day, self.today(), self._profile.calendar, force=force)

    # -- changing ----------------------------------------------------------------------
    def plan_day(
        self, day: date, note: str = "", cover: str = "", *, force: bool = False, source: object | None = None
    ) -> PlanResult:
        """Plan ``day`` with a fresh checklist (and ``me.cover`` when no cover is named), or refuse
        with RefusedError (the day's own rules, then the team's: a day in the user's own hero week
        needs ``force``). Planning it again changes nothing."""
        p = self._profile
        if p.plan.get_day(day) is not None:
            return PlanResult(False)
        check_plannable(day, self.today(), p.calendar, force=force)
        cover = cover.strip() or str(p.settings.get("me.cover")).strip()  # who usually covers
        warnings = self._team.warnings(day, cover, force=force)
        items = default_items(p.settings.get("handover.items"))
        added = p.plan.add_day(day, note, cover, items)
        if added:
            self._push(Command(CommandKind.PLAN, day))
            self._changed(source)
        return PlanResult(added, warnings)

    def unplan_day(self, day: date, *, source: object | None = None) -> DaySnapshot:
        """Take ``day`` out with everything it held (returned, and kept for undo)."""
        snap = self._profile.plan.snapshot(day)
        if snap is None:
            raise RefusedError(_("{day} is not planned").format(day=day.isoformat()))
        if day < self.today():
            raise RefusedError(
                _("{day} is over: past days stay in the plan as history").format(day=day.isoformat())
            )
        self._profile.plan.remove_day(day)
        self._push(Command(CommandKind.REMOVE, day, snapshot=snap))
        self._changed(source)
        return snap

    def edit_day(
        self, day: date, *, note: str | None = None, cover: str | None = None, source: object | None = None
    ) -> bool:
        """Change a planned day's note or cover; False when it is not planned or nothing changed."""
        fd = self._profile.plan.get_day(day)
        if fd is None:
            return False
        after = (fd.note if note is None else note, fd.cover if cover is None else cover)
        if after == (fd.note, fd.cover):
            return False
        self._profile.plan.update_day(day, note=note, cover=cover)
        self._push(Command(CommandKind.EDIT, day, before=(fd.note, fd.cover), after=after))
        self._changed(source)
        return True

    def move_day(
        self, old: date, new: date, *, force: bool = False, source: object | None = None
    ) -> list[str]:
        """Move the day planned on ``old`` to ``new`` as one act (note, cover, ticks and tasks go
        with it); ``new`` follows the rules of planning a day. Returns the team's warnings."""
        p = self._profile
        fd = p.plan.get_day(old)
        if fd is None:
            raise RefusedError(_("{day} is not planned").format(day=old.isoformat()))
        if old < self.today():
            raise RefusedError(
                _("{day} is over: past days stay in the plan as history").format(day=old.isoformat())
            )
        if new == old:
            raise RefusedError(_("the day is already on {day}").format(day=old.isoformat()))
        if p.plan.get_day(new) is not None:
            raise RefusedError(
                _("{day} is already planned; remove it first or pick another day").format(day=new.isoformat())
            )
        check_plannable(new, self.today(), p.calendar, force=force)
        warnings = self._team.warnings(new, fd.cover, force=force)
        result = p.plan.move_day(old, new)
        if result is MoveResult.NOT_PLANNED:
            raise RefusedError(_("{day} is not planned").format(day=old.isoformat()))
        if result is MoveResult.TAKEN:
            raise RefusedError(
                _("{day} is already planned; remove it first or pick another day").format(day=new.isoformat())
            )
        self._push(Command(CommandKind.MOVE, old, to=new))
        self._changed(source)
        return warnings

    def set_item_done(self, day: date, key: str, done: bool, *, source: object | None = None) -> None:
        if self._profile.plan.set_item_done(day, key, done):
            self._changed(source)

    def add_task(self, day: date, text: str, to: str, *, source: object | None = None) -> int:
        task_id = self._profile.plan.add_task(day, text, to)
        self._changed(source)
        return task_id

    def update_task(
        self,
        task_id: int,
        *,
        done: bool | None = None,
        taken_back: bool | None = None,
        source: object | None = None,
    ) -> None:
        if self._profile.plan.update_task(task_id, done=done, taken_back=taken_back):
            self._changed(source)

    def remove_task(self, task_id: int, *, source: object | None = None) -> None:
        if self._profile.plan.remove_task(task_id):
            self._changed(source)

    # -- undo --------------------------------------------------------------------------
    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def last(self) -> Command | None:
        """The command an undo would revert."""
        return self._undo[-1] if self._undo else None

    def undo(self, *, source: object | None = None) -> Command | None:
        """Revert the last command; the command, or None when there was nothing (left) to undo."""
        while self._undo:
            cmd = self._undo.pop()
            if self._apply(cmd, undo=True):
                self._redo.append(cmd)
                self._changed(source)
                return cmd
        return None

    def redo(self, *, source: object | None = None) -> Command | None:
        while self._redo:
            cmd = self._redo.pop()
            if self._apply(cmd, undo=False):
                self._undo.append(cmd)
                self._changed(source)
                return cmd
        return None

    def _apply(self, cmd: Command, *, undo: bool) -> bool:
        """One command, one way; False when the day is no longer as the command left it."""
        store = self._profile.plan
        if cmd.kind is CommandKind.MOVE:
            assert cmd.to is not None
            src, dst = (cmd.to, cmd.day) if undo else (cmd.day, cmd.to)
            if src < self.today() or dst < self.today():
                return False
            return store.move_day(src, dst) is MoveResult.MOVED
        take_out = (cmd.kind is CommandKind.PLAN) == undo
        if cmd.kind is CommandKind.EDIT:
            note, cover = cmd.before if undo else cmd.after
            if store.get_day(cmd.day) is None:
                return False
            return store.update_day(cmd.day, note=note, cover=cover)
        if take_out:
            snap = store.snapshot(cmd.day)
            if snap is None or cmd.day < self.today():
                return False
            cmd.snapshot = snap  # what it holds now comes back with a redo/undo
            return store.remove_day(cmd.day)
        if cmd.snapshot is not None:
            return store.restore_day(cmd.snapshot)
        return store.add_day(cmd.day, "", "", default_items(self._profile.settings.get("handover.items")))
