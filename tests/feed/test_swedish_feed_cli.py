"""`antihjalte sync`, `feed …`, `team` and `rota generate` in Swedish and in English: the same exit
code in both languages, the Swedish text different from the English one and free of its words,
``--json`` the same in both; the reason a sync writes for the tray in the language of the process
that synced, the index's stored warnings in the language of whoever reads them."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

from antihjalte_desktop.core.i18n import language_as
from antihjalte_desktop.feed import ics, index, rawics
from antihjalte_desktop.feed.state import FeedState, state_path
from antihjalte_desktop.feed.sync import not_synced_line, reason_of
from tests import swedish

from ..conftest import Cli
from .conftest import NOW, STOCKHOLM


def english_words(text: str, *paths: Path | str) -> list[str]:
    """The English words left in ``text`` once paths, addresses, commands (``antihjalte feed
    set``), choices (``{auto,file,…}``), setting keys and option names (with ``--kind``'s value)
    are taken out."""
    return swedish.english_words(
        text,
        r"\S+://\S*",  # addresses
        r"\bantihjalte(?: [a-z][\w-]*)*",  # the program and its commands
        r"\{[^}]*\}",  # argparse's choices
        r"--kind \w+",
        r"\b\w+(?:\.\w+)+\b",  # setting keys (feed.user)
        r"(?<![\w-])--?[A-Za-z][\w-]*",
        paths=paths,
    )


def run(cli: Cli, lang: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The command with the locale saying the language (no ui.language in the settings)."""
    loc = "sv_SE.UTF-8" if lang == "sv" else "C.UTF-8"
    env = cli.env(LANGUAGE="", LC_ALL="", LC_MESSAGES="", LANG=loc)
    proc = cli(*args, env=env, input=stdin)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


def both(
    cli: Cli, *args: str, code: int, out: str = "stderr", paths: tuple[Path | str, ...] = ()
) -> tuple[str, str]:
    """Run in English, then in Swedish (the same profile): the same exit code ``code``; ``out``
    (stdout or stderr) differs and the Swedish one holds no English words. Returns (en, sv)."""
    en = run(cli, "en", *args)
    sv = run(cli, "sv", *args)
    assert en.returncode == sv.returncode == code, (args, en.returncode, en.stderr, sv.returncode, sv.stderr)
    en_text, sv_text = getattr(en, out), getattr(sv, out)
    assert en_text.strip() and sv_text.strip(), (en, sv)
    assert en_text != sv_text, sv_text
    left = english_words(sv_text, cli.home, *paths)
    assert not left, (left, sv_text)
    return en_text, sv_text


def same_json(cli: Cli, *args: str, code: int = 0, drop: tuple[str, ...] = ()) -> Any:
    """``--json`` in English and in Swedish: the same exit code and the same JSON (``drop``:
    fields that change from one run to the next, such as the failure count)."""
    en = run(cli, "en", *args, "--json")
    sv = run(cli, "sv", *args, "--json")
    assert en.returncode == sv.returncode == code, (en.stderr, sv.stderr)
    a, b = json.loads(en.stdout), json.loads(sv.stdout)
    if isinstance(a, dict):
        for key in drop:
            a.pop(key, None)
            b.pop(key, None)
    assert a == b
    return a


def status_file(cli: Cli) -> dict[str, Any]:
    data = json.loads((cli.home / "data" / "feed-status.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def shared_feed(cli: Cli, tmp_path: Path, *days: str) -> tuple[Path, str]:
    """Anna Berg on a shared file with ``days`` planned and synced: (the feed, her profile id)."""
    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    cli("config", "set", "me.name", "Anna Berg", check=True)
    cli("feed", "set", str(feed), check=True)
    for d in days:
        cli("plan", "add", d, check=True)
    cli("sync", check=True)
    return feed, _profile_id(cli)


def _profile_id(cli: Cli) -> str:
    line = next(
        ln for ln in cli("feed", "show", check=True).stdout.splitlines() if ln.startswith("Profile id")
    )
    return line.split(":", 1)[1].strip()


def _insert(feed: Path, *events: bytes) -> bytes:
    end = b"END:VCALENDAR\r\n"
    data = feed.read_bytes()
    assert data.endswith(end)
    new = data[: -len(end)] + b"".join(events) + end
    feed.write_bytes(new)
    return new


def _absence(uid: str, start: str, end: str, who: str = "Olle Ek", extra: str = "") -> bytes:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T100000Z\r\nDTSTART;VALUE=DATE:{start}\r\n"
        f"DTEND;VALUE=DATE:{end}\r\nSUMMARY:Semester\r\nORGANIZER;CN={who}:mailto:x@example.se\r\n"
        f"{extra}END:VEVENT\r\n"
    ).encode()


# -- --help -----------------------------------------------------------------------------------
def test_help_of_every_feed_command_is_swedish(cli: Cli) -> None:
    for args in (
        ("sync",),
        ("feed",),
        ("feed", "set"),
        ("feed", "show"),
        ("feed", "login"),
        ("feed", "subscribe"),
        ("team",),
        ("rota",),
        ("rota", "generate"),
    ):
        en, sv = both(cli, *args, "--help", code=0, out="stdout")
        assert "användning:" in sv and "usage:" in en, sv
    _en, sv = both(cli, "feed", "set", "--help", code=0, out="stdout")
    assert "SÖKVÄG_ELLER_ADRESS" in sv and "teamkalender på nätet" in sv
    _en, sv = both(cli, "sync", "--help", code=0, out="stdout")
    assert "likadan på alla språk" in sv


# -- no feed configured, bad arguments ------------------------------------------------------------
def test_no_feed_configured(cli: Cli) -> None:
    en, sv = both(cli, "feed", "show", code=0, out="stdout")
    assert "the file in this profile" in en and "Not synced yet" in en
    assert "filen i den här profilen" in sv and "Inte synkad än" in sv
    _en, sv = both(cli, "feed", "login", code=2)
    assert "teamkalendern har ingen nätadress" in sv and "antihjalte feed set ADRESS" in sv
    cli("plan", "add", "2026-12-04", check=True)
    _en, sv = both(cli, "feed", "show", code=0, out="stdout")
    assert "Inte synkad än; 1 ändring väntar" in sv


def test_bad_arguments(cli: Cli, tmp_path: Path) -> None:
    _en, sv = both(cli, "feed", "set", "https://dav.example.se/team.ics", "--kind", "file", code=2)
    assert "behöver en sökväg" in sv
    _en, sv = both(cli, "feed", "set", str(tmp_path / "x.ics"), "--kind", "webdav", code=2, paths=(tmp_path,))
    assert "--kind webdav behöver en adress" in sv
    _en, sv = both(cli, "team", "--from", "2026-12-10", "--to", "2026-12-01", code=2)
    assert "--to ligger före --from" in sv
    _en, sv = both(cli, "team", "--from", "2026-01-01", "--to", "2040-01-01", code=2)
    assert "högst tio år åt gången" in sv
    both(cli, "sync", "--bogus", code=2)
    _en, sv = both(cli, "feed", "subscribe", "--remove", "https://example.se/a.ics", code=2)
    assert "du prenumererar inte på" in sv
    # the address's own complaint is another module's; the advice after it is Swedish
    sv_out = run(cli, "sv", "feed", "subscribe", "ftp://example.se/a.ics")
    assert run(cli, "en", "feed", "subscribe", "ftp://example.se/a.ics").returncode == sv_out.returncode == 2
    assert "ange en adress som börjar med webcal:// eller https://" in sv_out.stderr
    # the rota: an empty roster, too many weeks
    _en, sv = both(cli, "rota", "generate", "--from", "2026-12-07", "--weeks", "2", code=1)
    assert "listan över teamets medlemmar är tom" in sv
    cli("config", "set", "team.roster", "Anna Berg;Olle Ek", check=True)
    _en, sv = both(cli, "rota", "generate", "--from", "2026-12-07", "--weeks", "600", code=1)
    assert "--weeks måste vara mellan 1 och 520" in sv


# -- normal reports -------------------------------------------------------------------------------
def test_set_sync_show_team_and_rota(cli: Cli, tmp_path: Path) -> None:
    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    cli("config", "set", "me.name", "Anna Berg", check=True)
    cli("config", "set", "team.roster", "Anna Berg;Olle Ek", check=True)
    _en, sv = both(cli, "feed", "set", str(feed), code=0, out="stdout", paths=(feed,))
    assert sv.startswith("Teamkalender: ") and "den läses och skrivs vid nästa synk" in sv
    cli("plan", "add", "2026-12-04", check=True)
    sv_sync = run(cli, "sv", "sync")
    assert sv_sync.returncode == 0 and sv_sync.stdout == f"Synkad: {feed} (1 tillagd)\n", sv_sync.stdout
    en_sync = run(cli, "en", "sync")
    assert en_sync.returncode == 0 and en_sync.stdout == f"In sync: {feed}\n"
    _en, sv = both(cli, "feed", "show", code=0, out="stdout", paths=(feed,))
    assert "Synkad (senast " in sv and "Typ: auto" in sv
    same_json(cli, "sync")
    # a colleague's absence: the team view names the kinds in the reader's language
    _insert(feed, _absence("olle-1@example.se", "20261203", "20261205"))
    cli("sync", check=True)
    en, sv = both(cli, "team", "--from", "2026-12-03", "--to", "2026-12-04", code=0, out="stdout")
    assert "2026-12-04  fre  antihjältedag: Anna Berg (du); borta: Olle Ek" in sv, sv
    assert "2026-12-04  Fri  focus: Anna Berg (you); away: Olle Ek" in en, en
    same_json(cli, "team", "--from", "2026-12-01", "--to", "2026-12-31")
    _en, sv = both(cli, "team", "--from", "2027-03-01", "--to", "2027-03-05", code=0, out="stdout")
    assert sv.startswith("Ingen har antihjältedag, är borta eller är veckans hjälte")
    en, sv = both(
        cli, "rota", "generate", "--from", "2026-12-07", "--weeks", "2", code=0, out="stdout", paths=(feed,)
    )
    assert "Veckans hjälte: Olle Ek" in sv and "Publicerat i " in sv and "Published in " in en


# -- a sync that fails: an event that cannot be read, a squatted UID -------------------------------
def test_an_event_that_cannot_be_read(cli: Cli, tmp_path: Path) -> None:
    feed, _pid = shared_feed(cli, tmp_path, "2026-12-02")
    bad = _absence("olle-1@example.se", "20261208", "20261210").replace(
        b"DTEND;VALUE=DATE:20261210\r\n", b"DURATION:20261210\r\n"
    )
    _insert(feed, bad)
    en, sv = both(cli, "sync", code=1)
    assert en.endswith("its DURATION is not a duration\n") and en.startswith("antihjalte: not synced: ")
    assert re.fullmatch(
        r"antihjalte: inte synkad: rad \d+: händelsen ”olle-1@example\.se” går inte att läsa: "
        r"DURATION är ingen tidslängd\n",
        sv,
    ), sv
    # the tray's reason: the child's words without the program and "inte synkad:"
    with language_as("sv"):
        assert reason_of(sv) == sv.strip().removeprefix("antihjalte: inte synkad: ")
    # what the tray reads is in the language of the process that synced
    assert "går inte att läsa" in status_file(cli)["reason"]
    _en, show = both(cli, "feed", "show", code=0, out="stdout", paths=(feed,))
    assert "Inte synkad: rad " in show and "Nästa försök: " in show
    st = same_json(cli, "sync", code=1, drop=("failures", "next_attempt"))
    assert "its DURATION is not a duration" in st["reason"]  # the contract is English


def test_a_squatted_uid(cli: Cli, tmp_path: Path) -> None:
    feed, pid = shared_feed(cli, tmp_path, "2026-12-02")
    uid = ics.focus_uid(date(2026, 12, 8), pid)
    olle = ics.Identity("0123456789abcdef", "Olle Ek")
    _insert(feed, dataclasses.replace(ics.focus_event(date(2026, 12, 8), olle), uid=uid).render(3, NOW))
    cli("plan", "add", "2026-12-08", check=True)
    en, sv = both(cli, "sync", code=1, paths=(uid,))
    assert "1 event of this profile was left as found" in en and "held by an event" in en
    assert (
        f"1 händelse från den här profilen lämnades som den var, varken överskriven eller borttagen: {uid} "
        in sv
    )
    assert "(upptaget av en händelse som inte är den här profilens)" in sv
    st = status_file(cli)
    assert st["squatted"] == [uid] and "upptaget av en händelse" in st["reason"]
    j = same_json(cli, "sync", code=1, drop=("failures", "next_attempt"))
    assert j["squatted"] == [uid] and "held by an event that is not this profile's" in j["reason"]


# -- a subscription that fails ------------------------------------------------------------------
def test_a_subscription_that_fails_is_a_swedish_warning(cli: Cli) -> None:
    from tests.network.tiny import TinyServer

    def handler(_h: Any) -> tuple[int, dict[str, str], bytes]:
        return 404, {"Content-Type": "text/plain"}, b"gone"

    with TinyServer("127.0.0.1", handler) as srv:
        url = f"http://127.0.0.1:{srv.port}/absences.ics"
        en, sv = both(cli, "feed", "subscribe", url, code=0, out="stdout")  # English first
        assert en.startswith(f"Reading {url} as absences") and sv == f"Läser redan {url}\n"
        en, sv = both(cli, "sync", code=0)
        assert (
            f"antihjalte: varning: kalendern {url} som du prenumererar på lästes inte: servern svarade 404"
            in sv
        )
        assert (
            f"antihjalte: warning: the subscribed calendar {url} was not read: the server answered 404" in en
        )
        same_json(cli, "sync")
        en_out = run(cli, "en", "feed", "subscribe", "--remove", url)
        assert en_out.returncode == 0 and en_out.stdout == f"No longer reading {url}\n"
        sv_out = run(cli, "sv", "feed", "subscribe", url)
        assert sv_out.returncode == 0, sv_out.stderr
        assert (
            sv_out.stdout
            == f"Läser {url} som frånvaro från och med nästa synk (bara läsning: inget skrivs dit)\n"
        )
        sv_out = run(cli, "sv", "feed", "subscribe", "--remove", url)
        assert sv_out.returncode == 0 and sv_out.stdout == f"Läser inte längre {url}\n"


# -- the tray's reason, the index's stored warnings ----------------------------------------------
def test_the_tray_takes_the_reason_in_either_language() -> None:
    for lang in ("en", "sv"):
        with language_as(lang):
            line = not_synced_line("rad 4: något")
            assert reason_of("antihjalte: varning: x\n" + line + "\n") == "rad 4: något"
            assert reason_of("antihjalte: not synced: the lock is held\n") == "the lock is held"
            assert reason_of("antihjalte: the profile is locked\n") == "the profile is locked"
            assert reason_of("") == ""
    with language_as("sv"):
        assert not_synced_line("x") == "antihjalte: inte synkad: x"


def test_stored_index_warnings_are_shown_in_the_readers_language(tmp_path: Path) -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:storm\r\nSUMMARY:storm\r\n"
        b"DTSTART:20260101T000000Z\r\nDTEND:20260101T000001Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    st = FeedState(state_path(tmp_path))
    try:
        with language_as("en"):
            rep = index.update(st, rawics.split(data), "me", STOCKHOLM, date(2026, 11, 30))
        assert len(rep.warnings) == 1 and rep.warnings[0].startswith("the event 'storm' repeats too often")
        with language_as("sv"):
            (shown,) = st.warnings()
            assert re.fullmatch(
                r"händelsen ”storm” upprepas för ofta för att visas \(ungefär \d+ gånger\); "
                r"bara första tillfället visas",
                shown,
            ), shown
            again = index.update(
                st, rawics.split(data), "me", STOCKHOLM, date(2026, 11, 30)
            )  # nothing changed
            assert again.parsed == 0 and again.warnings == st.warnings()
            assert not english_words(again.warnings[0]), again.warnings
        with language_as("en"):
            assert st.warnings() == rep.warnings
    finally:
        st.close()


def test_a_warning_stored_by_an_older_version_is_shown_as_it_is(tmp_path: Path) -> None:
    st = FeedState(state_path(tmp_path))
    try:
        st.set_meta({"index_warnings": json.dumps(["an old warning", {"msg": "{x} broken", "args": {}}])})
        with language_as("sv"):
            assert st.warnings() == ["an old warning", "{x} broken"]
    finally:
        st.close()
