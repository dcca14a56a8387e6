"""Malformed and hostile feeds: a clear message, the local plan untouched, the shared file unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antihjalte_desktop.core.clock import FixedClock
from antihjalte_desktop.feed import rawics
from antihjalte_desktop.feed.sync import sync
from antihjalte_desktop.services.planning import Planning
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.profile import Profile

from .conftest import NOW, assert_intact

GOOD_EVENT = (
    b"BEGIN:VEVENT\r\nUID:good-1\r\nDTSTART;VALUE=DATE:20261201\r\nSUMMARY:ok\r\n"
    b"ORGANIZER;CN=Anna:mailto:a@x\r\nEND:VEVENT\r\n"
)
HEAD = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
TAIL = b"END:VCALENDAR\r\n"

HOSTILE = {
    "truncated": HEAD + GOOD_EVENT + b"BEGIN:VEVENT\r\nUID:half\r\nDTSTA",
    "binary": bytes(range(256)) * 40,
    "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
    "latin-1": HEAD
    + "BEGIN:VEVENT\r\nUID:l\r\nDTSTART;VALUE=DATE:20261201\r\nSUMMARY:Semester på Öland\r\n"
    "END:VEVENT\r\n".encode("latin-1")
    + TAIL,
    "utf-16": (HEAD + GOOD_EVENT + TAIL).decode().encode("utf-16"),
    "missing-dtstart": HEAD
    + GOOD_EVENT
    + b"BEGIN:VEVENT\r\nUID:nostart\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
    + TAIL,
    "bad-date": HEAD + b"BEGIN:VEVENT\r\nUID:bad\r\nDTSTART:2026-13-45\r\nEND:VEVENT\r\n" + TAIL,
    "html": b"<!DOCTYPE html><html><body>Logga in</body></html>",
    "unbalanced": HEAD + b"BEGIN:VEVENT\r\nUID:u\r\nDTSTART;VALUE=DATE:20261201\r\nEND:VTODO\r\n" + TAIL,
    "two-calendars": HEAD + GOOD_EVENT + TAIL + HEAD + TAIL,
    "empty": b"",
    "whitespace": b"\r\n  \r\n",
}


def _setup(tmp_path: Path, data: bytes) -> tuple[Profile, Path]:
    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir(exist_ok=True)
    feed.write_bytes(data)
    prof = Profile(Paths.resolve(tmp_path / "home"), FixedClock(NOW))
    prof.settings.set("feed.location", str(feed))
    prof.settings.set("me.name", "Olle Ek")
    Planning(prof).plan_day(date(2026, 12, 8))
    return prof, feed


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_feed_is_refused_and_left_alone(name: str, tmp_path: Path) -> None:
    data = HOSTILE[name]
    prof, feed = _setup(tmp_path, data)
    try:
        st = sync(prof)
        assert not st.in_sync
        assert st.reason and len(st.reason) < 300 and "Traceback" not in st.reason
        assert feed.read_bytes() == data
        assert not feed.with_name("team.ics.bak").exists()
        assert [d.day for d in prof.plan.list_days()] == [date(2026, 12, 8)]
        assert len(prof.plan.outbox()) == 1
    finally:
        prof.close()


def test_50_mb_feed_is_refused_without_reading_it(tmp_path: Path) -> None:
    prof, feed = _setup(tmp_path, b"")
    with feed.open("wb") as fh:
        fh.write(HEAD)
        chunk = GOOD_EVENT.replace(b"good-1", b"g") * 2000
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
        fh.write(TAIL)
    size, mtime = feed.stat().st_size, feed.stat().st_mtime_ns
    try:
        st = sync(prof)
        assert not st.in_sync and "MB" in st.reason
        assert feed.stat().st_size == size and feed.stat().st_mtime_ns == mtime
    finally:
        prof.close()


def test_unbounded_rrules_are_synced_safely(tmp_path: Path) -> None:
    data = (
        HEAD + b"BEGIN:VEVENT\r\nUID:storm\r\nDTSTART:19700101T000000Z\r\nDTEND:19700101T000001Z\r\n"
        b"RRULE:FREQ=SECONDLY\r\nSUMMARY:storm\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:forever\r\nDTSTART;VALUE=DATE:19000101\r\nRRULE:FREQ=DAILY\r\n"
        b"ORGANIZER;CN=Evig:mailto:e@x\r\nEND:VEVENT\r\n" + TAIL
    )
    prof, feed = _setup(tmp_path, data)
    try:
        st = sync(prof)
        assert st.in_sync, st.reason
        assert any("repeats too often" in w for w in st.warnings)
        assert_intact(data, feed.read_bytes())
    finally:
        prof.close()


# -- hypothesis: generated calendars, valid or not ------------------------------------------------
_value = st.sampled_from(
    [
        "20261201",
        "20261201T100000Z",
        "20261201T100000",
        "2026-12-01",
        "",
        "x",
        "99999999T999999",
        "20261201T100000Z/PT1H",
    ]
)
_line = st.one_of(
    st.builds(lambda v: f"DTSTART:{v}", _value),
    st.builds(lambda v: f"DTSTART;VALUE=DATE:{v}", _value),
    st.builds(lambda v: f"DTSTART;TZID=Mars/Olympus:{v}", _value),
    st.builds(lambda v: f"DTEND:{v}", _value),
    st.builds(lambda v: f"EXDATE:{v}", _value),
    st.builds(lambda v: f"RECURRENCE-ID:{v}", _value),
    st.sampled_from(
        [
            "RRULE:FREQ=DAILY",
            "RRULE:FREQ=WEEKLY;COUNT=3",
            "RRULE:FREQ=BOGUS",
            "RRULE:",
            "RRULE:FREQ=MINUTELY;INTERVAL=0",
            "DURATION:PT4H",
            "DURATION:nonsense",
            "TRANSP:TRANSPARENT",
            "STATUS:CANCELLED",
            "ORGANIZER;CN=A:mailto:a@x",
            "ATTENDEE:x",
            "CATEGORIES:ANTIHJALTE",
            "CATEGORIES:VECKANS-HJALTE",
            "SUMMARY:ä\\,ö;å",
            "UID:same",
            "UID:other",
            "X-ANTIHJALTE-PROFILE:someone",
            "GARBAGE LINE",
            ";;;:::",
            " folded?",
        ]
    ),
)
_comp = st.tuples(st.sampled_from(["VEVENT", "VEVENT", "VTODO", "VTIMEZONE"]), st.lists(_line, max_size=6))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(comps=st.lists(_comp, max_size=4), crlf=st.booleans(), cut=st.integers(min_value=0, max_value=3))
def test_generated_calendars(
    tmp_path_factory: pytest.TempPathFactory, comps: list[tuple[str, list[str]]], crlf: bool, cut: int
) -> None:
    nl = "\r\n" if crlf else "\n"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0"]
    for kind, props in comps:
        lines += [f"BEGIN:{kind}", *props, f"END:{kind}"]
    lines.append("END:VCALENDAR")
    data = (nl.join(lines) + nl).encode()
    if cut:
        data = data[: len(data) - cut * 7]  # sometimes cut off
    tmp = tmp_path_factory.mktemp("gen")
    prof, feed = _setup(tmp, data)
    try:
        st = sync(prof)  # a bug would raise here; the world's failures go in the status
        after = feed.read_bytes()
        if st.in_sync:
            rawics.split(after)
            assert_intact(data, after)
            assert prof.plan.outbox() == []
        else:
            assert st.reason and after == data
            assert [d.day for d in prof.plan.list_days()] == [date(2026, 12, 8)]
    finally:
        prof.close()
