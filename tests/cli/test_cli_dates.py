"""Dates as people write them, through the real `antihjalte` command (Monday 30 November 2026)."""

from __future__ import annotations

import pytest

from .conftest import Run


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("4 december", "2026-12-04"),
        ("14 januari", "2027-01-14"),
        ("3 maj", "2027-05-03"),
        ("3 May", "2027-05-03"),
        ("4/12", "2026-12-04"),
        ("3/12/2027", "2027-12-03"),
        ("3 december 2027", "2027-12-03"),
        ("nästa fredag", "2026-12-11"),
        ("next friday", "2026-12-11"),
        ("fre", "2026-12-04"),
    ],
)
def test_plan_add_reads_the_date(ah: Run, text: str, iso: str) -> None:
    assert f"Planned: {iso}" in ah("plan", "add", text).stdout
    assert [d["date"] for d in ah.json("plan", "list")] == [iso]
    # The other commands read the same way.
    assert f"Removed: {iso}" in ah("plan", "remove", text).stdout


def test_a_dated_weekend_day_is_still_a_weekend_day(ah: Run) -> None:
    ah("plan", "add", "4/12/2027", code=1)  # a Saturday
    assert "Planned: 2027-12-04" in ah("plan", "add", "4/12/2027", "--force").stdout


def test_today_counts_as_from_today(ah: Run) -> None:
    assert "Planned: 2026-11-30" in ah("plan", "add", "30 november").stdout
    assert "Planned: 2026-12-01" in ah("plan", "add", "1/12").stdout


def test_unreadable_and_impossible_dates_are_usage_errors(ah: Run) -> None:
    err = ah("plan", "add", "31 april", code=2).stderr
    assert "April has no day 31" in err
    err = ah("plan", "add", "4 decembre", code=2).stderr
    assert "4 december, 4/12" in err
    assert ah.json("plan", "list") == []


def test_list_range_takes_people_dates(ah: Run) -> None:
    for d in ("2026-12-04", "2026-12-11", "2027-01-14"):
        ah("plan", "add", d)
    days = ah.json("plan", "list", "--from", "5 dec", "--to", "31/12")
    assert [d["date"] for d in days] == ["2026-12-11"]


@pytest.mark.parametrize(
    ("day", "said", "sagt"),
    [
        ("tomorrow", "(tomorrow)", "(i morgon)"),
        ("2026-12-02", "(in 2 days)", "(om 2 dagar)"),
        ("2026-12-11", "(in 11 days)", "(om 11 dagar)"),
        ("2027-01-14", "(in 45 days)", "(om 45 dagar)"),
    ],
)
def test_status_counts_calendar_days(ah: Run, day: str, said: str, sagt: str) -> None:
    ah("plan", "add", day)
    out = ah("status").stdout
    when = "2026-12-01" if day == "tomorrow" else day
    assert f"Next antihjälte day: {when} {said}" in out
    # Calendar days, not workdays: the weekend between counts; in Swedish when the profile is.
    ah("config", "set", "ui.language", "sv")
    assert f"Nästa antihjältedag: {when} {sagt}" in ah("status").stdout


def test_status_today(ah: Run) -> None:
    ah("plan", "add", "i dag")
    assert "Today is your antihjälte day." in ah("status").stdout
