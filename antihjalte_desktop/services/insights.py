"""Gathering a year's insights from the profile's stores and the team feed (no Qt).

The journal is only counted (entries linked to each focus day); the unit's view comes
only from the team feed's index and the subscriptions, i.e. what colleagues share, plus
this profile's own days (which it publishes to the feed). Light on purpose: the
``insights --json`` command builds the parts itself, without a Profile.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from antihjalte_desktop.core.insights import Insights, compute
from antihjalte_desktop.core.team_rules import same_person

if TYPE_CHECKING:
    from antihjalte_desktop.core.workdays import WorkCalendar
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.plan_store import PlanStore
    from antihjalte_desktop.store.profile import Profile
    from antihjalte_desktop.store.settings import Settings


class Sources:
    """What the insights are read from."""

    def __init__(
        self, paths: Paths, plan: PlanStore, settings: Settings, calendar: WorkCalendar, today: date
    ) -> None:
        self.paths = paths
        self.plan = plan
        self.settings = settings
        self.calendar = calendar
        self.today = today

    @classmethod
    def of(cls, profile: Profile) -> Sources:
        return cls(profile.paths, profile.plan, profile.settings, profile.calendar, profile.today())


def _feed_rows(src: Sources, start: date, end: date) -> list[tuple[date, str, str]]:
    """(date, person, kind) that the team feed and subscriptions hold for ``[start, end]``."""
    from antihjalte_desktop.feed.team import shared_rows

    rows = shared_rows(src.paths.data, start, end)
    subscribed = src.settings.get("feed.subscriptions")
    if subscribed:
        from antihjalte_desktop.feed.subscribe import occurrences_in

        found = occurrences_in(src.paths.data, list(subscribed), start, end)
        rows.extend((date.fromisoformat(d), p, k) for d, p, k in found)
    return rows


def _shown_name(src: Sources) -> str:
    """How this profile shows itself in the feed (``feed.show_as``)."""
    from antihjalte_desktop.feed.ics import Identity

    g = src.settings.get
    return Identity("", str(g("me.name")), str(g("me.email")), str(g("feed.show_as"))).display


def gather_from(src: Sources, year: int, *, unit: bool = False) -> Insights:
    from antihjalte_desktop.store.journal_links import linked_counts

    start, end = date(year, 1, 1), date(year, 12, 31)
    feed = _feed_rows(src, start, end)
    me = str(src.settings.get("me.name"))
    mine = {p for _d, p, k in feed if k == "away" and same_person(p, me)}
    away = [d for d, p, k in feed if k == "away" and p in mine]
    planned_now = src.plan.day_dates()
    unit_rows = None
    if unit:
        # The index leaves out this profile's own events; its plan is what it publishes.
        shown = _shown_name(src)
        unit_rows = [*feed, *((d, shown, "focus") for d in planned_now if start <= d <= end)]
    return compute(
        year,
        src.today,
        src.plan.day_events(),
        planned_now,
        linked_counts(src.paths.journal_file, start, end),
        int(src.settings.get("cadence.every_weeks")),
        src.calendar,
        away=away,
        unit_rows=unit_rows,
    )


def gather(profile: Profile, year: int, *, unit: bool = False) -> Insights:
    """The insights of ``year`` from this profile (``unit``: the team's view too)."""
    return gather_from(Sources.of(profile), year, unit=unit)


class InsightsService:
    """What the Insights window is given: the insights of a year, on demand."""

    def __init__(self, profile: Profile) -> None:
        self._profile = profile

    def this_year(self) -> int:
        return self._profile.today().year

    def insights(self, year: int) -> Insights:
        return gather(self._profile, year, unit=True)
