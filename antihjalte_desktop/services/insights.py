"""Gathering a year's insights from the profile's stores and the team feed (no Qt).

The journal is only counted (entries linked to each focus day); the unit's view comes
only from the team feed's index and the subscriptions, i.e. what colleagues share.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from antihjalte_desktop.core.insights import Insights, compute

if TYPE_CHECKING:
    from antihjalte_desktop.store.profile import Profile


def _journal_links(profile: Profile, start: date, end: date) -> dict[date, int]:
    path = profile.paths.journal_file
    if not path.exists():  # no journal yet: nothing to count, and nothing created
        return {}
    from antihjalte_desktop.store.journal_store import JournalStore

    with JournalStore(path) as store:
        return store.linked_counts(start, end)


def _feed_rows(profile: Profile, start: date, end: date) -> list[tuple[date, str, str]]:
    """(date, person, kind) that the team feed and subscriptions hold for ``[start, end]``."""
    from antihjalte_desktop.feed.state import FeedState, state_path

    rows: list[tuple[date, str, str]] = []
    path = state_path(profile.paths.data)
    if path.exists():
        st = FeedState(path)
        try:
            rows.extend((date.fromisoformat(d), p, k) for d, p, k in st.occurrences(start, end))
            for monday, name, _email in st.rota():
                for i in range(5):
                    day = monday + timedelta(days=i)
                    if start <= day <= end:
                        rows.append((day, name, "hero"))
        finally:
            st.close()
    if profile.settings.get("feed.subscriptions"):
        from antihjalte_desktop.feed.subscribe import occurrences

        rows.extend((date.fromisoformat(d), p, k) for d, p, k in occurrences(profile, start, end))
    return rows


def gather(profile: Profile, year: int, *, unit: bool = False) -> Insights:
    """The insights of ``year`` from this profile (``unit``: the team's view too)."""
    from antihjalte_desktop.feed.team import _same_person

    start, end = date(year, 1, 1), date(year, 12, 31)
    feed = _feed_rows(profile, start, end)
    me = str(profile.settings.get("me.name"))
    away = [d for d, p, k in feed if k == "away" and _same_person(p, me)]
    planned_now = profile.plan.day_dates()
    unit_rows = None
    if unit:
        from antihjalte_desktop.feed.sync import identity

        # The index leaves out this profile's own events; the plan is what it publishes.
        me_shown = identity(profile).display
        unit_rows = [*feed, *((d, me_shown, "focus") for d in planned_now if start <= d <= end)]
    return compute(
        year,
        profile.today(),
        profile.plan.day_events(),
        planned_now,
        _journal_links(profile, start, end),
        int(profile.settings.get("cadence.every_weeks")),
        profile.calendar,
        away=away,
        unit_rows=unit_rows,
    )


class InsightsService:
    """What the Insights window is given: the insights of a year, on demand."""

    def __init__(self, profile: Profile) -> None:
        self._profile = profile

    def this_year(self) -> int:
        return self._profile.today().year

    def insights(self, year: int) -> Insights:
        return gather(self._profile, year, unit=True)
