"""Ownership that cannot be spoofed, against real servers on 127.0.0.1: Radicale (CalDAV) and WsgiDAV
(a WebDAV file). A resource is replaced or deleted only when everything in it is provably ours;
counts are true."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from antihjalte_desktop.feed import ics, rawics
from antihjalte_desktop.feed.sync import identity, sync
from antihjalte_desktop.services.planning import Planning
from tests.network import servers
from tests.network.conftest import NOW, profile_for

pytestmark = pytest.mark.integration

HEAD = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\n"
TAIL = b"END:VCALENDAR\r\n"


def _spoof(owner: str) -> bytes:
    """A colleague's absence with its own UID, carrying someone else's (public) profile marker."""
    return (
        b"BEGIN:VEVENT\r\nUID:olle-semester-1@example.se\r\nDTSTAMP:20261101T100000Z\r\n"
        b"DTSTART;VALUE=DATE:20261208\r\nDTEND;VALUE=DATE:20261210\r\nSUMMARY:Semester\r\n"
        b"ORGANIZER;CN=Olle Ek:mailto:olle@example.se\r\nX-ANTIHJALTE-PROFILE:" + owner.encode() + b"\r\n"
        b"END:VEVENT\r\n"
    )


def _writes(proxy: servers.Proxy) -> list[tuple[str, str]]:
    return [(m, p) for m, p in proxy.targets if m not in ("GET", "HEAD", "OPTIONS", "PROPFIND", "REPORT")]


def _team(prof: Any) -> set[tuple[str, str, str]]:
    from antihjalte_desktop.feed.team import team_view

    return {
        (e.date.isoformat(), e.person, e.kind) for e in team_view(prof, date(2026, 12, 1), date(2026, 12, 31))
    }


def _ok(prof: Any) -> Any:
    st = sync(prof)
    assert st.in_sync, st.reason
    return st


# -- CalDAV ------------------------------------------------------------------------------------
def test_caldav_a_colleagues_event_with_our_marker_is_not_deleted(
    tmp_path: Path, calendar_url: str, radicale: servers.Server, memkeyring: Any
) -> None:
    proxy = servers.Proxy(radicale.port)
    try:
        anna = profile_for(
            tmp_path / "anna", calendar_url.replace(radicale.base, proxy.base), "anna", "Anna Berg"
        )
        Planning(anna).plan_day(date(2026, 12, 2), force=True)
        _ok(anna)
        pid = anna.plan.profile_id()
        spoof_url = calendar_url + "olle-semester.ics"
        assert servers.put_raw(spoof_url, HEAD + _spoof(pid) + TAIL, user="olle") == 201
        before = servers.get_raw(spoof_url)
        Planning(anna).unplan_day(date(2026, 12, 2))
        st = _ok(anna)
        assert (st.added, st.updated, st.removed) == (0, 0, 1)
        assert servers.get_raw(spoof_url) == before
        st = sync(anna, force=True)
        assert st.in_sync and (st.added, st.updated, st.removed, st.wrote) == (0, 0, 0, False)
        assert ("2026-12-08", "Olle Ek", "away") in _team(anna)
        writes = _writes(proxy)
        assert [m for m, _ in writes] == ["PUT", "DELETE"]
        own = "/anna/team/" + ics.focus_uid(date(2026, 12, 2), pid) + ".ics"
        assert all(unquote(p) == own for _, p in writes), writes
    finally:
        proxy.close()


def test_caldav_a_mixed_resource_gives_true_counts_and_no_write(
    tmp_path: Path, calendar_url: str, radicale: servers.Server, memkeyring: Any
) -> None:
    """Our event and a colleague's exception to it in one resource (what a colleague's client
    makes of "move this one occurrence"): not ours to rewrite or delete. Before, every sync said
    "1 removed" and removed nothing."""
    proxy = servers.Proxy(radicale.port)
    try:
        anna = profile_for(
            tmp_path / "anna", calendar_url.replace(radicale.base, proxy.base), "anna", "Anna Berg"
        )
        _ok(anna)
        pid = anna.plan.profile_id()
        day = date(2026, 12, 10)
        uid = ics.focus_uid(day, pid)
        ours = ics.focus_event(day, identity(anna)).render(0, NOW)
        exception = (
            b"BEGIN:VEVENT\r\nUID:" + uid.encode() + b"\r\nRECURRENCE-ID;VALUE=DATE:20261210\r\n"
            b"DTSTAMP:20261101T100000Z\r\nDTSTART;VALUE=DATE:20261211\r\nSUMMARY:moved by Olle\r\n"
            b"END:VEVENT\r\n"
        )
        mixed_url = calendar_url + "mixed.ics"
        assert servers.put_raw(mixed_url, HEAD + ours + exception + TAIL, user="olle") == 201
        before = servers.get_raw(mixed_url)
        for _ in range(2):
            st = sync(anna, force=True)  # the day is not planned: ours would be removed, if it were only ours
            assert not st.in_sync and st.squatted == [uid] and uid in st.reason
            assert (st.added, st.updated, st.removed, st.wrote) == (0, 0, 0, False)
        assert servers.get_raw(mixed_url) == before
        assert _writes(proxy) == []
    finally:
        proxy.close()


def test_caldav_our_resource_changed_by_a_colleague_is_not_deleted(
    tmp_path: Path, calendar_url: str, memkeyring: Any
) -> None:
    anna = profile_for(tmp_path / "anna", calendar_url, "anna", "Anna Berg")
    Planning(anna).plan_day(date(2026, 12, 2), force=True)
    _ok(anna)
    uid = ics.focus_uid(date(2026, 12, 2), anna.plan.profile_id())
    href = calendar_url + uid + ".ics"
    body = servers.get_raw(href).replace(b"SUMMARY:Antihj\xc3\xa4lte: Anna Berg", b"SUMMARY:Lunch with Olle")
    assert servers.put_raw(href, body, user="olle") in (201, 204)
    changed = servers.get_raw(href)
    Planning(anna).unplan_day(date(2026, 12, 2))
    st = sync(anna)
    assert not st.in_sync and st.squatted == [uid] and "changed by someone else" in st.reason
    assert st.removed == 0 and servers.get_raw(href) == changed


def test_caldav_names_with_commas_and_quotes_are_not_false_squats(
    tmp_path: Path, calendar_url: str, memkeyring: Any
) -> None:
    """Radicale stores our events re-ordered and re-folded: still recognised as what we wrote."""
    anna = profile_for(tmp_path / "anna", calendar_url, "anna", 'Berg, Anna "Ankan"; Åsa-Öberg ' + "x" * 80)
    anna.settings.set("me.email", "anna.berg@example.se")
    Planning(anna).plan_day(date(2026, 12, 2), force=True)
    Planning(anna).plan_day(date(2026, 12, 3), force=True)
    _ok(anna)
    st = sync(anna, force=True)
    assert st.in_sync and not st.wrote, st.reason
    Planning(anna).unplan_day(date(2026, 12, 2))
    st = _ok(anna)
    assert st.removed == 1


# -- WebDAV (one file) ---------------------------------------------------------------------------
def test_webdav_a_colleagues_event_with_our_marker_is_not_deleted(
    tmp_path: Path, dav_locking: servers.Server, memkeyring: Any
) -> None:
    share = tmp_path / "wsgidav" / "share"
    url = dav_locking.base + "/team.ics"
    anna = profile_for(tmp_path / "anna", url, "anna", "Anna Berg")
    Planning(anna).plan_day(date(2026, 12, 2), force=True)
    _ok(anna)
    pid = anna.plan.profile_id()
    data = (share / "team.ics").read_bytes()
    spoof = _spoof(pid)
    (share / "team.ics").write_bytes(data.replace(b"END:VCALENDAR", spoof + b"END:VCALENDAR"))
    Planning(anna).unplan_day(date(2026, 12, 2))
    st = _ok(anna)
    assert st.removed == 1
    after = (share / "team.ics").read_bytes()
    assert spoof in after
    assert [c.uid for c in rawics.split(after).components] == ["olle-semester-1@example.se"]


def test_caldav_legacy_hero_week_is_replaced_in_one_sync(
    tmp_path: Path, calendar_url: str, memkeyring: Any
) -> None:
    """A hero week the previous version published under the shared UID: its resource is deleted and
    the week published under this profile's own UID, in the same sync; a colleague's stays."""
    import dataclasses

    from antihjalte_desktop.feed.state import FeedState, state_path

    anna = profile_for(tmp_path / "anna", calendar_url, "anna", "Anna Berg")
    pid = anna.plan.profile_id()
    monday = date(2026, 12, 7)
    legacy_uid = ics.legacy_hero_uid(monday)

    def legacy(ident: ics.Identity, hero: str, week: date) -> bytes:
        ev = ics.hero_event(week, hero, "", ident)
        return HEAD + dataclasses.replace(ev, uid=ics.legacy_hero_uid(week)).render(0, NOW) + TAIL

    ours_url = calendar_url + legacy_uid + ".ics"
    stinas_url = calendar_url + "stina-hero.ics"
    # Radicale refuses a second resource with one UID (409): Stina's legacy week is the next one
    assert servers.put_raw(ours_url, legacy(identity(anna), "Olle Ek", monday), user="anna") == 201
    stina = ics.Identity("5555aaaa5555aaaa", "Stina")
    assert servers.put_raw(stinas_url, legacy(stina, "Stina", date(2026, 12, 14)), "stina") == 201
    stinas = servers.get_raw(stinas_url)
    fs = FeedState(state_path(anna.paths.data))  # what the previous version recorded
    try:
        fs.set_rota([(monday, "Olle Ek", "")])
        with fs.tx() as c:
            fs.save_sequences({legacy_uid: 0}, c)
    finally:
        fs.close()
    st = sync(anna)
    assert st.in_sync and (st.added, st.updated, st.removed) == (1, 0, 1), st.reason
    new = servers.get_raw(calendar_url + ics.hero_uid(monday, pid) + ".ics")
    assert b"X-ANTIHJALTE-PROFILE:" + pid.encode() in new
    assert servers.get_raw(stinas_url) == stinas
    with pytest.raises(Exception, match="404"):
        servers.get_raw(ours_url)
    st = sync(anna, force=True)
    assert st.in_sync and not st.wrote
