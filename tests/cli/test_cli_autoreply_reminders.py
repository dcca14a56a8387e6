"""`antihjalte autoreply` and `antihjalte reminders` through the real command."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from antihjalte_desktop.core.reminders import ReminderState
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.plan_store import PlanStore

from .conftest import Run

ROSTER = '["Anna Berg, anna.berg@kommun.se, 070-123 45 67", "Erik Lund, 070-765 43 21"]'


def setup_me(ah: Run) -> None:
    ah("config", "set", "me.name", "Kim Svensson")
    ah("config", "set", "team.roster", ROSTER)


def test_autoreply_swedish_across_christmas(ah: Run) -> None:
    setup_me(ah)
    ah("plan", "add", "2026-12-23", "--cover", "Anna Berg")
    text = ah("autoreply", "2026-12-23", "--lang", "sv").stdout
    assert "Jag har en planeringsdag onsdag 23 december" in text
    assert "Jag är tillbaka måndag 28 december." in text
    assert "kontakta Anna Berg (070-123 45 67, anna.berg@kommun.se)." in text
    assert text.rstrip().endswith("Kim Svensson")


def test_autoreply_english_before_easter(ah: Run) -> None:
    setup_me(ah)
    ah("plan", "add", "2027-03-25", "--cover", "Erik")  # Thursday before Långfredagen
    text = ah("autoreply", "2027-03-25", "--lang", "en").stdout
    assert "planning day on Thursday 25 March" in text
    assert "I will be back on Tuesday 30 March." in text
    assert "please contact Erik Lund (070-765 43 21)." in text


def test_autoreply_language_from_setting(ah: Run) -> None:
    ah("plan", "add", "fri")
    ah("config", "set", "ui.language", "sv")
    assert "Tack för ditt mejl" in ah("autoreply", "fri").stdout
    ah("config", "set", "ui.language", "en")
    assert "Thank you for your email" in ah("autoreply", "fri").stdout


def test_autoreply_drops_lines_with_empty_placeholders(ah: Run) -> None:
    ah("plan", "add", "fri")  # no cover, no name
    text = ah("autoreply", "fri", "--lang", "sv").stdout
    assert "kontakta" not in text and "{" not in text
    assert text.rstrip().endswith("Vänliga hälsningar")


def test_edited_template_is_used(ah: Run) -> None:
    setup_me(ah)
    ah("plan", "add", "fri", "--cover", "Anna Berg")
    ah(
        "config",
        "set",
        "autoreply.template_sv",
        "Borta {day}, åter {return_day}.\\nRing {cover_name}: {cover_contact}",
    )
    assert ah("autoreply", "fri", "--lang", "sv").stdout == (
        "Borta fredag 4 december, åter måndag 7 december.\n"
        "Ring Anna Berg: 070-123 45 67, anna.berg@kommun.se\n"
    )
    ah("config", "set", "autoreply.template_en", "-", input="Away {day}.\nBack {return_day}.\n")
    assert (
        ah("autoreply", "fri", "--lang", "en").stdout == "Away Friday 4 December.\nBack Monday 7 December.\n"
    )


def test_bad_template_refused(ah: Run) -> None:
    err = ah("config", "set", "autoreply.template_sv", "Hej {namn}", code=2).stderr
    assert "unknown placeholder(s) {namn}" in err
    ah("config", "set", "autoreply.template_en", "Hi {name", code=2)
    assert "Tack för ditt mejl" in ah("config", "get", "autoreply.template_sv").stdout


def reminders(ah: Run, **kw: str) -> dict[str, dict[str, object]]:
    return {r["id"]: r for r in ah.json("reminders", **kw)}


def test_reminders_monday_day(ah: Run) -> None:
    ah("plan", "add", "2026-12-07")
    rems = ah.json("reminders")
    assert [(r["kind"], r["at"]) for r in rems] == [
        ("handover", "2026-12-04T14:00:00+01:00"),
        ("start", "2026-12-07T08:00:00+01:00"),
        ("reflect", "2026-12-07T16:00:00+01:00"),
        ("restore", "2026-12-08T08:00:00+01:00"),
    ]
    for r in rems:
        assert set(r) >= {"id", "kind", "day", "at", "state", "snoozed_until"}
        assert r["day"] == "2026-12-07" and r["id"] == f"2026-12-07/{r['kind']}"
        assert (r["state"], r["snoozed_until"]) == ("pending", None)


def test_reminders_next_to_holidays(ah: Run) -> None:
    ah("plan", "add", "2026-12-23")  # restore after Christmas
    ah("plan", "add", "2027-01-07")  # handover skips Trettondedag jul
    ah("plan", "add", "2027-03-25")  # restore after Easter Monday
    r = reminders(ah)
    assert r["2026-12-23/restore"]["at"] == "2026-12-28T08:00:00+01:00"
    assert r["2027-01-07/handover"]["at"] == "2027-01-05T14:00:00+01:00"
    assert r["2027-03-25/restore"]["at"] == "2027-03-30T08:00:00+02:00"


def test_reminders_across_dst(ah: Run) -> None:
    ah("plan", "add", "2027-03-29", "--force")  # Annandag påsk, the day after the switch
    ah("plan", "add", "2027-03-28", "--force")  # Sunday: Påskdagen and the switch itself
    ah("plan", "add", "2026-12-14")
    ah("config", "set", "reminders.start_time", "02:30")  # does not exist on 28 March
    r = reminders(ah, now="2026-12-01T09:00:00+01:00")
    assert r["2027-03-28/handover"]["at"] == "2027-03-25T14:00:00+01:00"
    assert r["2027-03-28/start"]["at"] == "2027-03-28T03:30:00+02:00"
    assert r["2027-03-28/reflect"]["at"] == "2027-03-28T16:00:00+02:00"
    assert r["2027-03-29/start"]["at"] == "2027-03-29T02:30:00+02:00"
    assert r["2027-03-29/restore"]["at"] == "2027-03-30T08:00:00+02:00"
    assert r["2026-12-14/start"]["at"] == "2026-12-14T02:30:00+01:00"


def test_reminders_autumn_dst(ah: Run) -> None:
    ah("plan", "add", "2027-11-01", now="2027-10-20T09:00:00+02:00")  # Monday after the switch (31 Oct)
    r = reminders(ah, now="2027-10-20T09:00:00+02:00")
    assert r["2027-11-01/handover"]["at"] == "2027-10-29T14:00:00+02:00"
    assert r["2027-11-01/start"]["at"] == "2027-11-01T08:00:00+01:00"


def test_reminder_ids_stable_and_state_persisted(ah: Run, home: Path) -> None:
    ah("plan", "add", "fri")
    first = [r["id"] for r in ah.json("reminders")]
    ah("config", "set", "reminders.handover_time", "09:30")
    ah("plan", "add", "2026-12-11")
    second = ah.json("reminders")
    assert [r["id"] for r in second if r["day"] == "2026-12-04"] == first
    assert second[0]["at"] == "2026-12-03T09:30:00+01:00"

    store = PlanStore(Paths.resolve(home).db_file)
    until = datetime.fromisoformat("2026-12-04T08:45:00+01:00")
    store.set_reminder_state("2026-12-04/start", ReminderState.SNOOZED, until)
    store.set_reminder_state("2026-12-03/handover", ReminderState.DONE)  # not a real id: ignored
    store.set_reminder_state("2026-12-04/handover", ReminderState.DONE)
    store.close()
    r = reminders(ah)
    assert (r["2026-12-04/start"]["state"], r["2026-12-04/start"]["snoozed_until"]) == (
        "snoozed",
        "2026-12-04T08:45:00+01:00",
    )
    assert r["2026-12-04/handover"]["state"] == "done"
    assert r["2026-12-11/start"]["state"] == "pending"
    assert "snoozed until 2026-12-04 08:45" in ah("reminders").stdout


def test_reminders_due_and_expired(ah: Run) -> None:
    ah("plan", "add", "fri")
    r = reminders(ah, now="2026-12-03T14:10:00+01:00")
    assert r["2026-12-04/handover"]["due"] is True
    assert r["2026-12-04/start"]["due"] is False
    # After the restore day is over, nothing of that focus day is left.
    assert reminders(ah, now="2026-12-08T00:00:00+01:00") == {}
    due_line = next(
        ln for ln in ah("reminders", now="2026-12-03T14:10:00+01:00").stdout.splitlines() if "DUE" in ln
    )
    assert "handover" in due_line and "2026-12-04" in due_line
