"""The team view and the team rules at planning time, from the occurrence index.

Light: SQLite and the local plan only (no icalendar), so ``antihjalte team`` and
``plan add`` stay fast. Colleagues come from the index of the last sync; this
profile's own days and hero weeks come straight from the local plan, so they show
before they are synced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from antihjalte_desktop.errors import RefusedError
from antihjalte_desktop.feed import ics
from antihjalte_desktop.feed.state import FeedState, index_path, state_path

if TYPE_CHECKING:
    from pathlib import Path

    from antihjalte_desktop.store.profile import Profile

KIND_ORDER = {"hero": 0, "focus": 1, "away": 2}


@dataclass(frozen=True, order=True)
class Entry:
    """One line of the team view."""

    date: date
    person: str
    kind: str  # focus | away | hero
    me: bool = False

    def to_json(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "person": self.person, "kind": self.kind, "me": self.me}


def _open_state(path: Path) -> FeedState | None:
    return FeedState(path) if path.exists() else None


def team_view(profile: Profile, start: date, end: date) -> list[Entry]:
    from antihjalte_desktop.feed.sync import identity

    ident = identity(profile)
    me = ident.display
    out: set[Entry] = set()
    ix = _open_state(index_path(profile.paths.data))
    try:
        if ix is not None:
            for d, person, kind in ix.occurrences(start, end):
                out.add(Entry(date.fromisoformat(d), person, kind, False))
    finally:
        if ix is not None:
            ix.close()
    st = _open_state(state_path(profile.paths.data))
    try:
        if st is not None:
            for monday, name, _email in st.rota():
                for i in range(5):
                    day = monday + timedelta(days=i)
                    if start <= day <= end:
                        out.add(
                            Entry(day, name, "hero", _same_person(name, str(profile.settings.get("me.name"))))
                        )
    finally:
        if st is not None:
            st.close()
    if profile.settings.get("feed.subscriptions"):
        from antihjalte_desktop.feed.subscribe import occurrences

        for d, person, kind in occurrences(profile, start, end):
            out.add(Entry(date.fromisoformat(d), person, kind, False))
    for fd in profile.plan.list_days(start, end):
        out.add(Entry(fd.day, me, "focus", True))
    return sorted(out, key=lambda e: (e.date, KIND_ORDER.get(e.kind, 9), e.person.casefold()))


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def _same_person(a: str, b: str) -> bool:
    """ "Anna", "anna berg" and "Anna Berg" are one person; empty names match nobody."""
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    fa, fb = na.split(), nb.split()
    return (len(fa) == 1 and fa[0] == fb[0]) or (len(fb) == 1 and fb[0] == fa[0])


def hero_of_week(profile: Profile, day: date) -> str:
    """This week's hero (whom quick tasks go to), or "" when the rota says nothing."""
    monday = day - timedelta(days=day.weekday())
    for e in team_view(profile, monday, monday + timedelta(days=4)):
        if e.kind == "hero":
            return e.person
    return ""


@dataclass(frozen=True)
class PlanIssue:
    """One team rule that planning ``day`` breaks, as data (the UI words it in its language)."""

    kind: str  # own_hero_week | cover_away | cover_focus | too_many
    day: date
    person: str = ""  # the hero (own_hero_week) or the cover
    people: tuple[str, ...] = ()  # those already focusing (too_many)
    limit: int = 0


def plan_issues(profile: Profile, day: date, cover: str) -> list[PlanIssue]:
    """Every team rule planning ``day`` with ``cover`` breaks; own_hero_week first."""
    monday = day - timedelta(days=day.weekday())
    entries = team_view(profile, monday, monday + timedelta(days=6))
    my_name = str(profile.settings.get("me.name"))
    issues: list[PlanIssue] = []
    for e in entries:
        if e.kind == "hero" and (e.me or _same_person(e.person, my_name)) and _same_week(e.date, day):
            issues.append(PlanIssue("own_hero_week", day, e.person))
            break
    that_day = [e for e in entries if e.date == day and not e.me]
    if cover.strip():
        for e in that_day:
            if _same_person(e.person, cover):
                if e.kind == "away":
                    issues.append(PlanIssue("cover_away", day, cover))
                elif e.kind == "focus":
                    issues.append(PlanIssue("cover_focus", day, cover))
    focusing = tuple(sorted({e.person for e in that_day if e.kind == "focus"}))
    limit = int(profile.settings.get("team.max_focus_per_day"))
    if len(focusing) >= limit:
        issues.append(PlanIssue("too_many", day, people=focusing, limit=limit))
    return issues


def plan_warnings(profile: Profile, day: date, cover: str, *, force: bool = False) -> list[str]:
    """Team rules for planning ``day``: refuse a day in the user's own hero week (unless
    ``force``); warn when the cover is away or focusing, or enough people already focus."""
    warnings: list[str] = []
    for issue in plan_issues(profile, day, cover):
        iso = day.isoformat()
        if issue.kind == "own_hero_week":
            if not force:
                raise RefusedError(
                    f"{iso} is in your own week as veckans hjälte ({issue.person}); "
                    "plan it anyway with --force"
                )
        elif issue.kind == "cover_away":
            warnings.append(f"your cover {issue.person} is away on {iso}")
        elif issue.kind == "cover_focus":
            warnings.append(f"your cover {issue.person} has an antihjälte day on {iso} too")
        elif issue.kind == "too_many":
            warnings.append(
                f"{len(issue.people)} already have an antihjälte day on {iso} ({', '.join(issue.people)}); "
                f"the team's limit is {issue.limit}"
            )
    return warnings


def _same_week(a: date, b: date) -> bool:
    return a.isocalendar()[:2] == b.isocalendar()[:2]


def generate_rota(profile: Profile, start: date, weeks: int) -> list[tuple[date, str, str]]:
    """Record hero weeks from ``start``'s week on, taking the roster in turn from its first name."""
    from antihjalte_desktop.core.autoreply import parse_roster_entry

    roster = [str(r) for r in profile.settings.get("team.roster") if str(r).strip()]
    if not roster:
        raise RefusedError(
            "the roster is empty: set it first, e.g. antihjalte config set team.roster "
            "'Anna Berg, anna@example.se;Olle Ek, olle@example.se'"
        )
    if weeks < 1 or weeks > 520:
        raise RefusedError("--weeks must be between 1 and 520")
    monday = start - timedelta(days=start.weekday())
    out = []
    for i in range(weeks):
        entry = roster[i % len(roster)]
        contact = parse_roster_entry(entry)
        name = contact.name or entry.split(",", 1)[0].strip()
        out.append((monday + timedelta(weeks=i), name, contact.email))
    path = state_path(profile.paths.data)
    st = FeedState(path)
    try:
        st.set_rota(out)
    finally:
        st.close()
    return out


__all__ = [
    "Entry",
    "PlanIssue",
    "generate_rota",
    "hero_of_week",
    "ics",
    "plan_issues",
    "plan_warnings",
    "team_view",
]
