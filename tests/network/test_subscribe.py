"""Read-only subscriptions: ``feed subscribe URL``; their events show in the team view as absences."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import Cli
from tests.network.test_feeds import FOREIGN
from tests.network.tiny import TinyServer

pytestmark = pytest.mark.integration

MEETING = (
    b"BEGIN:VEVENT\r\nUID:meeting-1@example.se\r\nDTSTAMP:20261101T100000Z\r\n"
    b"DTSTART:20261214T100000Z\r\nDTEND:20261214T103000Z\r\nSUMMARY:Kort m\xc3\xb6te\r\n"
    b"ORGANIZER;CN=Stina Lund:mailto:stina@example.se\r\nEND:VEVENT\r\n"
)
FOCUSLIKE = (
    FOREIGN.replace(b"outlook-absence-1", b"x-2")
    .replace(b"SUMMARY:Semester", b"SUMMARY:Antihj\xc3\xa4lte: Per\r\nCATEGORIES:ANTIHJALTE")
    .replace(b"Stina Lund", b"Per Holm")
    .replace(b"20261208", b"20261216")
    .replace(b"20261210", b"20261217")
)
CALENDAR = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Outlook//EN\r\n"
    + FOREIGN
    + MEETING
    + FOCUSLIKE
    + (b"END:VCALENDAR\r\n")
)


def test_subscription_events_are_absences_and_nothing_is_written(cli: Cli) -> None:
    seen: list[tuple[str, Any]] = []

    def handler(h: Any) -> tuple[int, dict[str, str], bytes]:
        seen.append((h.command, h.headers.get("Authorization")))
        if h.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"ETag": '"v1"', "Content-Type": "text/calendar"}, CALENDAR

    cli("config", "set", "me.name", "Anna Berg", check=True)
    cli("config", "set", "feed.user", "anna", check=True)
    with TinyServer("127.0.0.1", handler) as srv:
        url = f"http://127.0.0.1:{srv.port}/absences.ics"
        out = cli("feed", "subscribe", url, check=True)
        assert "absences" in out.stdout
        assert cli("feed", "subscribe", url, check=True).stdout.startswith("Already")
        cli("sync", check=True)
        cli("sync", check=True)  # unchanged: If-None-Match, 304
    assert [m for m, _ in seen] == ["GET", "GET"]
    assert all(auth is None for _, auth in seen)  # no credentials to a subscription
    rows = json.loads(cli("team", "--from", "2026-12-01", "--to", "2026-12-31", "--json", check=True).stdout)
    got = {(r["date"], r["person"], r["kind"]) for r in rows}
    assert {("2026-12-08", "Stina Lund", "away"), ("2026-12-09", "Stina Lund", "away")} <= got
    assert ("2026-12-16", "Per Holm", "away") in got  # every subscribed event is an absence
    assert not any(r["date"] == "2026-12-14" for r in rows)  # a 30-minute meeting is not

    # unsubscribing forgets it
    cli("feed", "subscribe", "--remove", url, check=True)
    rows = json.loads(cli("team", "--from", "2026-12-01", "--to", "2026-12-31", "--json", check=True).stdout)
    assert not any(r["person"] == "Stina Lund" for r in rows)


def test_subscribe_refuses_what_it_cannot_read(cli: Cli) -> None:
    assert cli("feed", "subscribe", "ftp://example.se/x.ics").returncode == 2
    res = cli("feed", "subscribe", "https://user:pw@example.se/x.ics")
    assert res.returncode == 1 and "not in the address" in res.stderr and "pw@" not in res.stderr


def test_webcal_is_https() -> None:
    from antihjalte_desktop.feed.http import normalize_url

    assert normalize_url("webcal://example.se/a.ics") == "https://example.se/a.ics"
    assert normalize_url("WEBCALS://example.se/a.ics") == "https://example.se/a.ics"
