"""The fast reader (feed/fastics.py) against icalendar: the same index rows, row by row and
group by group, on the sample feeds and on generated ones; a re-stamp is no change; the index
file can be deleted."""

from __future__ import annotations

import random
import re
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from antihjalte_desktop.feed import fastics, index, rawics
from antihjalte_desktop.feed.state import FeedState, index_path, state_path
from antihjalte_desktop.feed.sync import sync
from antihjalte_desktop.feed.team import team_view
from antihjalte_desktop.services.planning import Planning

from .conftest import SAMPLES, STOCKHOLM
from .gen import VTIMEZONE, generate_unit

TODAY = date(2026, 11, 30)
NEW_YORK = ZoneInfo("America/New_York")
CUSTOM_TZ = VTIMEZONE.replace("W. Europe Standard Time", "Enhetens egen zon").replace("\n", "\r\n")


def _index_rows(
    path: Path, data: bytes, zone: ZoneInfo, *, fast: bool
) -> tuple[list[tuple], index.IndexReport]:
    st = FeedState(path)
    try:
        report = index.update(st, rawics.split(data), "me", zone, TODAY, fast=fast)
        rows = st.conn.execute(
            "SELECT day, person, kind, key FROM occ ORDER BY day, person, kind, key"
        ).fetchall()
        return rows, report
    finally:
        st.close()


def both(tmp_path: Path, data: bytes, zone: ZoneInfo = STOCKHOLM) -> tuple[list[tuple], index.IndexReport]:
    """Index ``data`` with the fast reader and with icalendar alone; assert the same rows per group."""
    # icalendar keeps the first VTIMEZONE it met for a TZID for the life of the process; a feed read
    # by an earlier test in this process (outlook.ics' own "W. Europe Standard Time") must not
    # decide this feed's times.
    from icalendar.timezone import tzp

    tzp._TZP__tz_cache.clear()  # type: ignore[attr-defined]
    tag = f"{len(list(tmp_path.iterdir()))}"
    fast_rows, fast_rep = _index_rows(tmp_path / f"fast{tag}.sqlite3", data, zone, fast=True)
    slow_rows, slow_rep = _index_rows(tmp_path / f"slow{tag}.sqlite3", data, zone, fast=False)
    assert slow_rep.fast == 0
    assert fast_rep.parsed == slow_rep.parsed
    assert sorted(fast_rep.warnings) == sorted(slow_rep.warnings)
    missing = set(slow_rows) - set(fast_rows)
    extra = set(fast_rows) - set(slow_rows)
    assert not missing and not extra, (
        f"icalendar only: {sorted(missing)[:10]}; fast only: {sorted(extra)[:10]}"
    )
    return fast_rows, fast_rep


def _feed(events: list[str], head: str = "") -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{head}{body}END:VCALENDAR\r\n".encode()


# -- generated feeds of every form the fast reader handles (and some it hands on) ----------------

ZONES = [
    "Europe/Stockholm",
    "America/New_York",
    "W. Europe Standard Time",  # the feed has its VTIMEZONE
    "Pacific Standard Time",  # a Windows name without a VTIMEZONE
    "GMT Standard Time",
    '"Europe/Stockholm"',  # a quoted parameter value
    "Enhetens egen zon",  # only the feed's VTIMEZONE defines it: icalendar reads those
]
PEOPLE = [
    "ORGANIZER;CN=Anna Berg:mailto:anna@x",
    'ORGANIZER;CN="Berg, Anna":mailto:anna@x',
    "ORGANIZER;CN=Berg, Anna:mailto:anna@x",
    "ORGANIZER;cn=Olle Ek;ROLE=CHAIR:mailto:olle@x",
    "ORGANIZER:mailto:nocn@x\r\nATTENDEE;CN=Karin Lund:mailto:karin@x\r\nATTENDEE;CN=Per:mailto:per@x",
    "ATTENDEE;PARTSTAT=ACCEPTED:MAILTO:eva@x",
    "ATTENDEE:mailto:lars@x",
    "",  # the summary is the person
]
SHOW = [
    "",
    "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
    "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
    "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
    "X-MICROSOFT-CDO-BUSYSTATUS:free",
    "X-MICROSOFT-CDO-BUSYSTATUS:WORKINGELSEWHERE",
    "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
    "TRANSP:TRANSPARENT",
    "TRANSP:OPAQUE",
    "STATUS:CANCELLED",
    "STATUS:cancelled",
    "STATUS:TENTATIVE",
    "CATEGORIES:ANTIHJALTE",
    "CATEGORIES:Arbete,antihjalte",
    "CATEGORIES:Arbete\r\nCATEGORIES:VECKANS-HJALTE",
    "CATEGORIES:VECKANS-HJALTE\r\nX-ANTIHJALTE-HERO:Sara Holm",
    "CATEGORIES:VECKANS-HJALTE\r\nTRANSP:TRANSPARENT",
]
SUMMARIES = ["Semester", "Veckans hjälte: Johan Öst", "Möte\\, planering", "Kurs: Excel", ""]
ALARM = "BEGIN:VALARM\r\nACTION:EMAIL\r\nSUMMARY:Påminnelse\r\nATTENDEE;CN=Fel Person:mailto:fel@x\r\n" + (
    "TRIGGER:-PT15M\r\nDESCRIPTION:x\r\nEND:VALARM"
)


