"""The feed's transports and file checks in Swedish: real `antihjalte sync` runs that fail.

Each case sets up one profile whose feed is broken in one way (a file too large, a folder or a
named pipe where the file should be, a damaged calendar, a dead port, a loopback server answering
401/403/404/500, a redirect to a metadata address, a server too slow to answer, a password that
would go over plain http) and runs the same sync in English (LANG=C.UTF-8) and in Swedish
(LANG=sv_SE.UTF-8). Both exit with the same code; the Swedish reason differs from the English
and holds none of the English words a half-translated message would leak, on stderr and in
feed-status.json, which the tray shows. What a message quotes (paths, addresses, iCalendar
names), placeholders, setting keys and commands are not prose and are left out of that check.

The servers are real loopback sockets (tests/network/tiny.py); nothing is timed: a slow server
is ended by the request deadline, and the child's own timeout only guards against a hang.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests import swedish
from tests.network.test_deadlines import DRIP_HEADERS, DripServer
from tests.network.tiny import TinyServer

ROOT = Path(__file__).resolve().parents[2]
EN = "C.UTF-8"
SV = "sv_SE.UTF-8"

_NOT_PROSE = [
    re.compile(r"”[^”]*”|“[^”]*”|'[^']*'"),  # what the message quotes
    re.compile(r"\(antihjalte [^)]*\)"),  # commands
    re.compile(r"\b(?:https?|webcal)://\S+"),  # addresses
    re.compile(r"(?<![\w.])/[^\s,;:()]+"),  # paths
    re.compile(r"\b[a-z_]+\.[a-z_]+\b"),  # setting keys, file names
    re.compile(r"\b[A-Z][A-Z0-9-]*(?::[A-Z0-9-]+)?\b"),  # BEGIN:VCALENDAR, DTSTART, NUL, CR
    re.compile(r"^antihjalte:", re.M),  # the program's name
]


def english_words(text: str) -> set[str]:
    return set(swedish.english_words(text, *_NOT_PROSE))


def reason_of(stderr: str) -> str:
    """The last line without the program's name and the sync's own prefix ("not synced: ",
    which feed/sync.py writes; its Swedish comes with that module's texts)."""
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    assert lines, "a failure must say why on stderr"
    line = lines[-1].removeprefix("antihjalte: ")
    for prefix in ("not synced: ", "inte synkad: "):
        line = line.removeprefix(prefix)
    return line


class Profile:
    """One profile (its own home), run as the real command in a child process."""

    def __init__(self, home: Path) -> None:
        self.home = home

    def run(self, *args: str, lang: str = EN, input: str | None = None, timeout: float = 60) -> Any:
        env = dict(os.environ, ANTIHJALTE_HOME=str(self.home), ANTIHJALTE_NOW="2026-11-30T09:00:00+01:00")
        env["LANG"] = lang
        env.pop("LC_ALL", None)
        env.pop("LANGUAGE", None)
        env.pop("LC_MESSAGES", None)
        env["PYTHONPATH"] = str(ROOT)
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "antihjalte_desktop", *args],
                capture_output=True,
                text=True,
                env=env,
                input=input,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"antihjalte {' '.join(args)} still ran after {timeout} s")
        assert "Traceback" not in proc.stderr, proc.stderr
        return proc

    def ok(self, *args: str) -> None:
        r = self.run(*args)
        assert r.returncode == 0, r.stderr

    def status_reason(self) -> str:
        return str(json.loads((self.home / "data" / "feed-status.json").read_text())["reason"])


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    p = Profile(tmp_path / "home")
    p.ok("config", "set", "me.name", "Olle Ek")
    p.ok("plan", "add", "2026-12-04")
    return p


def sync_both(p: Profile, *args: str, code: int = 1, input: str | None = None) -> tuple[str, str]:
    """``sync`` in English and in Swedish: the same exit code, a different reason, a Swedish one
    free of English words, on stderr and in feed-status.json. Returns (english, swedish)."""
    en = p.run("sync", *args, lang=EN, input=input)
    en_status = p.status_reason()
    sv = p.run("sync", *args, lang=SV, input=input)
    sv_status = p.status_reason()
    assert en.returncode == code, en.stderr
    assert sv.returncode == code, sv.stderr
    en_reason, sv_reason = reason_of(en.stderr), reason_of(sv.stderr)
    assert en_reason != sv_reason, sv_reason
    assert not english_words(sv_reason), (sorted(english_words(sv_reason)), sv_reason)
    assert sv_status == sv_reason and en_status == en_reason
    return en_reason, sv_reason


