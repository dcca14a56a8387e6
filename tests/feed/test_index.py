"""The occurrence index: absence rules, persons, and re-parsing only what changed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from antihjalte_desktop.feed import index, rawics
from antihjalte_desktop.feed.state import FeedState, state_path

from .conftest import STOCKHOLM


def _feed(*events: str, head: str = "") -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{head}{body}END:VCALENDAR\r\n".encode()


def _rows(tmp_path: Path, data: bytes) -> set[tuple[str, str, str]]:
    st = FeedState(state_path(tmp_path))
    try:
        index.update(st, rawics.split(data), "me", STOCKHOLM, date(2026, 11, 30))
        return set(st.occurrences(date(2020, 1, 1), date(2030, 1, 1)))
    finally:
        st.close()


def test_timed_events_count_by_local_date_and_four_hours(tmp_path: Path) -> None:
    data = _feed(
        # 08:00-12:00 local: exactly 4 h -> away
        "UID:a\r\nORGANIZER;CN=A:mailto:a@x\r\nDTSTART:20261201T070000Z\r\nDTEND:20261201T110000Z",
        # 3 h 59 min -> not away
        "UID:b\r\nORGANIZER;CN=B:mailto:b@x\r\nDTSTART:20261201T070000Z\r\nDTEND:20261201T105900Z",
        # 20:00 to 06:00 next day: 4 h on the first date, 6 h on the second -> both
        "UID:c\r\nORGANIZER;CN=C:mailto:c@x\r\nDTSTART;TZID=Europe/Stockholm:20261201T200000\r\n"
        "DTEND;TZID=Europe/Stockholm:20261202T060000",
        # 22:00 to 06:00: 2 h + 6 h -> only the second date
        "UID:d\r\nORGANIZER;CN=D:mailto:d@x\r\nDTSTART;TZID=Europe/Stockholm:20261201T220000\r\n"
        "DTEND;TZID=Europe/Stockholm:20261202T060000",
        # New York 03:00-09:00 = 09:00-15:00 Stockholm (6 h) -> away on 1 Dec
        "UID:e\r\nORGANIZER;CN=E:mailto:e@x\r\nDTSTART;TZID=America/New_York:20261201T030000\r\n"
        "DTEND;TZID=America/New_York:20261201T090000",
        # with DURATION
        "UID:f\r\nORGANIZER;CN=F:mailto:f@x\r\nDTSTART:20261203T080000Z\r\nDURATION:PT5H",
        # transparent / free / cancelled are not absences
        "UID:g\r\nORGANIZER;CN=G:mailto:g@x\r\nDTSTART:20261201T070000Z\r\nDTEND:20261201T160000Z\r\n"
        "TRANSP:TRANSPARENT",
        "UID:h\r\nORGANIZER;CN=H:mailto:h@x\r\nDTSTART:20261201T070000Z\r\nDTEND:20261201T160000Z\r\n"
        "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
        "UID:i\r\nORGANIZER;CN=I:mailto:i@x\r\nDTSTART:20261201T070000Z\r\nDTEND:20261201T160000Z\r\n"
        "STATUS:CANCELLED",
    )
    assert _rows(tmp_path, data) == {
        ("2026-12-01", "A", "away"),
        ("2026-12-01", "C", "away"),
        ("2026-12-02", "C", "away"),
        ("2026-12-02", "D", "away"),
        ("2026-12-01", "E", "away"),
        ("2026-12-03", "F", "away"),
    }


def test_dst_night_and_floating_times(tmp_path: Path) -> None:
    data = _feed(
        # the night DST ends (25 h day): 00:00-04:00 local is 5 real hours -> away
        "UID:a\r\nORGANIZER;CN=A:mailto:a@x\r\nDTSTART;TZID=Europe/Stockholm:20261025T000000\r\n"
        "DTEND;TZID=Europe/Stockholm:20261025T040000",
        # floating: the viewer's wall clock (Stockholm) 08:00-13:00
        "UID:b\r\nORGANIZER;CN=B:mailto:b@x\r\nDTSTART:20261201T080000\r\nDTEND:20261201T130000",
    )
    assert _rows(tmp_path, data) == {("2026-10-25", "A", "away"), ("2026-12-01", "B", "away")}


def test_person_rules_and_kinds(tmp_path: Path) -> None:
    data = _feed(
        "UID:a\r\nATTENDEE;CN=Berg, Anna:mailto:anna@x\r\nATTENDEE;CN=Olle:mailto:o@x\r\n"
        "DTSTART;VALUE=DATE:20261201\r\nSUMMARY:ledig",
        "UID:b\r\nATTENDEE:mailto:per@x\r\nDTSTART;VALUE=DATE:20261202\r\nDTEND;VALUE=DATE:20261204",
        "UID:c\r\nSUMMARY:Kalle borta\r\nDTSTART;VALUE=DATE:20261205",
        "UID:d\r\nSUMMARY:Antihjälte: Eva\r\nORGANIZER;CN=Eva:urn:x\r\nCATEGORIES:ANTIHJALTE\r\n"
        "DTSTART;VALUE=DATE:20261207\r\nDTEND;VALUE=DATE:20261208",
        "UID:e\r\nSUMMARY:Veckans hjälte: Olle Ek\r\nCATEGORIES:VECKANS-HJALTE\r\nTRANSP:TRANSPARENT\r\n"
        "DTSTART;VALUE=DATE:20261207\r\nDTEND;VALUE=DATE:20261209",
    )
    assert _rows(tmp_path, data) == {
        ("2026-12-01", "Berg, Anna", "away"),
        ("2026-12-02", "per@x", "away"),
        ("2026-12-03", "per@x", "away"),
        ("2026-12-05", "Kalle borta", "away"),
        ("2026-12-07", "Eva", "focus"),
        ("2026-12-07", "Olle Ek", "hero"),
        ("2026-12-08", "Olle Ek", "hero"),
    }


def test_only_changed_groups_are_parsed(tmp_path: Path) -> None:
    events = [
        f"UID:e{i}\r\nORGANIZER;CN=P{i}:mailto:p@x\r\nDTSTART;VALUE=DATE:202612{i + 1:02d}" for i in range(20)
    ]
    st = FeedState(state_path(tmp_path))
    try:
        r1 = index.update(st, rawics.split(_feed(*events)), "me", STOCKHOLM, date(2026, 11, 30))
        assert r1.parsed == 20 and r1.rebuilt
        r2 = index.update(st, rawics.split(_feed(*events)), "me", STOCKHOLM, date(2026, 11, 30))
        assert r2.parsed == 0 and r2.removed == 0
        events[3] = events[3].replace("20261204", "20261224")
        r3 = index.update(st, rawics.split(_feed(*events[:-1])), "me", STOCKHOLM, date(2026, 11, 30))
        assert r3.parsed == 1 and r3.removed == 1 and not r3.rebuilt
        rows = set(st.occurrences(date(2026, 12, 1), date(2026, 12, 31)))
        assert ("2026-12-24", "P3", "away") in rows and ("2026-12-04", "P3", "away") not in rows
        assert not any(p == "P19" for _, p, _ in rows)
        # a new VTIMEZONE changes the context: everything is parsed again
        tz = (
            "BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\n"
            "TZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        )
        data = _feed(*events[:-1]).replace(b"PRODID:-//t//EN\r\n", b"PRODID:-//t//EN\r\n" + tz.encode())
        r4 = index.update(st, rawics.split(data), "me", STOCKHOLM, date(2026, 11, 30))
        assert r4.rebuilt and r4.parsed == 19
    finally:
        st.close()


def test_unbounded_fast_rule_is_capped_with_a_warning(tmp_path: Path) -> None:
    data = _feed(
        "UID:storm\r\nSUMMARY:storm\r\nDTSTART:20260101T000000Z\r\nDTEND:20260101T000001Z\r\n"
        "RRULE:FREQ=SECONDLY",
        "UID:daily\r\nORGANIZER;CN=D:mailto:d@x\r\nDTSTART:20200101T080000Z\r\nDTEND:20200101T130000Z\r\n"
        "RRULE:FREQ=DAILY",
    )
    st = FeedState(state_path(tmp_path))
    try:
        rep = index.update(st, rawics.split(data), "me", STOCKHOLM, date(2026, 11, 30))
        assert any("repeats too often" in w for w in rep.warnings)
        rows = st.occurrences(date(2026, 12, 1), date(2026, 12, 31))
        assert {(d, p) for d, p, _ in rows} == {(f"2026-12-{i:02d}", "D") for i in range(1, 32)}
    finally:
        st.close()
