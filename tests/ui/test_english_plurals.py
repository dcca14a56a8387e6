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
