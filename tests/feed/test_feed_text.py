"""Issue 15, items 1 and 2: nothing a profile types reaches the team feed as structure, and
nothing is written that a read would refuse. Real files, real SQLite, real subprocesses."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from antihjalte_desktop.feed import ics, rawics
from antihjalte_desktop.feed.backend import MAX_FEED_BYTES, megabytes
from antihjalte_desktop.feed.errors import FeedFormatError
from antihjalte_desktop.feed.state import FeedState, state_path

from ..conftest import ROOT, Cli

# The two payloads of the issue. One puts CR/LF and a bare "BEGIN:" into a roster entry's e-mail
# part: the feed became unreadable for everyone ("BEGIN: is not a component name"). The other is
# shaped so that the injected lines start right at a 75-octet fold and close the hero week early,
# plant a colleague's absence and take the rest of the hero week (its owner line) with it.
BREAKER = "Mallory Ek, mallory@example.se\r\nBEGIN:\r\nX:"
_FORGED = (
    "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged-absence@example.se\r\n"
    "DTSTART;VALUE=DATE:20261208\r\nDTEND;VALUE=DATE:20261209\r\nSUMMARY:Semester\r\n"
    "ORGANIZER;CN=Anna Berg:mailto:anna@example.se\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nX-IGNORE:"
)
# "ATTENDEE;CN=Mallory;ROLE=REQ-PARTICIPANT:mailto:" is 48 octets: pad the address to the fold.
FORGER = "Mallory, m" + "a" * (75 - 48 - len("m@x.se") - 1) + "m@x.se" + _FORGED


def _cli(home: Path) -> Cli:
    return Cli(home)


def _setup_feed(cli: Cli, tmp_path: Path) -> Path:
    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir(exist_ok=True)
    assert cli("feed", "set", str(feed)).returncode == 0
    assert cli("config", "set", "me.name", "Olle Ek").returncode == 0
    return feed


def _write_settings(home: Path, values: dict[str, object]) -> None:
    path = home / "config" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values, ensure_ascii=True), encoding="utf-8")


def _profile_id(home: Path) -> str:
    import sqlite3

    con = sqlite3.connect(home / "data" / "antihjalte.sqlite3")
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'profile_id'").fetchone()
    finally:
        con.close()
    return str(row[0])


def assert_feed_holds_exactly(
    data: bytes, own_uids: set[str], owner: str, others: set[str] = frozenset()
) -> None:  # type: ignore[assignment]
    """The feed parses (icalendar and the app's own reader), holds exactly the intended events,
    and every one of this profile's events carries its owner."""
    cal = icalendar.Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert sorted(uids) == sorted(own_uids | set(others)), uids
    for e in events:
        if str(e["UID"]) in own_uids:
            assert str(e.get("X-ANTIHJALTE-PROFILE")) == owner, e.to_ical()[:400]
    doc = rawics.split(data)
    rawics.validate(doc)
    assert sorted(c.uid for c in doc.components if c.kind == "VEVENT") == sorted(uids)
    assert {c.uid for c in doc.components if c.owner == owner} == own_uids


# -- first wall: where a value enters ----------------------------------------------------------
@pytest.mark.parametrize("payload", [BREAKER, FORGER], ids=["breaker", "forger"])
def test_injection_into_the_roster_is_refused_on_the_command_line(home: Path, payload: str) -> None:
    cli = _cli(home)
    r = cli("config", "set", "team.roster", json.dumps(["Anna Berg, anna@example.se", payload]))
    assert r.returncode == 2, r.stderr
    assert "team.roster" in r.stderr and "control character" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert "\r" not in r.stderr and "\x1b" not in r.stderr


@pytest.mark.parametrize(
    ("key", "value", "what"),
    [
        ("me.name", "Olle\x00Ek", "U+0000"),
        ("me.name", "Olle\x1b]0;pwned\x07", "U+001B"),
        ("me.name", "Olle\x0bEk", "U+000B"),
        ("me.name", "Olle\x85Ek", "U+0085"),
        ("me.name", "Olle\u2028Ek", "U+2028"),
        ("me.name", "Olle\u2029Ek", "U+2029"),
        ("me.name", "Olle\x7fEk", "U+007F"),
        ("me.email", "olle@example.se\x00", "U+0000"),
        ("me.email", "olle@example.se\r\nBEGIN:VEVENT", "U+000D"),
    ],
)
def test_control_characters_are_refused_from_stdin(home: Path, key: str, value: str, what: str) -> None:
    import subprocess
    import sys

    cli = _cli(home)
    proc = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", "config", "set", key, "-"],
        input=value.encode("utf-8"), capture_output=True, env=cli.env(), timeout=60,
    )  # fmt: skip
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert key in err and what in err and "Traceback" not in err
    assert cli("config", "get", key).stdout.strip() == ""


