"""The raw splitter, the own-event mapping and the merge, on bytes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antihjalte_desktop.feed import ics, rawics
from antihjalte_desktop.feed.errors import FeedFormatError
from antihjalte_desktop.feed.merge import merge

from .conftest import SAMPLES

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
ME = ics.Identity("aaaa1111bbbb2222", "Monica Eriksson", "monica@example.se", "full")


def test_split_finds_components_and_their_own_props() -> None:
    data = (SAMPLES / "outlook.ics").read_bytes()
    doc = rawics.split(data)
    kinds = [c.kind for c in doc.components]
    assert kinds == ["VTIMEZONE"] + ["VEVENT"] * 6
    ev = doc.components[1]
    # a folded UID is unfolded; the VALARM inside does not count
    assert ev.uid.startswith("040000008200E00074C5B7101A82E008") and " " not in ev.uid
    assert ev.recurring and not ev.override and ev.has_dtstart
    assert doc.components[2].override
    # the pieces put back together are the file
    parts = [data[: doc.header_end]]
    pos = doc.header_end
    for c in doc.components:
        parts.append(data[pos : c.start])
        parts.append(doc.raw(c))
        pos = c.end
    parts.append(data[pos:])
    assert b"".join(parts) == data


def test_split_ignores_uid_of_a_valarm() -> None:
    data = (
        b"BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261201\nBEGIN:VALARM\n"
        b"UID:alarm-uid\nTRIGGER:-PT5M\nEND:VALARM\nUID:event-uid\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    doc = rawics.split(data)
    # the event's own UID, even after the alarm; the alarm's UID does not count
    assert doc.components[0].uid == "event-uid"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02BEGIN:VCALENDAR", "binary"),
        ("BEGIN:VCALENDAR\nX-WR-CALNAME:Sjöberg\nEND:VCALENDAR\n".encode("latin-1"), "UTF-8"),
        (b"BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\nDTSTART:20261201T100000Z\n", "cut off"),
        (b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nEND:VTODO\nEND:VCALENDAR\n", "END:VTODO"),
        (b"hello\nBEGIN:VCALENDAR\nEND:VCALENDAR\n", "before BEGIN:VCALENDAR"),
        (b"BEGIN:VCALENDAR\nEND:VCALENDAR\ngarbage\n", "after END:VCALENDAR"),
        (b"<html><body>404</body></html>", "no BEGIN:VCALENDAR"),
    ],
)
def test_split_refuses_damaged_files(data: bytes, words: str) -> None:
    with pytest.raises(FeedFormatError, match=words):
        rawics.split(data)


def test_validate_requires_dtstart() -> None:
    doc = rawics.split(b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:no-start\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n")
    with pytest.raises(FeedFormatError, match=r"no-start.*no DTSTART"):
        rawics.validate(doc)


def test_size_limit() -> None:
    with pytest.raises(FeedFormatError, match="MB"):
        rawics.split(b"BEGIN:VCALENDAR\nEND:VCALENDAR\n" + b" " * 200, max_bytes=100)


# -- the mapping ------------------------------------------------------------------------------
def test_focus_event_format() -> None:
    raw = ics.focus_event(date(2026, 12, 4), ME).render(3, NOW)
    assert raw.endswith(b"\r\n") and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(ics.new_calendar_header() + raw + b"END:VCALENDAR\r\n")
    ev = cal.walk("VEVENT")[0]
    assert ev.decoded("DTSTART") == date(2026, 12, 4) and ev.decoded("DTEND") == date(2026, 12, 5)
    assert str(ev["SUMMARY"]) == "Antihjälte: Monica Eriksson"
    assert ev["SEQUENCE"] == 3 and str(ev["TRANSP"]) == "OPAQUE"
    assert str(ev["X-MICROSOFT-CDO-BUSYSTATUS"]) == "BUSY"
    assert ev["ORGANIZER"].params["CN"] == "Monica Eriksson"
    assert str(ev["ORGANIZER"]) == "mailto:monica@example.se"
    assert str(ev["X-ANTIHJALTE-PROFILE"]) == ME.profile_id
    assert "DTSTAMP" in ev and "LAST-MODIFIED" in ev
    assert str(ev["UID"]) == ics.focus_uid(date(2026, 12, 4), ME.profile_id)
    assert [str(c) for c in ev["CATEGORIES"].cats] == ["ANTIHJALTE"]
    head = icalendar.Calendar.from_ical(ics.new_calendar_header() + b"END:VCALENDAR\r\n")
    assert str(head["X-PUBLISHED-TTL"]) == "PT1H" and "REFRESH-INTERVAL" in head
    assert str(head["VERSION"]) == "2.0" and "PRODID" in head and "X-WR-CALNAME" in head


@pytest.mark.parametrize(
    ("show_as", "summary", "cn", "mail"),
    [
        ("full", "Antihjälte: Monica Eriksson", "Monica Eriksson", True),
        ("initials", "Antihjälte: M.E.", "M.E.", False),
        ("anonymous", "Antihjälte", "Antihjälte", False),
    ],
)
def test_show_as(show_as: str, summary: str, cn: str, mail: bool) -> None:
    ident = ics.Identity("p1", "Monica Eriksson", "monica@example.se", show_as)
    raw = ics.focus_event(date(2026, 12, 4), ident).render(0, NOW)
    assert f"SUMMARY:{summary}".encode() in raw
    assert f"ORGANIZER;CN={cn}:".encode() in raw
    assert (b"monica@example.se" in raw) is mail


def test_long_names_fold_without_splitting_letters() -> None:
    ident = ics.Identity("p1", "Åsa Öberg-Ärlemalm " * 6, "", "full")
    raw = ics.focus_event(date(2026, 12, 4), ident).render(0, NOW)
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # no character cut in two
    cal = icalendar.Calendar.from_ical(ics.new_calendar_header() + raw + b"END:VCALENDAR\r\n")
    assert str(cal.walk("VEVENT")[0]["SUMMARY"]) == ident.summary


def test_hero_event_is_monday_to_friday_and_free() -> None:
    raw = ics.hero_event(date(2026, 12, 7), "Olle Ek", "olle@example.se", ME).render(0, NOW)
    cal = icalendar.Calendar.from_ical(ics.new_calendar_header() + raw + b"END:VCALENDAR\r\n")
    ev = cal.walk("VEVENT")[0]
    assert ev.decoded("DTSTART") == date(2026, 12, 7) and ev.decoded("DTEND") == date(2026, 12, 12)
    assert str(ev["SUMMARY"]) == "Veckans hjälte: Olle Ek"
    assert [str(c) for c in ev["CATEGORIES"].cats] == ["VECKANS-HJALTE"]
    assert str(ev["TRANSP"]) == "TRANSPARENT"
    assert str(ev["UID"]) == f"veckans-hjalte-2026-W50-{ME.profile_id}@antihjalte"


# -- the merge --------------------------------------------------------------------------------
def _desired(*days: date) -> dict[str, ics.OwnEvent]:
    evs = [ics.focus_event(d, ME) for d in days]
    return {e.uid: e for e in evs}


def test_merge_adds_updates_removes_only_own() -> None:
    sample = (SAMPLES / "google.ics").read_bytes()
    r1 = merge(rawics.split(sample), _desired(date(2026, 12, 4), date(2026, 12, 8)), ME.profile_id, NOW)
    assert r1.changed and r1.added == 2
    out1 = r1.data
    # the same wish again: nothing changes, not even DTSTAMP
    r2 = merge(
        rawics.split(out1),
        _desired(date(2026, 12, 4), date(2026, 12, 8)),
        ME.profile_id,
        datetime(2026, 12, 1, tzinfo=UTC),
    )
    assert not r2.changed and r2.data == out1
    # a rename bumps SEQUENCE of both days; removing one day deletes it
    other = ics.Identity(ME.profile_id, "Monica Ek", ME.email)
    want = {e.uid: e for e in [ics.focus_event(date(2026, 12, 4), other)]}
    r3 = merge(rawics.split(out1), want, ME.profile_id, NOW)
    assert r3.updated == 1 and r3.removed == 1
    doc3 = rawics.split(r3.data)
    own = [c for c in doc3.components if c.owner == ME.profile_id]
    assert len(own) == 1 and own[0].sequence == 1
    assert b"Monica Ek" in r3.data
    # every component of the sample is still there byte for byte, in order
    sample_doc = rawics.split(sample)
    kept = [doc3.raw(c) for c in doc3.components if c.owner != ME.profile_id]
    assert kept == [sample_doc.raw(c) for c in sample_doc.components]


def test_merge_never_touches_someone_elses_event() -> None:
    colleague = ics.Identity("cccc", "Olle Ek")
    theirs = ics.focus_event(date(2026, 12, 4), colleague).render(5, NOW)
    feed = ics.new_calendar_header() + theirs + b"END:VCALENDAR\r\n"
    r = merge(rawics.split(feed), {}, ME.profile_id, NOW)
    assert not r.changed and r.data == feed
    # a wish whose UID another profile holds is skipped, not taken over
    stolen = {ics.focus_uid(date(2026, 12, 4), "cccc"): ics.focus_event(date(2026, 12, 4), colleague)}
    r = merge(rawics.split(feed), stolen, ME.profile_id, NOW)
    assert [s.uid for s in r.squatted] == list(stolen) and r.data == feed


def test_merge_adds_only_missing_refresh_hints_and_keeps_foreign_calendar_props() -> None:
    feed = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\nX-WR-CALNAME:Annat\r\n"
        b"X-PUBLISHED-TTL:PT6H\r\nX-OTHER-THING:keep me\r\nEND:VCALENDAR\r\n"
    )
    r = merge(rawics.split(feed), {}, ME.profile_id, NOW)
    out = r.data
    assert out.count(b"X-PUBLISHED-TTL") == 1 and b"X-PUBLISHED-TTL:PT6H" in out
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in out
    assert b"PRODID:-//Other//EN" in out and b"X-OTHER-THING:keep me" in out
    assert b"X-WR-CALNAME:Annat" in out and b"Antihj" not in out


def test_merge_sequence_never_goes_back() -> None:
    ev = ics.focus_event(date(2026, 12, 4), ME)
    r = merge(None, {ev.uid: ev}, ME.profile_id, NOW, seq_floor={ev.uid: 7})
    assert r.sequences[ev.uid] == 8


def test_merge_drops_own_duplicates() -> None:
    ev = ics.focus_event(date(2026, 12, 4), ME)
    feed = ics.new_calendar_header() + ev.render(0, NOW) + ev.render(0, NOW) + b"END:VCALENDAR\r\n"
    r = merge(rawics.split(feed), {ev.uid: ev}, ME.profile_id, NOW)
    assert r.removed == 1
    assert r.data.count(b"BEGIN:VEVENT") == 1


# -- hypothesis: any soup of components splits back to the same bytes -------------------------
_prop = st.sampled_from(
    [
        "SUMMARY:Möte",
        "DTSTART:20261201T100000Z",
        "DTSTART;VALUE=DATE:20261201",
        "UID:abc",
        "X-ANTIHJALTE-PROFILE:zz",
        "DESCRIPTION:lång text\\, med komma",
        "RRULE:FREQ=DAILY;COUNT=3",
        'ORGANIZER;CN="Berg, Anna":mailto:a@b.se',
        "SEQUENCE:4",
        'X-FOO;X-P="a:b":c',
    ]
)
_component = st.tuples(
    st.sampled_from(["VEVENT", "VTODO", "VJOURNAL", "X-THING"]), st.lists(_prop, max_size=5), st.booleans()
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(comps=st.lists(_component, max_size=6), crlf=st.booleans(), head=st.lists(_prop, max_size=2))
def test_split_roundtrip_property(
    comps: list[tuple[str, list[str], bool]], crlf: bool, head: list[str]
) -> None:
    nl = "\r\n" if crlf else "\n"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", *head]
    for kind, props, alarm in comps:
        lines.append(f"BEGIN:{kind}")
        lines.extend(props)
        if alarm:
            lines += ["BEGIN:VALARM", "UID:inner", "END:VALARM"]
        lines.append(f"END:{kind}")
    lines.append("END:VCALENDAR")
    data = (nl.join(lines) + nl).encode()
    doc = rawics.split(data)
    assert len(doc.components) == len(comps)
    assert (
        b"".join([data[: doc.header_end], *[doc.raw(c) for c in doc.components], data[doc.footer_start :]])
        == data
    )
    for c, (_kind, props, _alarm) in zip(doc.components, comps, strict=True):
        assert (c.uid == "abc") == ("UID:abc" in props)
    r = merge(doc, {}, "me", NOW)
    assert (
        r.data.replace(b"X-PUBLISHED-TTL:PT1H" + nl.encode(), b"").replace(
            b"REFRESH-INTERVAL;VALUE=DURATION:PT1H" + nl.encode(), b""
        )
        == data
    )
