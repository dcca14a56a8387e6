"""The team as the app sees it: colleagues from the feed's index and subscriptions, this profile's
own days from the plan, and the team's rules at planning time (``core.team_rules``).

Cheap when no feed was ever synced (nothing is read, no rule applies), and never raises for a
busy or damaged index: the team is then unknown (None / []), and that is logged."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from datetime import date, timedelta

from antihjalte_desktop.core.team_rules import Entry, PlanIssue, issue_warnings, plan_issues, same_person
from antihjalte_desktop.errors import KnownError
from antihjalte_desktop.store.profile import Profile

log = logging.getLogger("antihjalte.team")


class Team:
    def __init__(self, profile: Profile) -> None:
        self._profile = profile

    def synced(self) -> bool:
        """Has this profile ever synced a team feed (so there is a team to show)?"""
        from antihjalte_desktop.feed.state import has_synced

        return has_synced(self._profile.paths.data)

    def entries(self, start: date, end: date) -> list[Entry] | None:
        """Who focuses, is away or is hero from ``start`` to ``end``; None when no feed was ever
        synced or the index cannot be read now (logged, never raised)."""
        if not self.synced():
            return None
        from antihjalte_desktop.feed.team import team_view

        try:
            return team_view(self._profile, start, end)
        except (KnownError, sqlite3.Error, OSError, ValueError) as err:
            log.warning("could not read the team view: %s", err)
            return None

    def issues(self, day: date, cover: str) -> list[PlanIssue]:
        """The team rules that planning ``day`` with ``cover`` breaks; [] without a team."""
        monday = day - timedelta(days=day.weekday())
        week = self.entries(monday, monday + timedelta(days=6))
        if week is None:
            return []
        settings = self._profile.settings
        return plan_issues(
            week, day, cover, str(settings.get("me.name")), int(settings.get("team.max_focus_per_day"))
        )

    def warnings(self, day: date, cover: str, *, force: bool = False) -> list[str]:
        """The command line's words for the rules ``day`` breaks; RefusedError for a day in the
        user's own hero week unless ``force``."""
        return issue_warnings(self.issues(day, cover), force=force)

    def as_me(self, entry: Entry) -> Entry:
        """``entry`` with ``me`` set when its person is the user by name (the feed's own events
        carry a name, not this profile)."""
        if entry.me:
            return entry
        return dataclasses.replace(
            entry, me=same_person(entry.person, str(self._profile.settings.get("me.name")))
        )

    def hero_of_week(self, day: date) -> Entry | None:
        """The hero of ``day``'s week (``.me`` when it is the user), or None when nobody is known."""
        monday = day - timedelta(days=day.weekday())
        for e in self.entries(monday, monday + timedelta(days=6)) or []:
            if e.kind == "hero":
                return self.as_me(e)
        return None
