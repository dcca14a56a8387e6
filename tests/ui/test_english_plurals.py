"""English counts read right: "1 reminder", "2 reminders", "every 4 weeks", never "week(s)"."""

from __future__ import annotations

from datetime import date
from typing import Any

from antihjalte_desktop.core.reminders import reminders_for_day


def test_english_plural_forms(make_app: Any, profile: Any) -> None:
    app = make_app(has_tray=False)
    assert app.language == "en"
    assert "every 4 weeks." in app.cadence_text()
    profile.settings.set("cadence.every_weeks", 1)
    assert "One antihjälte day every week." in app.cadence_text()
    rems = reminders_for_day(date(2026, 12, 4), profile.reminder_times(), profile.calendar, profile.zone)
    app.set_waiting_reminders(rems[:1])
    assert "1 reminder waiting" in app.tooltip()
    app.set_waiting_reminders(rems[:2])
    assert "2 reminders waiting" in app.tooltip()
    assert "(s)" not in app.tooltip() + app.cadence_text()


def test_swedish_keeps_its_own_plurals(make_app: Any, profile: Any) -> None:
    profile.settings.set("ui.language", "sv")
    app = make_app(has_tray=False)
    assert app.language == "sv"
    text = app.cadence_text()
    assert "(s)" not in text and "var 4:e vecka" in text, text