def test_the_check_finds_english_words() -> None:
    assert english_words("the feed is cut off: END:VEVENT is missing at the end") == {
        "the", "feed", "is", "at"
    }  # fmt: skip
    assert not english_words("teamkalendern är avklippt: END:VEVENT saknas i slutet (/tmp/x/team.ics)")


# -- a feed file ------------------------------------------------------------------------------------
def test_a_feed_file_too_large(profile: Profile, tmp_path: Path) -> None:
    feed = tmp_path / "team.ics"
    with feed.open("wb") as fh:
        fh.truncate(40 * 1024 * 1024)  # sparse: no 40 MB written
    profile.ok("feed", "set", str(feed))
    en, sv = sync_both(profile)
    assert "the feed is 40 MB, more than the 32 MB this app reads" in en
    assert "teamkalendern är 40 MB, mer än de 32 MB som appen läser" in sv
    assert feed.stat().st_size == 40 * 1024 * 1024


def test_a_folder_where_the_feed_should_be(profile: Profile, tmp_path: Path) -> None:
    feed = tmp_path / "team.ics"
    feed.mkdir()
    profile.ok("feed", "set", str(feed))
    en, sv = sync_both(profile)
    assert f"the feed {feed} is a folder; name a file in it" in en
    assert f"teamkalendern {feed} är en mapp; ange en fil i den" in sv
    assert not (tmp_path / "team.ics.lock").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_where_the_feed_should_be(profile: Profile, tmp_path: Path) -> None:
    feed = tmp_path / "team.ics"
    os.mkfifo(feed)
    profile.ok("feed", "set", str(feed))
    en, sv = sync_both(profile)
    assert "is a named pipe (FIFO), not a file; nothing was synced" in en
    assert "är en namngiven pipe (FIFO), ingen fil; ingenting synkades" in sv


def test_a_folder_where_the_lock_should_be(profile: Profile, tmp_path: Path) -> None:
    feed = tmp_path / "team.ics"
    (tmp_path / "team.ics.lock").mkdir()
    profile.ok("feed", "set", str(feed))
    en, sv = sync_both(profile)
    assert "is a folder, not a lock file this app made" in en
    assert "är en mapp, ingen låsfil som appen har skapat" in sv


def test_a_missing_shared_folder(profile: Profile, tmp_path: Path) -> None:
    profile.ok("feed", "set", str(tmp_path / "gone" / "team.ics"))
    en, sv = sync_both(profile)
    assert "does not exist (is the share mounted?)" in en
    assert "finns inte (är den delade mappen monterad?)" in sv


@pytest.mark.parametrize(
    ("data", "english", "swedish"),
    [
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n",
            "the feed is cut off: END:VEVENT is missing at the end",
            "teamkalendern är avklippt: END:VEVENT saknas i slutet",
        ),
        (b"BEGIN:VCALENDAR\r\n\x00\x01END:VCALENDAR\r\n", "binary data (NUL bytes)", "binärdata (NUL-byte)"),
        (b"\r\n\r\n", "the feed file is empty", "filen med teamkalendern är tom"),
        (b"BEGIN:VCALENDAR\r\nX:\xff\r\nEND:VCALENDAR\r\n", "is not UTF-8 text (line 2)", "(rad 2)"),
        (b"BEGIN:VCALENDAR\rVERSION:2.0\rEND:VCALENDAR\r", "carriage return only", "bara med vagnretur"),
        (b"hello\r\n", "not a calendar: there is no BEGIN:VCALENDAR", "ingen kalender"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "line 2: the event 'u1' has no DTSTART",
            "rad 2: händelsen ”u1” saknar DTSTART",
        ),
        (
            b"BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "line 2: END:VEVENT where END:VCALENDAR was expected",
            "rad 2: END:VEVENT där END:VCALENDAR skulle ha stått",
        ),
    ],
    ids=["cut-off", "nul", "empty", "not-utf8", "cr-only", "no-calendar", "no-dtstart", "wrong-end"],
)
def test_a_malformed_feed_is_left_as_it_is(
    profile: Profile, tmp_path: Path, data: bytes, english: str, swedish: str
) -> None:
    feed = tmp_path / "team.ics"
    feed.write_bytes(data)
    profile.ok("feed", "set", str(feed))
    en, sv = sync_both(profile)
    assert english in en
    assert swedish in sv
    assert feed.read_bytes() == data


# -- a server -------------------------------------------------------------------------------------
def _dead_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = int(s.getsockname()[1])
    s.close()  # nothing listens there now
    return port