@pytest.mark.parametrize(
    ("key", "value", "limit"),
    [
        ("me.name", "Å" * 201, "200"),
        ("me.email", "o" * 245 + "@example.se", "254"),
        ("team.roster", json.dumps(["Anna, anna@example.se, " + "1" * 300]), "300"),
        ("team.roster", json.dumps(["A" * 201 + ", a@example.se"]), "200"),
    ],
)
def test_length_limits(home: Path, key: str, value: str, limit: str) -> None:
    r = _cli(home)("config", "set", key, value)
    assert r.returncode == 2, r.stderr
    assert key in r.stderr and f"limit is {limit}" in r.stderr


def test_values_at_the_limits_are_kept(home: Path) -> None:
    cli = _cli(home)
    name, email = "Å" * 200, "o" * 243 + "@example.se"
    assert len(email) == 254
    assert cli("config", "set", "me.name", name).returncode == 0
    assert cli("config", "set", "me.email", email).returncode == 0
    assert cli("config", "get", "me.name").stdout.strip() == name
    assert cli("config", "get", "me.email").stdout.strip() == email


def test_hostile_settings_file_is_refused_at_load_and_never_published(home: Path, tmp_path: Path) -> None:
    """Values put into settings.json by hand: each refused at load with a message naming the key,
    the default used; the feed that is written holds none of them."""
    cli = _cli(home)
    feed = _setup_feed(cli, tmp_path)
    _write_settings(
        home,
        {
            "feed.location": str(feed),
            "me.name": "Olle\x00Ek",
            "me.email": "olle@example.se\r\nBEGIN:",
            "team.roster": ["Anna Berg, anna@example.se", FORGER],
        },
    )
    r = cli("config", "list")
    assert r.returncode == 0, r.stderr
    for key in ("me.name", "me.email", "team.roster"):
        assert re.search(rf"antihjalte: settings: {re.escape(key)}\b.*ignored", r.stderr), r.stderr
    assert "\x00" not in r.stderr and "\r" not in r.stderr
    assert (
        cli("rota", "generate", "--from", "2026-11-30", "--weeks", "4").returncode == 1
    )  # the roster fell back to its default: empty
    assert cli("plan", "add", "2026-12-09").returncode == 0
    r = cli("sync")
    assert r.returncode == 0, r.stderr
    data = feed.read_bytes()
    assert b"\x00" not in data and b"Mallory" not in data and b"forged" not in data
    pid = _profile_id(home)
    assert_feed_holds_exactly(data, {ics.focus_uid(date(2026, 12, 9), pid)}, pid)


