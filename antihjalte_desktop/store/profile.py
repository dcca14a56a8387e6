"""One user profile's storage: its paths, settings, plan store, work calendar and clock, built
once and shared by the CLI and the Qt shell. Each part opens only when first used, so a
command that needs just the plan never touches the holiday data. What the app *does* with
them (plan a day, remind, write the auto-reply) is in ``services/``."""

from __future__ import annotations

import functools
from datetime import date, datetime, tzinfo

from antihjalte_desktop.core.clock import Clock, clock_from_env
from antihjalte_desktop.core.workdays import WorkCalendar
from antihjalte_desktop.store.holidays_cache import work_calendar
from antihjalte_desktop.store.language import system_language
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.plan_store import PlanStore
from antihjalte_desktop.store.settings import Settings


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

    def language(self) -> str:
        """``ui.language``, or the system's when it is empty (Swedish for any sv locale)."""
        lang = str(self.settings.get("ui.language"))
        return lang or system_language()