def test_a_dead_port(profile: Profile) -> None:
    profile.ok("feed", "set", f"http://127.0.0.1:{_dead_port()}/team.ics", "--kind", "webdav")
    en, sv = sync_both(profile)
    assert "the server 127.0.0.1 refused the connection (is it running?)" in en
    assert "servern 127.0.0.1 tog inte emot anslutningen (är den igång?)" in sv


Answer = Callable[[Any], tuple[int, dict[str, str], bytes]]


def _always(status: int, headers: dict[str, str] | None = None) -> Answer:
    def answer(_h: Any) -> tuple[int, dict[str, str], bytes]:
        return status, dict(headers or {}), b""

    return answer


@pytest.mark.parametrize(
    ("status", "english", "swedish"),
    [
        (403, "the server does not allow this user to read", "servern låter inte ditt användarnamn läsa"),
        (404, "was not found (404)", "finns inte (404)"),
        (500, "the server answered 500 to read", "servern svarade 500 när appen skulle läsa"),
        (507, "the server has no room left for", "servern har inget utrymme kvar för"),
    ],
)
def test_a_server_refuses(profile: Profile, status: int, english: str, swedish: str) -> None:
    with TinyServer("127.0.0.1", _always(status)) as srv:
        profile.ok("feed", "set", f"http://127.0.0.1:{srv.port}/team.ics", "--kind", "webdav")
        en, sv = sync_both(profile)
    assert english in en
    assert swedish in sv


def test_a_server_says_401_without_a_user(profile: Profile) -> None:
    with TinyServer("127.0.0.1", _always(401)) as srv:
        profile.ok("feed", "set", f"http://127.0.0.1:{srv.port}/team.ics", "--kind", "webdav")
        en, sv = sync_both(profile)
    assert "wrong user name or password (none is set: antihjalte feed login)" in en
    assert "fel användarnamn eller lösenord på" in sv and "inget är sparat (antihjalte feed login)" in sv


def test_a_server_says_401_to_a_user(profile: Profile) -> None:
    with TinyServer("127.0.0.1", _always(401)) as srv:
        url = f"http://127.0.0.1:{srv.port}/team.ics"
        profile.ok("feed", "set", url, "--kind", "webdav", "--user", "olle")
        en, sv = sync_both(profile, "--password-stdin", input="wrong\n")
    assert "wrong user name or password for 'olle' at" in en
    assert "fel användarnamn eller lösenord för ”olle” på" in sv


def test_a_password_over_plain_http_is_refused(profile: Profile) -> None:
    # refused before any name lookup: dav.invalid is never contacted
    profile.ok("feed", "set", "http://dav.invalid/team.ics", "--kind", "webdav", "--user", "olle")
    en, sv = sync_both(profile, "--password-stdin", input="secret\n")
    assert "refusing to send a password over plain http:// to dav.invalid" in en
    assert "appen skickar inga lösenord okrypterat över http:// till dav.invalid" in sv


def test_a_redirect_to_a_metadata_address_is_refused(profile: Profile) -> None:
    answer = _always(302, {"Location": "http://169.254.169.254/latest/meta-data/"})
    with TinyServer("127.0.0.1", answer) as srv:
        profile.ok("feed", "set", f"http://127.0.0.1:{srv.port}/team.ics", "--kind", "webdav")
        en, sv = sync_both(profile)
        assert "PUT" not in srv.requests  # nothing was written anywhere
    assert "a link-local or cloud metadata address; refused" in en
    assert "en lokal länkadress eller en molntjänsts metadataadress; appen följde inte med dit" in sv


def test_a_server_that_never_finishes_its_answer(profile: Profile) -> None:
    with DripServer(DRIP_HEADERS) as srv:
        profile.ok("feed", "set", srv.url, "--kind", "webdav")
        profile.ok("config", "set", "feed.http_deadline_seconds", "5")
        en, sv = sync_both(profile)
    assert "did not send its whole answer within 5 s (feed.http_deadline_seconds); stopped" in en
    assert "skickade inte hela svaret inom 5 s (feed.http_deadline_seconds); försöket avbröts" in sv


def test_the_sync_deadline_while_waiting_for_a_server(profile: Profile) -> None:
    with DripServer(DRIP_HEADERS) as srv:
        profile.ok("feed", "set", srv.url, "--kind", "webdav")
        profile.ok("config", "set", "feed.http_deadline_seconds", "600")
        profile.ok("config", "set", "feed.sync_deadline_seconds", "10")
        en, sv = sync_both(profile)
    assert "the sync was stopped after 10 s (feed.sync_deadline_seconds) while waiting for 127.0.0.1" in en
    assert "synken stoppades efter 10 s (feed.sync_deadline_seconds) medan appen väntade på 127.0.0.1" in sv
    assert "dina lokala ändringar sparas till nästa synk" in sv
