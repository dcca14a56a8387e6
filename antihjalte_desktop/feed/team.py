"""The team view from the occurrence index (the rules at planning time are ``core.team_rules``).

Light: SQLite and the local plan only (no icalendar), so ``antihjalte team`` and
``plan add`` stay fast. Colleagues come from the index of the last sync; this
profile's own days and hero weeks come straight from the local plan, so they show
before they are synced.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.core.team_rules import Entry, PlanIssue, same_person, sort_entries
from antihjalte_desktop.errors import RefusedError
from antihjalte_desktop.feed import ics
from antihjalte_desktop.feed.state import FeedState, index_path, state_path

if TYPE_CHECKING:
    from pathlib import Path

    from antihjalte_desktop.store.profile import Profile


def _open_state(path: Path) -> FeedState | None:
    return FeedState(path) if path.exists() else None


def index_rows(data_dir: Path, start: date, end: date) -> list[tuple[date, str, str]]:
    """(date, person, kind) for ``[start, end]`` in the feed's occurrence index (its own file)."""
    ix = _open_state(index_path(data_dir))
    if ix is None:
        return []
    try:
        return [(date.fromisoformat(d), person, kind) for d, person, kind in ix.occurrences(start, end)]
    finally:
        ix.close()


def rota_rows(data_dir: Path, start: date, end: date) -> list[tuple[date, str, str]]:
    """(date, hero, "hero") for ``[start, end]`` from the hero rota (the feed's state file),
    each hero week Monday–Friday."""
    st = _open_state(state_path(data_dir))
    if st is None:
        return []
    try:
        rows = []
        for monday, name, _email in st.rota():
            for i in range(5):
                day = monday + timedelta(days=i)
                if start <= day <= end:
                    rows.append((day, name, "hero"))
        return rows
    finally:
        st.close()


def shared_rows(data_dir: Path, start: date, end: date) -> list[tuple[date, str, str]]:
    """What the team shares for ``[start, end]``: the index's rows and the rota's hero weeks."""
    return index_rows(data_dir, start, end) + rota_rows(data_dir, start, end)


def team_view(profile: Profile, start: date, end: date) -> list[Entry]:
    from antihjalte_desktop.feed.sync import identity

    ident = identity(profile)
    me = ident.display
    out: set[Entry] = set()
    my_name = str(profile.settings.get("me.name"))
    for day, person, kind in index_rows(profile.paths.data, start, end):
        out.add(Entry(day, person, kind, False))
    for day, person, kind in rota_rows(profile.paths.data, start, end):
        out.add(Entry(day, person, kind, same_person(person, my_name)))
    if profile.settings.get("feed.subscriptions"):
        from antihjalte_desktop.feed.subscribe import occurrences

        for d, person, kind in occurrences(profile, start, end):
            out.add(Entry(date.fromisoformat(d), person, kind, False))
    for fd in profile.plan.list_days(start, end):
        out.add(Entry(fd.day, me, "focus", True))
    return sort_entries(out)


def hero_of_week(profile: Profile, day: date) -> str:
    """This week's hero (whom quick tasks go to), or "" when the rota says nothing."""
    monday = day - timedelta(days=day.weekday())
    for e in team_view(profile, monday, monday + timedelta(days=4)):
        if e.kind == "hero":
            return e.person
    return ""


def generate_rota(profile: Profile, start: date, weeks: int) -> list[tuple[date, str, str]]:
    """Record hero weeks from ``start``'s week on, taking the roster in turn from its first name."""
    from antihjalte_desktop.core.autoreply import parse_roster_entry

    roster = [str(r) for r in profile.settings.get("team.roster") if str(r).strip()]
    if not roster:
        raise RefusedError(
            _(
                "the roster is empty: set it first, e.g. antihjalte config set team.roster "
                "'Anna Berg, anna@example.se;Olle Ek, olle@example.se'"
            )
        )
    if weeks < 1 or weeks > 520:
        raise RefusedError(_("--weeks must be between 1 and 520"))
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


__all__ = ["Entry", "PlanIssue", "generate_rota", "hero_of_week", "ics", "team_view"]