def _when(rnd: random.Random, i: int) -> list[str]:
    """Start and end in every form: dates, UTC, floating, TZID; DTEND, DURATION or neither;
    around the DST changes, over midnight, over many days, outside the window."""
    base = rnd.choice(
        [
            datetime(2026, 3, 29),  # DST starts in Europe (23 h day)
            datetime(2026, 10, 25),  # DST ends (25 h day)
            datetime(2026, 3, 8),  # DST starts in the US
            datetime(2026, 11, 1),  # DST ends in the US
            datetime(2026, 12, 1),
            datetime(2026, 12, 31),
            datetime(2025, 1, 1),  # the window's first day
            datetime(2024, 12, 30),  # starts before the window
            datetime(2029, 12, 30),  # ends after it
        ]
    ) + timedelta(days=rnd.randrange(-2, 3), hours=rnd.choice([0, 1, 2, 6, 8, 9, 13, 20, 22, 23]))
    form = i % 9
    if form == 0:  # all-day
        days = rnd.choice([1, 1, 2, 5, 30, 500])
        end = rnd.choice([f"DTEND;VALUE=DATE:{base + timedelta(days=days):%Y%m%d}", f"DURATION:P{days}D", ""])
        start = rnd.choice([f"DTSTART;VALUE=DATE:{base:%Y%m%d}", f"DTSTART:{base:%Y%m%d}"])
        return [start, end]
    length = timedelta(minutes=rnd.choice([15, 60, 239, 240, 241, 300, 420, 600, 1440, 3000, 4 * 1440]))
    if form == 1:  # UTC
        return [f"DTSTART:{base:%Y%m%dT%H%M%SZ}", f"DTEND:{base + length:%Y%m%dT%H%M%SZ}"]
    if form == 2:  # UTC with DURATION
        h, rest = divmod(int(length.total_seconds()), 3600)
        dur = rnd.choice(
            [f"PT{h}H{rest // 60}M", f"P{h // 24}DT{h % 24}H", f"PT{int(length.total_seconds())}S"]
        )
        return [f"DTSTART:{base:%Y%m%dT%H%M%SZ}", f"DURATION:{dur}"]
    if form == 3:  # floating
        return [f"DTSTART:{base:%Y%m%dT%H%M%S}", f"DTEND:{base + length:%Y%m%dT%H%M%S}"]
    if form == 4:  # no end at all
        return [f"DTSTART;TZID=Europe/Stockholm:{base:%Y%m%dT%H%M%S}", ""]
    if form == 5:  # a date start with a timed end, and the other way round
        return rnd.choice(
            [
                [f"DTSTART;VALUE=DATE:{base:%Y%m%d}", f"DTEND:{base + length:%Y%m%dT%H%M%SZ}"],
                [f"DTSTART:{base:%Y%m%dT%H%M%SZ}", f"DTEND;VALUE=DATE:{base + length:%Y%m%d}"],
            ]
        )
    tz = rnd.choice(ZONES)
    tz2 = tz if rnd.random() < 0.8 else rnd.choice(ZONES)
    if form == 6:
        return [f"DTSTART;TZID={tz}:{base:%Y%m%dT%H%M%S}", "DURATION:PT5H"]
    return [f"DTSTART;TZID={tz}:{base:%Y%m%dT%H%M%S}", f"DTEND;TZID={tz2}:{base + length:%Y%m%dT%H%M%S}"]


