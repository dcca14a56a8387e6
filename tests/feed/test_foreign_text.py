"""Foreign text is never printed raw (issue 15, item 4): escape sequences, C1 controls and bidi overrides
in a colleague's name, a feed line or an imported file reach neither the terminal (stdout, stderr of the
real command) nor ``feed-status.json``; they are shown escaped, and ``--json`` stays valid JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from antihjalte_desktop.core.text import dumps, printable
from tests.conftest import Cli

# retitle the terminal, clear it, an 8-bit CSI, a right-to-left override, a line separator, a bell
HOSTILE_NAME = "Olle\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eEk\u2028Stina"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u2028", "\x00")

HEAD = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\n"
TAIL = b"END:VCALENDAR\r\n"


def _clean(*texts: str) -> None:
    for text in texts:
        for ch in RAW:
            assert ch not in text, f"raw {ch!r} printed: {text[:300]!r}"


def _feed(tmp_path: Path, body: bytes) -> Path:
    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir(exist_ok=True)
    feed.write_bytes(HEAD + body + TAIL)
    return feed


def test_printable_escapes_what_a_terminal_acts_on() -> None:
    assert printable("Åsa Öberg, tab\tand é") == "Åsa Öberg, tab\\x09and é"
    assert printable(HOSTILE_NAME) == "Olle\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202eEk\\u2028Stina"
    assert printable("a\x7fb\x85c\u2066d\ufeffe\udcff") == "a\\x7fb\\x85c\\u2066d\\ufeffe\\udcff"
    assert printable(printable(HOSTILE_NAME)) == printable(HOSTILE_NAME)
    out = dumps({"name": HOSTILE_NAME})
    _clean(out)
    assert json.loads(out) == {"name": HOSTILE_NAME}


def test_team_sync_and_feed_show_escape_a_colleagues_name(cli: Cli, tmp_path: Path) -> None:
    cn = HOSTILE_NAME.encode()
    event = (
        b"BEGIN:VEVENT\r\nUID:olle-1@example.se\r\nDTSTAMP:20261101T100000Z\r\n"
        b"DTSTART;VALUE=DATE:20261208\r\nDTEND;VALUE=DATE:20261209\r\nSUMMARY:Semester " + cn + b"\r\n"
        b'ORGANIZER;CN="' + cn + b'":mailto:olle@example.se\r\nEND:VEVENT\r\n'
        # a repeating event too often to show: its summary goes into a warning of every sync
        b"BEGIN:VEVENT\r\nUID:storm-1@example.se\r\nDTSTART:20260101T000000Z\r\n"
        b"DTEND:20260101T000001Z\r\nRRULE:FREQ=SECONDLY\r\nSUMMARY:" + cn + b"\r\nEND:VEVENT\r\n"
    )
    feed = _feed(tmp_path, event)
    cli("feed", "set", str(feed), check=True)
    cli("config", "set", "me.name", "Anna Berg", check=True)
    r = cli("sync")
    assert r.returncode == 0, r.stderr
    _clean(r.stdout, r.stderr)
    assert "repeats too often" in r.stderr
    team = cli("team", "--from", "2026-12-07", "--to", "2026-12-09")
    assert team.returncode == 0, team.stderr
    _clean(team.stdout, team.stderr)
    assert printable(HOSTILE_NAME) in team.stdout  # shown, escaped: what is there is visible
    j = cli("team", "--from", "2026-12-07", "--to", "2026-12-09", "--json", check=True)
    _clean(j.stdout)
    assert any(HOSTILE_NAME in e["person"] for e in json.loads(j.stdout))  # the data itself is intact
    show = cli("feed", "show", check=True)
    _clean(show.stdout, show.stderr)
    status_file = (cli.home / "data" / "feed-status.json").read_text(encoding="utf-8")
    _clean(status_file, *json.loads(status_file)["warnings"])
    # the colleague's name in a team rule message of plan add (stderr)
    r = cli("plan", "add", "2026-12-08", "--cover", HOSTILE_NAME.split("\x1b")[0] + " Ek")
    _clean(r.stdout, r.stderr)


@pytest.mark.parametrize("json_out", [False, True], ids=["text", "json"])
def test_an_error_quoting_the_feed_is_escaped(cli: Cli, tmp_path: Path, json_out: bool) -> None:
    """A broken feed line is quoted in the reason: on stderr, in --json and in the status file."""
    feed = _feed(tmp_path, b"BEGIN:X\x1b]0;pwned\x07\xc2\x9b2J\r\nEND:X\x1b]0;pwned\x07\xc2\x9b2J\r\n")
    before = feed.read_bytes()
    cli("feed", "set", str(feed), check=True)
    cli("plan", "add", "2026-12-08", check=True)
    r = cli("sync", *(["--json"] if json_out else []))
    assert r.returncode == 1
    _clean(r.stdout, r.stderr)
    reason = json.loads(r.stdout)["reason"] if json_out else r.stderr
    assert "is not a component name" in reason and "BEGIN:X\\x1b]0;PWNED\\x07" in reason
    assert feed.read_bytes() == before
    status = json.loads((cli.home / "data" / "feed-status.json").read_text(encoding="utf-8"))
    _clean(status["reason"])
    assert "\\x1b" in status["reason"]
    show = cli("feed", "show", check=True)
    _clean(show.stdout, show.stderr)
    assert "Not synced: " in show.stdout and "\\x1b" in show.stdout


def test_an_old_status_file_with_raw_text_is_shown_escaped(cli: Cli) -> None:
    """feed-status.json written before this escaping (or edited): ``feed show`` still escapes it."""
    cli("feed", "show", check=True)
    status = {"in_sync": False, "state": "error", "reason": "the server said \x1b[2J\x1b]0;x\x07"}
    (cli.home / "data" / "feed-status.json").write_text(json.dumps(status), encoding="utf-8")
    show = cli("feed", "show", check=True)
    _clean(show.stdout, show.stderr)
    assert "the server said \\x1b[2J" in show.stdout


def test_imported_journal_text_is_shown_escaped(cli: Cli, tmp_path: Path) -> None:
    doc = {
        "entries": [
            {
                "date": "2026-11-20",
                "title": "Retro \x1b]0;pwned\x07\u202e",
                "body": "text \x1b[2J more",
                "tags": ["x\x9by"],
            }
        ]
    }
    src = tmp_path / "import.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    r = cli("journal", "import", str(src))
    assert r.returncode == 0, r.stderr
    _clean(r.stdout, r.stderr)
    for args in (("journal", "list"), ("journal", "list", "--json"), ("journal", "search", "more")):
        out = cli(*args, check=True)
        _clean(out.stdout, out.stderr)
    assert "Retro \\x1b]0;pwned\\x07\\u202e" in cli("journal", "list", check=True).stdout


def test_the_log_file_escapes_what_it_quotes(tmp_path: Path) -> None:
    import logging

    from antihjalte_desktop.store.logs import setup_file_logging
    from antihjalte_desktop.store.paths import Paths

    root = logging.getLogger("antihjalte")
    before = list(root.handlers)
    path = setup_file_logging(Paths.resolve(tmp_path / "home").ensure())
    try:
        log = logging.getLogger("antihjalte.feed")
        log.warning("the server said %s", HOSTILE_NAME + "\nantihjalte: forged line")
        try:
            raise ValueError("bad \x1b[2J")
        except ValueError:
            log.error("unexpected error", exc_info=True)
    finally:
        for h in root.handlers[len(before) :]:
            h.close()
            root.removeHandler(h)
    text = path.read_text(encoding="utf-8")
    _clean(text)
    assert printable(HOSTILE_NAME) + "\\x0aantihjalte: forged line" in text
    assert "Traceback (most recent call last):\n" in text and "ValueError: bad \\x1b[2J" in text
