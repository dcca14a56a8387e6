"""Realistic feeds as Outlook, Google, Nextcloud and Thunderbird write them: read correctly,
and every one of their components unchanged, byte for byte, after a sync that writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar
import pytest

from antihjalte_desktop.feed import rawics
from antihjalte_desktop.feed.sync import sync
from antihjalte_desktop.feed.team import team_view
from antihjalte_desktop.services.planning import Planning

from .conftest import SAMPLES, assert_intact, copy_sample

EXPECTED_AWAY = {
    "outlook.ics": {
        ("Anna Berg", "2026-12-01"),
        ("Anna Berg", "2026-12-09"),
        ("Anna Berg", "2026-12-21"),
        ("Anna Berg", "2026-12-22"),
        ("Anna Berg", "2026-12-23"),
        ("Anna Berg", "2026-12-29"),
    },
    "google.ics": {
        ("Karin Lund", "2026-11-30"),
        ("Karin Lund", "2026-12-01"),
        ("Karin Lund", "2026-12-02"),
        ("Karin Lund", "2026-12-04"),
        ("Per Svensson", "2026-12-28"),
        ("Per Svensson", "2026-12-29"),
        ("Per Svensson", "2026-12-30"),
        ("Per Svensson", "2026-12-31"),
    },
    "nextcloud.ics": {
        ("Lars Nilsson", "2026-12-01"),
        ("Lars Nilsson", "2026-12-14"),
        ("Lars Nilsson", "2026-12-15"),
    },
    "thunderbird.ics": {
        ("Eva Holm", "2026-12-02"),
        ("Eva Holm", "2026-12-11"),
        ("Eva Holm", "2026-12-16"),
        ("Eva Holm", "2026-12-17"),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED_AWAY))
def test_sample_read_and_kept_byte_for_byte(name: str, profiles, shared: Path) -> None:
    before = copy_sample(name, shared)
    # the sample itself is a valid calendar for icalendar too
    icalendar.Calendar.from_ical(before)
    prof = profiles("me", name="Monica Eriksson", email="monica@example.se", feed=shared)
    Planning(prof).plan_day(date(2026, 12, 10), force=True)
    status = sync(prof)
    assert status.in_sync, status.reason
    assert status.wrote and status.added == 1
    after = shared.read_bytes()
    assert_intact(before, after)
    # the calendar's own lines are kept too; only missing refresh hints are added
    doc_before, doc_after = rawics.split(before), rawics.split(after)
    assert doc_after.header().startswith(doc_before.header())
    props = [n for n, _ in doc_after.calendar_props()]
    assert props.count("X-PUBLISHED-TTL") == 1 and props.count("REFRESH-INTERVAL") == 1
    # our event is there and readable
    cal = icalendar.Calendar.from_ical(after)
    ours = [e for e in cal.walk("VEVENT") if "X-ANTIHJALTE-PROFILE" in e]
    assert len(ours) == 1 and ours[0].decoded("DTSTART") == date(2026, 12, 10)
    # the team view reads the sample's absences exactly (December 2026)
    entries = team_view(prof, date(2026, 11, 30), date(2026, 12, 31))
    away = {(e.person, e.date.isoformat()) for e in entries if e.kind == "away"}
    assert away == EXPECTED_AWAY[name]
    assert [(e.person, e.kind) for e in entries if e.me] == [("Monica Eriksson", "focus")]


def test_line_endings_kept(profiles, shared: Path) -> None:
    """Thunderbird's bare LF stays LF (our event too); Outlook's CRLF stays CRLF."""
    for name, nl in (("thunderbird.ics", b"\n"), ("outlook.ics", b"\r\n")):
        before = copy_sample(name, shared)
        prof = profiles(name, name="Olle Ek", feed=shared)
        Planning(prof).plan_day(date(2026, 12, 10), force=True)
        assert sync(prof).in_sync
        after = shared.read_bytes()
        if nl == b"\n":
            assert b"\r\n" not in after
        else:
            assert after.count(b"\n") == after.count(b"\r\n")
        assert_intact(before, after)


def test_removing_our_day_restores_the_sample_exactly_but_for_the_hints(profiles, shared: Path) -> None:
    before = copy_sample("nextcloud.ics", shared)  # already has both refresh hints
    prof = profiles("me", name="Olle Ek", feed=shared)
    Planning(prof).plan_day(date(2026, 12, 10), force=True)
    assert sync(prof).in_sync
    Planning(prof).unplan_day(date(2026, 12, 10))
    st = sync(prof)
    assert st.in_sync and st.removed == 1
    assert shared.read_bytes() == before


def test_samples_exist() -> None:
    assert {p.name for p in SAMPLES.glob("*.ics")} >= set(EXPECTED_AWAY)