def variety(n: int, seed: int) -> bytes:
    rnd = random.Random(seed)
    events = []
    for i in range(n):
        lines = [f"UID:v{i}", "DTSTAMP:20261101T080000Z", *_when(rnd, i)]
        lines.append(rnd.choice(PEOPLE))
        lines.append(rnd.choice(SHOW))
        summary = rnd.choice(SUMMARIES)
        if summary:
            lines.append(f"SUMMARY;LANGUAGE=sv-SE:{summary}")
        if rnd.random() < 0.3:
            lines.append(ALARM)
        if rnd.random() < 0.05:  # a weekly series with an exception: icalendar's part
            lines.append("RRULE:FREQ=WEEKLY;COUNT=6")
            events.append(
                "\r\n".join(
                    [
                        f"UID:v{i}",
                        "RECURRENCE-ID:20261208T090000Z",
                        "DTSTART:20261209T090000Z",
                        "DTEND:20261209T160000Z",
                        "ORGANIZER;CN=Serie:mailto:s@x",
                    ]
                )
            )
        rnd.shuffle(lines)  # property order is free
        events.append("\r\n".join(x for x in lines if x))
    head = VTIMEZONE.replace("\n", "\r\n") + CUSTOM_TZ
    return _feed(events, head)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("zone", [STOCKHOLM, NEW_YORK], ids=["Stockholm", "New_York"])
def test_generated_forms_give_the_same_rows(tmp_path: Path, seed: int, zone: ZoneInfo) -> None:
    data = variety(400, seed)
    rows, rep = both(tmp_path, data, zone)
    assert len(rows) > 300
    # most groups took the fast way; the custom zone, escaped summaries, series went to icalendar
    assert rep.parsed >= 400 and 0.6 * rep.parsed < rep.fast < rep.parsed


def test_x_wr_timezone_feeds(tmp_path: Path) -> None:
    """Google's X-WR-TIMEZONE: floating and UTC times are read in that zone, as x-wr-timezone does."""
    data = variety(300, 7).replace(
        b"PRODID:-//t//EN\r\n", b"PRODID:-//t//EN\r\nX-WR-TIMEZONE:America/New_York\r\n"
    )
    _rows, rep = both(tmp_path, data)
    assert rep.fast > 150
    # an unknown X-WR-TIMEZONE: everything goes to icalendar (which then says what is wrong)
    bad = data.replace(b"X-WR-TIMEZONE:America/New_York", b"X-WR-TIMEZONE:Mars/Olympus")
    st = FeedState(tmp_path / "bad.sqlite3")
    try:
        with pytest.raises(Exception, match="cannot be read"):
            index.update(st, rawics.split(bad), "me", STOCKHOLM, TODAY)
    finally:
        st.close()


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.ics")))
def test_sample_feeds_give_the_same_rows(tmp_path: Path, name: str) -> None:
    rows, rep = both(tmp_path, (SAMPLES / name).read_bytes())
    assert rows and rep.fast >= 1


@pytest.mark.parametrize("zone", [STOCKHOLM, NEW_YORK], ids=["Stockholm", "New_York"])
def test_unit_calendar_gives_the_same_rows(tmp_path: Path, zone: ZoneInfo) -> None:
    data = generate_unit(1500, seed=5)
    rows, rep = both(tmp_path, data, zone)
    assert len(rows) > 1000
    assert rep.fast > 0.85 * rep.parsed  # everything but the series


def test_the_cases_by_hand(tmp_path: Path) -> None:
    """A few exact rows (not only "both agree"): a Windows zone, DST, DURATION, multi-day."""
    data = _feed(
        [
            # 08:00-12:00 in W. Europe (= Stockholm) on the day DST ends: 4 h -> away
            "UID:a\r\nORGANIZER;CN=A:mailto:a@x\r\nDTSTART;TZID=W. Europe Standard Time:20261025T080000\r\n"
            "DTEND;TZID=W. Europe Standard Time:20261025T120000",
            # 00:00-03:00 local on the night DST ends is 4 real hours -> away
            "UID:b\r\nORGANIZER;CN=B:mailto:b@x\r\nDTSTART;TZID=Europe/Stockholm:20261025T000000\r\n"
            "DTEND;TZID=Europe/Stockholm:20261025T030000",
            # 00:00-04:00 local on the night DST starts is 3 real hours -> not away
            "UID:c\r\nORGANIZER;CN=C:mailto:c@x\r\nDTSTART;TZID=Europe/Stockholm:20260329T000000\r\n"
            "DTEND;TZID=Europe/Stockholm:20260329T040000",
            # DURATION over three dates: 20:00 + 40 h -> 4 h, 24 h, 12 h
            "UID:d\r\nORGANIZER;CN=D:mailto:d@x\r\nDTSTART:20261201T190000Z\r\nDURATION:P1DT16H",
            # a free all-day event and a busy one
            "UID:e\r\nORGANIZER;CN=E:mailto:e@x\r\nDTSTART;VALUE=DATE:20261207\r\n"
            "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
            "UID:f\r\nORGANIZER;CN=F:mailto:f@x\r\nDTSTART;VALUE=DATE:20261207\r\nDTEND;VALUE=DATE:20261209\r\n"
            "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
        ],
        VTIMEZONE.replace("\n", "\r\n"),
    )
    rows, rep = both(tmp_path, data)
    assert rep.fast == 6
    assert {(d, p) for d, p, _k, _g in rows} == {
        ("2026-10-25", "A"),
        ("2026-10-25", "B"),
        ("2026-12-01", "D"),
        ("2026-12-02", "D"),
        ("2026-12-03", "D"),
        ("2026-12-07", "F"),
        ("2026-12-08", "F"),
    }


