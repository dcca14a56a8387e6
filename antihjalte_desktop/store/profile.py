"""One user profile: its paths, settings, plan store and work calendar, built once
and shared by the CLI and the Qt shell. Each part opens only when first used, so a
command that needs just the plan never touches the holiday data."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from antihjalte_desktop.core import autoreply, reminders
from antihjalte_desktop.core.cadence import CadenceStatus, cadence_status
from antihjalte_desktop.core.clock import Clock, clock_from_env
from antihjalte_desktop.core.handover import default_items
from antihjalte_desktop.core.plan import FocusDay, check_plannable
from antihjalte_desktop.core.settings_schema import parse_time
from antihjalte_desktop.core.workdays import WorkCalendar
from antihjalte_desktop.errors import RefusedError
from antihjalte_desktop.store.holidays_cache import work_calendar
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.plan_store import PlanStore
from antihjalte_desktop.store.settings import Settings


@dataclass
class PlanResult:
    added: bool
    warnings: list[str] = field(default_factory=list)


class Profile:
    def __init__(self, paths: Paths, clock: Clock | None = None) -> None:
        self.paths = paths.ensure()
        self.clock: Clock = clock or clock_from_env()

    @functools.cached_property
    def settings(self) -> Settings:
        return Settings(self.paths.settings_file)

    @functools.cached_property
    def plan(self) -> PlanStore:
        return PlanStore(self.paths.db_file, self.clock)

    @functools.cached_property
    def calendar(self) -> WorkCalendar:
        return work_calendar(self.paths.cache, str(self.settings.get("holidays.country")))

    def reset_calendar(self) -> None:
        """Forget cached holidays (after ``holidays.country`` changed)."""
        self.__dict__.pop("calendar", None)

    @property
    def zone(self) -> tzinfo:
        tz = self.now().tzinfo
        assert tz is not None
        return tz

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        return self.clock.now().date()

    def close(self) -> None:
        if "plan" in self.__dict__:
            self.plan.close()

    # -- planning ---------------------------------------------------------------
    def plan_day(self, day: date, note: str = "", cover: str = "", *, force: bool = False) -> PlanResult:
        """Add ``day`` to the plan, or refuse with RefusedError. Planning it again changes nothing."""
        if self.plan.get_day(day) is not None:
            return PlanResult(False)
        check_plannable(day, self.today(), self.calendar, force=force)
        warnings = self.plan_warnings(day, cover, force=force)
        items = default_items(self.settings.get("handover.items"))
        return PlanResult(self.plan.add_day(day, note, cover, items), warnings)

    def plan_warnings(self, day: date, cover: str, *, force: bool = False) -> list[str]:
        """Team rules (cover away or focusing, too many focusing, own hero week) from the team
        feed; only once a feed has been synced, so ``plan add`` stays light otherwise."""
        from antihjalte_desktop.feed.sync import has_synced

        if not has_synced(self.paths.data):
            return []
        from antihjalte_desktop.feed.team import plan_warnings

        return plan_warnings(self, day, cover, force=force)

    def unplan_day(self, day: date) -> None:
        existing = self.plan.get_day(day)
        if existing is None:
            raise RefusedError(f"{day.isoformat()} is not planned")
        if day < self.today():
            raise RefusedError(f"{day.isoformat()} is over: past days stay in the plan as history")
        self.plan.remove_day(day)

    def cadence(self) -> CadenceStatus:
        return cadence_status(
            self.plan.day_dates(), int(self.settings.get("cadence.every_weeks")), self.today(), self.calendar
        )

    def next_day(self) -> FocusDay | None:
        upcoming = self.plan.list_days(start=self.today())
        return upcoming[0] if upcoming else None

    # -- reminders --------------------------------------------------------------
    def reminder_times(self) -> reminders.ReminderTimes:
        g = self.settings.get
        return reminders.ReminderTimes(
            handover=parse_time(g("reminders.handover_time")),
            start=parse_time(g("reminders.start_time")),
            reflect=parse_time(g("reminders.reflect_time")),
            restore=parse_time(g("reminders.restore_time")),
        )

    def reminders(self, now: datetime | None = None) -> list[reminders.Reminder]:
        now = now or self.now()
        # Only days whose reminders can still matter: the restore reminder of a day
        # falls at most a couple of weeks after it, even around Christmas.
        from datetime import timedelta

        days = [d for d in self.plan.day_dates() if d >= now.date() - timedelta(days=21)]
        return reminders.schedule(
            days, self.reminder_times(), self.calendar, self.zone, self.plan.reminder_states(), now
        )

    # -- auto-reply -------------------------------------------------------------
    def me(self) -> autoreply.Contact:
        g = self.settings.get
        return autoreply.Contact(g("me.name"), g("me.email"), g("me.phone"))

    def cover_contact(self, cover: str) -> autoreply.Contact:
        return autoreply.find_contact(cover, self.settings.get("team.roster"))

    def autoreply(self, day: date, lang: str) -> str:
        fd = self.plan.get_day(day)
        cover = fd.cover if fd else ""
        return autoreply.render(
            self.settings.get(f"autoreply.template_{lang}"),
            lang,
            day,
            self.calendar.next_workday(day),
            self.me(),
            self.cover_contact(cover),
        )

    def language(self) -> str:
        """``ui.language``, or the system's when it is empty (Swedish for any sv locale)."""
        lang = str(self.settings.get("ui.language"))
        return lang or system_language()


def system_language() -> str:
    import locale
    import os

    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        val = os.environ.get(var)
        if val:
            return "sv" if val.lower().startswith("sv") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "sv" if loc.lower().startswith("sv") else "en"
