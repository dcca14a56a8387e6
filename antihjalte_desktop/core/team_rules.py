"""The team's rules at planning time, as pure functions of plain values.

Who is focusing, away or hero on which day comes in as :class:`Entry` rows (the feed's
index and the local plan supply them, see ``services.team``); the rules say which of them
planning a day breaks, as :class:`PlanIssue` data that each front end words in its language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.errors import RefusedError

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


@dataclass(frozen=True)
class PlanIssue:
    """One team rule that planning ``day`` breaks, as data (the UI words it in its language)."""

    kind: str  # own_hero_week | cover_away | cover_focus | too_many
    day: date
    person: str = ""  # the hero (own_hero_week) or the cover
    people: tuple[str, ...] = ()  # those already focusing (too_many)
    limit: int = 0


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def same_person(a: str, b: str) -> bool:
    """ "Anna", "anna berg" and "Anna Berg" are one person; empty names match nobody."""
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    fa, fb = na.split(), nb.split()
    return (len(fa) == 1 and fa[0] == fb[0]) or (len(fb) == 1 and fb[0] == fa[0])


def same_week(a: date, b: date) -> bool:
    return a.isocalendar()[:2] == b.isocalendar()[:2]


def sort_entries(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.date, KIND_ORDER.get(e.kind, 9), e.person.casefold()))


def plan_issues(week: Iterable[Entry], day: date, cover: str, my_name: str, limit: int) -> list[PlanIssue]:
    """Every team rule that planning ``day`` with ``cover`` breaks, given the entries of ``day``'s
    week; own_hero_week first."""
    entries = list(week)
    issues: list[PlanIssue] = []
    for e in entries:
        if e.kind == "hero" and (e.me or same_person(e.person, my_name)) and same_week(e.date, day):
            issues.append(PlanIssue("own_hero_week", day, e.person))
            break
    that_day = [e for e in entries if e.date == day and not e.me]
    if cover.strip():
        for e in that_day:
            if same_person(e.person, cover):
                if e.kind == "away":
                    issues.append(PlanIssue("cover_away", day, cover))
                elif e.kind == "focus":
                    issues.append(PlanIssue("cover_focus", day, cover))
    focusing = tuple(sorted({e.person for e in that_day if e.kind == "focus"}))
    if len(focusing) >= limit:
        issues.append(PlanIssue("too_many", day, people=focusing, limit=limit))
    return issues


def issue_warnings(issues: Iterable[PlanIssue], *, force: bool = False) -> list[str]:
    """The command line's words for ``issues``: a day in the user's own hero week is refused
    (RefusedError) unless ``force``; the others are warnings."""
    warnings: list[str] = []
    for issue in issues:
        iso = issue.day.isoformat()
        if issue.kind == "own_hero_week":
            if not force:
                raise RefusedError(
                    _(
                        "{day} is in your own week as veckans hjälte ({hero}); plan it anyway with --force"
                    ).format(day=iso, hero=issue.person)
                )
        elif issue.kind == "cover_away":
            warnings.append(_("your cover {cover} is away on {day}").format(cover=issue.person, day=iso))
        elif issue.kind == "cover_focus":
            warnings.append(
                _("your cover {cover} has an antihjälte day on {day} too").format(cover=issue.person, day=iso)
            )
        elif issue.kind == "too_many":
            warnings.append(
                _(
                    "{n} already have an antihjälte day on {day} ({people}); the team's limit is {limit}"
                ).format(n=len(issue.people), day=iso, people=", ".join(issue.people), limit=issue.limit)
            )
    return warnings
