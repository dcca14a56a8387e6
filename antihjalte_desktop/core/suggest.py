"""The suggested day: the best workday to plan before the cadence's due date, as a pure rule.

The candidates are the workdays from the next workday after today up to the due date (when the
due date has passed: the next two weeks). A candidate is left out when it is a weekend day or a
public holiday, already planned, in the user's own week as hero of the week, or a day the user's
cover is away. Of the rest the one with the fewest colleagues out (away or on an antihjälte day)
wins; among equals a day the cover is not focusing, then the earliest. The reasons come back as
data, for each front end to word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from antihjalte_desktop.core.team_rules import Entry, same_person, same_week

# When the due date has passed (or is today), look this far ahead instead.
OVERDUE_WINDOW = timedelta(days=14)


@dataclass(frozen=True)
class Suggestion:
    """The day to plan, and why: ``due_by`` it keeps the cadence; ``out`` colleagues are away or
    focusing then (their names in ``people_out``); ``cover`` is the cover checked (or "")."""

    day: date
    due_by: date | None
    out: int
    people_out: tuple[str, ...] = ()
    cover: str = ""
    skipped_hero_week: bool = False  # a day in the user's hero week would otherwise have come first
    skipped_cover_away: bool = False  # a day the cover is away would otherwise have come first


def suggest_day(
    today: date,
    due_by: date | None,
    *,
    is_workday: Callable[[date], bool],
    planned: Iterable[date],
    team: Iterable[Entry] = (),
    my_name: str = "",
    cover: str = "",
) -> Suggestion | None:
    """The best workday after ``today`` up to ``due_by`` (see the module); None when there is
    no cadence (``due_by`` None) or no day qualifies."""
    if due_by is None:
        return None
    start = today + timedelta(days=1)
    end = due_by if due_by >= start else today + OVERDUE_WINDOW
    taken = set(planned)
    entries = list(team)
    hero_weeks = [e.date for e in entries if e.kind == "hero" and (e.me or same_person(e.person, my_name))]
    best: tuple[tuple[int, int, date], Suggestion] | None = None
    first_hero: date | None = None
    first_cover_away: date | None = None
    day = start
    while day <= end:
        if is_workday(day) and day not in taken:
            that_day = [e for e in entries if e.date == day and not e.me and e.kind in ("focus", "away")]
            that_day = [e for e in that_day if not same_person(e.person, my_name)]
            if any(same_week(h, day) for h in hero_weeks):
                first_hero = first_hero or day
            elif cover.strip() and any(e.kind == "away" and same_person(e.person, cover) for e in that_day):
                first_cover_away = first_cover_away or day
            else:
                people = tuple(sorted({e.person for e in that_day}, key=str.casefold))
                cover_focus = bool(cover.strip()) and any(
                    e.kind == "focus" and same_person(e.person, cover) for e in that_day
                )
                key = (len(people), int(cover_focus), day)
                if best is None or key < best[0]:
                    best = (
                        key,
                        Suggestion(day, due_by, len(people), people, cover.strip()),
                    )
        day += timedelta(days=1)
    if best is None:
        return None
    found = best[1]
    return Suggestion(
        found.day,
        found.due_by,
        found.out,
        found.people_out,
        found.cover,
        skipped_hero_week=first_hero is not None and first_hero < found.day,
        skipped_cover_away=first_cover_away is not None and first_cover_away < found.day,
    )
