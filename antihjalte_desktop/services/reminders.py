"""What to remind of and when: the pure schedule (``core.reminders``) over this profile's plan,
settings, calendar and the reminder states the user left."""

from __future__ import annotations

from datetime import datetime, timedelta

from antihjalte_desktop.core import reminders
from antihjalte_desktop.core.settings_schema import parse_time
from antihjalte_desktop.store.profile import Profile


def reminder_times(profile: Profile) -> reminders.ReminderTimes:
    g = profile.settings.get
    return reminders.ReminderTimes(
        handover=parse_time(g("reminders.handover_time")),
        start=parse_time(g("reminders.start_time")),
        reflect=parse_time(g("reminders.reflect_time")),
        restore=parse_time(g("reminders.restore_time")),
    )


def schedule(profile: Profile, now: datetime | None = None) -> list[reminders.Reminder]:
    """Every reminder of the days that can still matter, with its state at ``now``."""
    now = now or profile.now()
    # The restore reminder of a day falls at most a couple of weeks after it, even around Christmas.
    days = [d for d in profile.plan.day_dates() if d >= now.date() - timedelta(days=21)]
    return reminders.schedule(
        days, reminder_times(profile), profile.calendar, profile.zone, profile.plan.reminder_states(), now
    )
