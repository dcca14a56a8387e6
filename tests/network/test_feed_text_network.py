"""Issue 15, items 1 and 2 over the network: the writer's wall and the pre-write check hold for a
WebDAV file (WsgiDAV) and a CalDAV calendar (Radicale) on 127.0.0.1, not only for a file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import icalendar
import pytest

from antihjalte_desktop.feed import ics
from antihjalte_desktop.services.planning import Planning
from tests.feed.test_feed_text import BREAKER, FORGER
from tests.network import servers
from tests.network.conftest import profile_for

pytestmark = pytest.mark.integration

DAY = date(2026, 12, 16)
MONDAYS = [date(2026, 11, 30), date(2026, 12, 7)]


def _store_rota(prof: Any, payload: str) -> None:
    """A rota recorded past every check at the door (as an older version could have)."""
    from antihjalte_desktop.core.autoreply import parse_roster_entry
    from antihjalte_desktop.feed.state import FeedState, state_path

    entries = ["Anna Berg, anna@example.se", payload]
    st = FeedState(state_path(prof.paths.data))
    try:
        st.set_rota(
            [
                (m, parse_roster_entry(e).name, parse_roster_entry(e).email)
                for m, e in zip(MONDAYS, entries, strict=True)
            ]
        )
    finally:
        st.close()


def _events(bodies: list[bytes]) -> list[Any]:
    out = []
    for body in bodies:
        out.extend(icalendar.Calendar.from_ical(body).walk("VEVENT"))
    return out


def _check(events: list[Any], pid: str) -> None:
    want = {ics.focus_uid(DAY, pid), *(ics.hero_uid(m, pid) for m in MONDAYS)}
    assert sorted(str(e["UID"]) for e in events) == sorted(want)
    assert all(str(e["X-ANTIHJALTE-PROFILE"]) == pid for e in events)


@pytest.mark.parametrize("payload", [BREAKER, FORGER], ids=["breaker", "forger"])
def test_injection_payloads_on_a_webdav_file(
    tmp_path: Path, dav_locking: servers.Server, memkeyring: Any, payload: str
) -> None:
    from antihjalte_desktop.feed.sync import sync

    url = dav_locking.base + "/team.ics"
    prof = profile_for(tmp_path / "olle", url, "olle", "Olle Ek")
    Planning(prof).plan_day(DAY)
    _store_rota(prof, payload)
    st = sync(prof)
    assert st.in_sync, st.reason
    data = (tmp_path / "wsgidav" / "share" / "team.ics").read_bytes()
    _check(_events([data]), prof.plan.profile_id())
    assert sync(prof).in_sync  # and it reads back


@pytest.mark.parametrize("payload", [BREAKER, FORGER], ids=["breaker", "forger"])
def test_injection_payloads_on_a_caldav_calendar(
    tmp_path: Path, calendar_url: str, memkeyring: Any, payload: str
) -> None:
    from antihjalte_desktop.feed.sync import sync

    prof = profile_for(tmp_path / "olle", calendar_url, "anna", "Olle Ek")
    Planning(prof).plan_day(DAY)
    _store_rota(prof, payload)
    st = sync(prof)
    assert st.in_sync, st.reason
    folder = tmp_path / "radicale" / "collections" / "collection-root" / "anna" / "team"
    bodies = [p.read_bytes() for p in sorted(folder.glob("*.ics"))]
    assert len(bodies) == 3  # one resource per own event, none planted
    _check(_events(bodies), prof.plan.profile_id())
    assert sync(prof).in_sync


def test_nothing_is_written_to_a_server_past_the_limit(
    tmp_path: Path, dav_locking: servers.Server, calendar_url: str, memkeyring: Any, monkeypatch: Any
) -> None:
    """The pre-write check runs before every backend's write: with the limit made small, neither
    server gets a byte, and the reason says nothing was written."""
    from antihjalte_desktop.feed import rawics
    from antihjalte_desktop.feed.sync import sync

    monkeypatch.setattr(rawics, "MAX_FEED_BYTES", 600)
    share = tmp_path / "wsgidav" / "share"
    folder = tmp_path / "radicale" / "collections" / "collection-root" / "anna" / "team"
    for i, url in enumerate([dav_locking.base + "/team.ics", calendar_url]):
        prof = profile_for(tmp_path / f"p{i}", url, "anna", "Olle Ek")
        Planning(prof).plan_day(DAY)
        Planning(prof).plan_day(date(2026, 12, 17))
        st = sync(prof)
        assert not st.in_sync and "nothing was written" in st.reason, st.reason
        assert len(prof.plan.outbox()) == 2
    assert not (share / "team.ics").exists() or not (share / "team.ics").read_bytes().strip()
    assert not list(folder.glob("*.ics"))