# -- second wall: the writer --------------------------------------------------------------------
@pytest.mark.parametrize("payload", [BREAKER, FORGER], ids=["breaker", "forger"])
def test_writer_wall_holds_for_a_rota_stored_before_the_checks(
    home: Path, tmp_path: Path, payload: str
) -> None:
    """A rota recorded by an older version (straight into the feed state, past every check at the
    door): the next sync still writes a feed every colleague can read, with exactly the intended
    events, and this profile's hero weeks keep their owner."""
    cli = _cli(home)
    feed = _setup_feed(cli, tmp_path)
    assert cli("plan", "add", "2026-12-16").returncode == 0
    from antihjalte_desktop.core.autoreply import parse_roster_entry

    weeks = []
    mondays = [date(2026, 11, 30), date(2026, 12, 7)]
    for monday, entry in zip(mondays, ["Anna Berg, anna@example.se", payload], strict=True):
        c = parse_roster_entry(entry)
        weeks.append((monday, c.name, c.email))
    st = FeedState(state_path(home / "data"))
    try:
        st.set_rota(weeks)
    finally:
        st.close()
    r = cli("sync")
    assert r.returncode == 0, r.stderr
    data = feed.read_bytes()
    pid = _profile_id(home)
    own = {
        ics.focus_uid(date(2026, 12, 16), pid),
        ics.hero_uid(date(2026, 11, 30), pid),
        ics.hero_uid(date(2026, 12, 7), pid),
    }
    assert_feed_holds_exactly(data, own, pid)
    assert b"forged-absence" not in b"\n".join(ln for ln in data.splitlines() if ln.startswith(b"UID"))
    # a colleague reads it: no error, and no absence of Anna's appears
    other = tmp_path / "colleague"
    other.mkdir()
    colleague = _cli(other)
    assert colleague("feed", "set", str(feed)).returncode == 0
    assert colleague("sync").returncode == 0
    team = colleague("team", "--json", "--from", "2026-12-07", "--to", "2026-12-11")
    assert team.returncode == 0, team.stderr
    entries = json.loads(team.stdout)
    assert not [e for e in entries if e["kind"] == "away"], entries
    # and this profile's next sync reads its own feed back without a change
    again = cli("sync", "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["wrote"] is False


def test_a_feed_over_the_limit_is_never_written(home: Path, tmp_path: Path) -> None:
    """A 1 MB name (stored past the checks) times a dozen hero weeks: the merged feed would pass
    the limit, so nothing is written, and the reason says so in the README's words."""
    cli = _cli(home)
    feed = _setup_feed(cli, tmp_path)
    assert cli("plan", "add", "2026-12-16").returncode == 0
    assert cli("sync").returncode == 0
    before = feed.read_bytes()
    big = "Olle " * 200_000
    st = FeedState(state_path(home / "data"))
    try:
        st.set_rota([(date(2026, 11, 30) + timedelta(weeks=i), big, "") for i in range(12)])
    finally:
        st.close()
    r = cli("sync")
    assert r.returncode == 1
    assert "nothing was written" in r.stderr and f"the {megabytes(MAX_FEED_BYTES)} this app reads" in r.stderr
    assert feed.read_bytes() == before


def test_the_size_limit_reads_the_same_in_the_readme_and_the_messages() -> None:
    limit = megabytes(MAX_FEED_BYTES)
    assert limit == "32 MB"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"over {limit}" in readme
    assert not re.search(r"\b(?!32 MB)(3[0-9]|20) MB this app", readme)
    with pytest.raises(FeedFormatError, match=f"more than the {limit} this app reads"):
        rawics.split(b"BEGIN:VCALENDAR\r\n" + b"X" * (MAX_FEED_BYTES + 1))


def test_check_before_write_refuses_an_event_that_would_not_read_back() -> None:
    good = ics.focus_event(date(2026, 12, 9), ics.Identity("p1", "Olle Ek", "olle@example.se"))
    raw = good.render(0, datetime(2026, 11, 30, tzinfo=UTC))
    rawics.check_before_write(len(raw), {good.uid: raw}, "p1")
    forged = raw.replace(b"TRANSP:", b"X-A:1\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged\r\nTRANSP:")
    bad_line = raw.replace(b"TRANSP:OPAQUE", b'TRANSP;X="a:OPAQUE')
    control = raw.replace(b"TRANSP:OPAQUE", b"TRANSP:OPA\x1bQUE")
    nul = raw.replace(b"TRANSP:OPAQUE", b"TRANSP:OPA\x00QUE")
    for bad in (forged, bad_line, control, nul):
        with pytest.raises(FeedFormatError, match="nothing was written"):
            rawics.check_before_write(len(bad), {good.uid: bad}, "p1")
    with pytest.raises(FeedFormatError, match="nothing was written"):
        rawics.check_before_write(len(raw), {good.uid: raw}, "someone-else")
    with pytest.raises(FeedFormatError, match="32 MB"):
        rawics.check_before_write(MAX_FEED_BYTES + 1, {}, "p1")


# -- folding ----------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [74, 75, 76, 1000, 1_000_000])
def test_folding_is_utf8_safe_and_within_75_octets(size: int) -> None:
    text = ("aå€😀" * size)[:size]
    line = "SUMMARY:" + text
    parts = ics.fold(line)
    assert all(len(p) <= 75 for p in parts)
    for p in parts:
        p.decode("utf-8")  # never half a character
    assert all(p.startswith(b" ") for p in parts[1:])
    assert parts[0] + b"".join(p[1:] for p in parts[1:]) == line.encode()


def test_messages_for_cr_only_and_bad_values_are_in_the_feeds_terms(home: Path, tmp_path: Path) -> None:
    cli = _cli(home)
    feed = _setup_feed(cli, tmp_path)
    assert cli("plan", "add", "2026-12-16").returncode == 0
    head = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
    cases = {
        b"BEGIN:VCALENDAR\rVERSION:2.0\rBEGIN:VEVENT\rUID:a\rDTSTART:20261201\rEND:VEVENT\rEND:VCALENDAR\r": (
            "carriage return only"
        ),
        head
        + b"BEGIN:VEVENT\r\nUID:x1\r\nDTSTART:garbage\r\nDURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n": (
            "its DTSTART is not a date or a date-time"
        ),
        head + b"BEGIN:VEVENT\r\nUID:x3\r\nDTSTART:20261201T100000Z\r\nDURATION:soon\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n": "its DURATION is not a duration",
        head + b"BEGIN:VEVENT\r\nUID:x5\r\nDTSTART;VALUE=DATE:20261201\r\n"
        b"DTEND;VALUE=PERIOD:20261201T100000Z/PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n": (
            "its DTEND is not a date"
        ),
    }
    for data, expected in cases.items():
        feed.write_bytes(data)
        r = cli("sync")
        assert r.returncode == 1, r.stderr
        assert expected in r.stderr, r.stderr
        for python in ("concatenate", "operand", "tuple", "str)", "datetime.", "NoneType", "'>'"):
            assert python not in r.stderr, r.stderr
        assert "cut off" not in r.stderr
        assert feed.read_bytes() == data