def test_fast_reader_hands_on_what_it_does_not_know() -> None:
    z = fastics.Zones()

    def read(*lines: str) -> fastics.Fields | None:
        data = _feed(["\r\n".join(lines)])
        doc = rawics.split(data)
        return fastics.read_event(data, doc.components[0], z)

    assert read("UID:x", "DTSTART;VALUE=DATE:20261201") is not None
    assert read("UID:x", "DTSTART;TZID=Enhetens egen zon:20261201T080000") is None  # a feed's own zone
    assert read("UID:x", "DTSTART;TZID=/mozilla.org/Europe/Berlin:20261201T080000") is None
    assert read("UID:x", "DTSTART:20261201T080000Z", "RRULE:FREQ=DAILY") is None
    assert read("UID:x", "DTSTART:20261201T080000Z", "RECURRENCE-ID:20261201T080000Z") is None
    assert read("UID:x", "DTSTART:20261201T080000Z", "DTSTART:20261202T080000Z") is None  # twice
    assert read("UID:x", "DTSTART;VALUE=DATE-TIME:20261201") is None  # a date said to be a time
    assert read("UID:x", "DTSTART:2026-12-01") is None
    assert read("UID:x", "DTSTART:20261201T080000Z", "what is this line") is None
    assert read("UID:x", "DTSTART:20261201T080000Z", "DURATION:P1Y") is None
    assert read("UID:x", "DTSTART;TZID=Europe/Stockholm:20261201T080000Z") is None
    assert read("UID:x", "DTSTART:20261201T080000Z", "CATEGORIES:a\\,b") is None
    assert read("UID:x", "DTSTART:20261201T080000Z", "ORGANIZER;CN=a^nb:mailto:x") is None
    f = read("UID:x", "DTSTART:20261201T080000Z", "SUMMARY:a\\, b")  # read; escapes resolved on use
    assert f is not None and f.summary == ":a\\, b"
    with pytest.raises(fastics.Unknown):
        fastics.text(f.summary)


def test_windows_zone_table_matches_icalendar() -> None:
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    for name, iana in fastics.WINDOWS_ZONES.items():
        assert WINDOWS_TO_OLSON[name] == iana, name
        assert fastics.Zones().get(name) == ZoneInfo(iana)


# -- a re-stamp is no change ----------------------------------------------------------------------


