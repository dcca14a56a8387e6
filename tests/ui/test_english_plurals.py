"""English counts read right: "1 reminder", "2 reminders", "every 4 weeks", never "week(s)"."""

from __future__ import annotations

from datetime import date
from typing import Any

from antihjalte_desktop.core.reminders import reminders_for_day
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.services.reminders import reminder_times
from antihjalte_desktop.ui import wording


def cadence_text(app: Any) -> str:
    return wording.Wording(app.language).cadence_text(Planning(app.profile).cadence())


def tooltip(app: Any, waiting: int) -> str:
    return wording.Wording(app.language).tooltip(app.profile.today(), None, None, waiting, "")


def test_english_plural_forms(make_app: Any, profile: Any) -> None:
    app = make_app(has_tray=False)
    assert app.language == "en"
    assert "every 4 weeks." in cadence_text(app)
    profile.settings.set("cadence.every_weeks", 1)
    assert "One antihjälte day every week." in cadence_text(app)
    rems = reminders_for_day(date(2026, 12, 4), reminder_times(profile), profile.calendar, profile.zone)
    assert len(rems) >= 2
    assert "1 reminder waiting" in tooltip(app, 1)
    assert "2 reminders waiting" in tooltip(app, 2)
    assert "(s)" not in tooltip(app, 2) + cadence_text(app)


def test_swedish_keeps_its_own_plurals(make_app: Any, profile: Any) -> None:
    profile.settings.set("ui.language", "sv")
    app = make_app(has_tray=False)
    assert app.language == "sv"
    text = cadence_text(app)
    assert "(s)" not in text and "var 4:e vecka" in text, text


def test_swedish_ordinals_and_missed_reminders(make_app: Any, profile: Any) -> None:
    """Swedish as a Swede writes it: "var 2:a vecka" (the plural form alone would say 2:e), a missed
    reminder named so, times as "kl. 17.06", and a snooze button without abbreviations."""
    from datetime import datetime, timedelta

    from antihjalte_desktop.core.reminders import Reminder, ReminderKind

    profile.settings.set("ui.language", "sv")
    profile.settings.set("cadence.every_weeks", 2)
    app = make_app(has_tray=False)
    assert "var 2:a vecka" in cadence_text(app)
    due = datetime(2026, 12, 4, 17, 6, tzinfo=profile.zone)
    rem = Reminder("r", ReminderKind.REFLECT, date(2026, 12, 4), due, due + timedelta(days=1))
    words = wording.Wording(app.language)
    title, body = words.reminder_message(rem, True, due + timedelta(hours=1))
    assert title == "Missad påminnelse: Dags att reflektera"
    assert body.startswith("Påminnelsen skulle ha visats kl. 17.06.\n"), body
    title, body = words.reminder_message(rem, True, due + timedelta(days=1))
    assert body.startswith("Påminnelsen skulle ha visats fredag 4 december kl. 17.06.\n"), body
    assert ("snooze", "Påminn om en timme") in words.reminder_actions(rem)