def test_dtstamp_and_last_modified_alone_are_no_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    st = FeedState(tmp_path / "ix.sqlite3")
    reads: list[int] = []
    real = fastics.read_event

    def counting(*args: object) -> object:
        reads.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(fastics, "read_event", counting)
    try:
        first = generate_unit(300, seed=2, stamp="20261101T080000Z")
        r1 = index.update(st, rawics.split(first), "me", STOCKHOLM, TODAY)
        assert r1.rebuilt and r1.parsed > 250 and len(reads) > 250
        reads.clear()
        # Outlook re-stamps every event at every publish (DTSTAMP and LAST-MODIFIED), some folded
        restamped = generate_unit(300, seed=2, stamp="20261130T101010Z").replace(
            b"\r\nLAST-MODIFIED:20261130T101010Z", b"\r\nLAST-MODIFIED:20261130\r\n T101010Z"
        )
        assert restamped != first
        r2 = index.update(st, rawics.split(restamped), "me", STOCKHOLM, TODAY)
        assert (r2.parsed, r2.removed, r2.rebuilt) == (0, 0, False) and reads == []
        # a real change next to the re-stamp is read (only that group)
        i = restamped.index(b"SUMMARY;LANGUAGE=sv-SE:", len(restamped) // 2)
        changed = restamped[:i] + b"SUMMARY;LANGUAGE=sv-SE:Flyttat" + restamped[restamped.index(b"\r\n", i) :]
        r3 = index.update(st, rawics.split(changed), "me", STOCKHOLM, TODAY)
        assert (r3.parsed, r3.removed) == (1, 0)
    finally:
        st.close()


# -- the index file is safe to delete --------------------------------------------------------------


def test_deleting_the_index_file_rebuilds_the_same_rows(profiles, shared: Path) -> None:
    shared.write_bytes(generate_unit(400, seed=9))
    prof = profiles("me", name="Monica Eriksson", feed=shared)
    Planning(prof).plan_day(date(2026, 12, 10), force=True)
    assert sync(prof).in_sync
    span = (date(2025, 1, 1), date(2028, 12, 31))
    before = team_view(prof, *span)
    ix = index_path(prof.paths.data)
    with sqlite3.connect(ix) as c:
        n_before = c.execute("SELECT COUNT(*) FROM occ").fetchone()[0]
    assert n_before > 300 and len(before) > 300
    for suffix in ("", "-wal", "-shm"):
        ix.with_name(ix.name + suffix).unlink(missing_ok=True)
    assert team_view(prof, *span) == [e for e in before if e.me]  # nothing from the feed now
    status = sync(prof)  # nothing changed in the feed or the plan: still a full read
    assert status.in_sync and not status.wrote
    assert team_view(prof, *span) == before
    with sqlite3.connect(ix) as c:
        assert c.execute("SELECT COUNT(*) FROM occ").fetchone()[0] == n_before
    # the profile's own state was not in that file: its day is still published, once
    assert shared.read_bytes().count(b"X-ANTIHJALTE-PROFILE") == 1
    assert state_path(prof.paths.data).exists()


def test_a_restamped_feed_is_no_work_for_sync(
    profiles, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outlook publishes the same calendar with new DTSTAMPs: the next sync reads no event again."""
    shared.write_bytes(generate_unit(300, seed=4, stamp="20261101T080000Z"))
    prof = profiles("me", name="Monica Eriksson", feed=shared)
    assert sync(prof).in_sync
    before = team_view(prof, date(2025, 1, 1), date(2028, 12, 31))
    reads: list[str] = []
    real_fast, real_slow = fastics.read_event, index._Parser.parse_groups

    def fast(*args: object) -> object:
        reads.append("fast")
        return real_fast(*args)  # type: ignore[arg-type]

    def slow(self: object, keys: list[str], *args: object) -> object:
        reads.extend(keys)
        return real_slow(self, keys, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(fastics, "read_event", fast)
    monkeypatch.setattr(index._Parser, "parse_groups", slow)
    shared.write_bytes(generate_unit(300, seed=4, stamp="20261130T101010Z"))
    status = sync(prof)
    assert status.in_sync and reads == []
    assert team_view(prof, date(2025, 1, 1), date(2028, 12, 31)) == before
    # and a real change is read: one group
    data = shared.read_bytes()
    i = data.index(b"SUMMARY;LANGUAGE=sv-SE:", len(data) // 2)
    shared.write_bytes(data[:i] + b"SUMMARY;LANGUAGE=sv-SE:Flyttat" + data[data.index(b"\r\n", i) :])
    assert sync(prof).in_sync and len(reads) == 1


@pytest.mark.parametrize("feed", ["unit", "outlook.ics", "google.ics"])
def test_the_lighter_icalendar_path_gives_the_rows_of_the_plain_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, feed: str
) -> None:
    """What the icalendar path leaves out to be quicker (lines the rules do not read, the VTIMEZONEs of
    known zones, a copy of the event per occurrence) changes no row."""
    data = generate_unit(600, seed=8) if feed == "unit" else (SAMPLES / feed).read_bytes()
    light, _rep = _index_rows(tmp_path / "light.sqlite3", data, STOCKHOLM, fast=False)

    def public_only(query: object, window: tuple[date, date]) -> list[tuple[object, None]]:
        return [(c, None) for c in query.between(window[0], window[1])]  # type: ignore[attr-defined]

    monkeypatch.setattr(index, "_slim", lambda raw: raw if raw.endswith(b"\n") else raw + b"\r\n")
    monkeypatch.setattr(index, "_TZID", re.compile(rb"(?!)"))  # keep every VTIMEZONE
    monkeypatch.setattr(index, "_occurrences", public_only)
    plain, _rep = _index_rows(tmp_path / "plain.sqlite3", data, STOCKHOLM, fast=False)
    assert light == plain and len(light) > 5
