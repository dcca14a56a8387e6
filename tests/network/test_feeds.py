"""Network feeds against real servers on 127.0.0.1: Radicale (CalDAV) and WsgiDAV (a WebDAV file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from antihjalte_desktop.services.planning import Planning
from tests.network import servers
from tests.network.conftest import profile_for

pytestmark = pytest.mark.integration

FOREIGN = (
    b"BEGIN:VEVENT\r\n"
    b"UID:outlook-absence-1@example.se\r\n"
    b"DTSTAMP:20261101T100000Z\r\n"
    b"DTSTART;VALUE=DATE:20261208\r\n"
    b"DTEND;VALUE=DATE:20261210\r\n"
    b"SUMMARY:Semester\r\n"
    b"ORGANIZER;CN=Stina Lund:mailto:stina@example.se\r\n"
    b"X-SOMETHING-ELSE:kept as it is\r\n"
    b"END:VEVENT\r\n"
)


def team(prof: Any) -> set[tuple[str, str, str]]:
    from antihjalte_desktop.feed.team import team_view

    return {
        (e.date.isoformat(), e.person, e.kind) for e in team_view(prof, date(2026, 12, 1), date(2026, 12, 31))
    }


def synced(prof: Any) -> Any:
    from antihjalte_desktop.feed.sync import sync

    st = sync(prof)
    assert st.in_sync, st.reason
    return st


# -- CalDAV ----------------------------------------------------------------------------
def test_two_colleagues_on_radicale_see_each_other(
    tmp_path: Path, calendar_url: str, memkeyring: Any
) -> None:
    foreign_url = calendar_url + "semester-stina.ics"
    body = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\n" + FOREIGN + b"END:VCALENDAR\r\n"
    assert servers.put_raw(foreign_url, body, user="stina", headers={"If-None-Match": "*"}) == 201
    foreign_before = servers.get_raw(foreign_url)

    anna = profile_for(tmp_path / "anna", calendar_url, "anna", "Anna Berg")
    olle = profile_for(tmp_path / "olle", calendar_url, "olle", "Olle Ek")
    Planning(anna).plan_day(date(2026, 12, 2), force=True)
    Planning(olle).plan_day(date(2026, 12, 3), force=True)
    st = synced(anna)
    assert st.kind == "caldav" and st.added == 1
    synced(olle)
    synced(anna)
    for prof in (anna, olle):
        seen = team(prof)
        assert ("2026-12-02", "Anna Berg", "focus") in seen
        assert ("2026-12-03", "Olle Ek", "focus") in seen
        assert ("2026-12-08", "Stina Lund", "away") in seen and ("2026-12-09", "Stina Lund", "away") in seen

    # one resource per own event, named by its UID; the foreign one untouched
    names = sorted(
        p.name
        for p in (tmp_path / "radicale" / "collections" / "collection-root" / "anna" / "team").glob("*.ics")
    )
    assert len(names) == 3 and "semester-stina.ics" in names
    assert all(n.startswith("antihjalte-") for n in names if n != "semester-stina.ics")
    assert servers.get_raw(foreign_url) == foreign_before

    # a removed day goes; nothing else does
    Planning(anna).unplan_day(date(2026, 12, 2))
    st = synced(anna)
    assert st.removed == 1
    synced(olle)
    assert ("2026-12-02", "Anna Berg", "focus") not in team(olle)
    assert ("2026-12-03", "Olle Ek", "focus") in team(anna)
    assert servers.get_raw(foreign_url) == foreign_before


def test_caldav_nothing_changed_is_one_request_and_no_rewrite(
    tmp_path: Path, radicale: servers.Server, memkeyring: Any
) -> None:
    servers.mkcalendar(radicale.base, "anna/team")
    proxy = servers.Proxy(radicale.port)
    try:
        url = proxy.base + "/anna/team/"
        anna = profile_for(tmp_path / "anna", url, "anna", "Anna Berg", kind="caldav")
        Planning(anna).plan_day(date(2026, 12, 2), force=True)
        synced(anna)
        synced(anna)  # after a write the next sync reads once more
        before = proxy.count()
        st = synced(anna)
        assert proxy.count() - before == 1  # one PROPFIND for the ctag
        assert not st.wrote
        assert proxy.count("PUT") == 1  # Radicale re-orders the event's lines: still not rewritten
    finally:
        proxy.close()


def test_caldav_never_writes_what_it_does_not_own(
    tmp_path: Path, calendar_url: str, radicale: servers.Server, memkeyring: Any
) -> None:
    """A colleague's resource that holds one of our UIDs (copied, say) is neither rewritten nor deleted;
    the only writes are PUT/DELETE of this profile's own ``<uid>.ics`` resources."""
    proxy = servers.Proxy(radicale.port)
    via_proxy = calendar_url.replace(radicale.base, proxy.base)
    anna = profile_for(tmp_path / "anna", via_proxy, "anna", "Anna Berg")
    Planning(anna).plan_day(date(2026, 12, 2), force=True)
    synced(anna)
    from antihjalte_desktop.feed import ics

    uid = ics.focus_uid(date(2026, 12, 4), anna.plan.profile_id())
    copy = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\nBEGIN:VEVENT\r\nUID:" + uid.encode()
        + b"\r\nDTSTAMP:20261101T100000Z\r\nDTSTART;VALUE=DATE:20261204\r\nSUMMARY:copied\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )  # fmt: skip
    assert servers.put_raw(calendar_url + "copied.ics", copy, user="olle") == 201
    before = servers.get_raw(calendar_url + "copied.ics")
    Planning(anna).plan_day(date(2026, 12, 4), force=True)
    from antihjalte_desktop.feed.sync import sync

    st = sync(anna)  # a squatted UID: named, and not "in sync"
    assert not st.in_sync and st.squatted == [uid] and uid in st.reason
    assert servers.get_raw(calendar_url + "copied.ics") == before
    Planning(anna).unplan_day(date(2026, 12, 2))
    st = sync(anna)  # the rest is still synced
    assert not st.in_sync and st.squatted == [uid] and st.removed == 1
    proxy.close()
    writes = [(m, p) for m, p in proxy.targets if m not in ("GET", "HEAD", "OPTIONS", "PROPFIND", "REPORT")]
    pid = anna.plan.profile_id()
    assert [m for m, _ in writes] == ["PUT", "DELETE"]
    assert all(
        p.startswith("/anna/team/antihjalte-20261202-" + pid) and p.endswith(".ics") for _, p in writes
    )
    assert servers.get_raw(calendar_url + "copied.ics") == before


# -- WebDAV ----------------------------------------------------------------------------
def test_two_colleagues_on_a_webdav_file_see_each_other(
    tmp_path: Path, dav: servers.Server, memkeyring: Any
) -> None:
    share = tmp_path / "wsgidav" / "share"
    original = (
        b"BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0//EN\r\nVERSION:2.0\r\n"
        + FOREIGN
        + b"END:VCALENDAR\r\n"
    )
    (share / "team.ics").write_bytes(original)
    url = dav.base + "/team.ics"
    anna = profile_for(tmp_path / "anna", url, "anna", "Anna Berg")
    olle = profile_for(tmp_path / "olle", url, "olle", "Olle Ek")
    Planning(anna).plan_day(date(2026, 12, 2), force=True)
    Planning(olle).plan_day(date(2026, 12, 3), force=True)
    st = synced(anna)
    assert st.kind == "webdav" and st.wrote
    synced(olle)
    synced(anna)
    for prof in (anna, olle):
        seen = team(prof)
        assert {("2026-12-02", "Anna Berg", "focus"), ("2026-12-03", "Olle Ek", "focus")} <= seen
        assert ("2026-12-08", "Stina Lund", "away") in seen
    data = (share / "team.ics").read_bytes()
    assert FOREIGN in data  # byte for byte
    assert data.count(b"BEGIN:VEVENT") == 3
    assert not list(share.glob("*.lock*"))


def test_webdav_new_feed_and_lock_released(
    tmp_path: Path, dav_locking: servers.Server, memkeyring: Any
) -> None:
    """A new file is created with If-None-Match: *; the lock is released in every path (an error too)."""
    proxy = servers.Proxy(dav_locking.port)
    try:
        url = proxy.base + "/new.ics"
        anna = profile_for(tmp_path / "anna", url, "anna", "Anna Berg", kind="webdav")
        Planning(anna).plan_day(date(2026, 12, 2), force=True)
        synced(anna)
        assert proxy.count("LOCK") == proxy.count("UNLOCK") == 1
        # an unparseable feed: refused, never overwritten, and still unlocked
        share = tmp_path / "wsgidav" / "share"
        (share / "new.ics").write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n")
        Planning(anna).plan_day(date(2026, 12, 3), force=True)
        from antihjalte_desktop.feed.sync import sync

        st = sync(anna)
        assert not st.in_sync and "cut off" in st.reason
        assert (share / "new.ics").read_bytes() == b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"
        assert proxy.count("LOCK") == proxy.count("UNLOCK") == 2
        assert st.pending_changes >= 1
    finally:
        proxy.close()


def test_webdav_guard_catches_a_same_size_write_in_the_same_second(
    tmp_path: Path, dav: servers.Server, memkeyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WsgiDAV's ETag is inode-mtime seconds-size: a same-size change within the second keeps the
    ETag. The bytes are compared before the PUT, so the colleague's change is merged, not lost."""
    share = tmp_path / "wsgidav" / "share"
    original = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n" + FOREIGN + b"END:VCALENDAR\r\n"
    (share / "team.ics").write_bytes(original)
    url = dav.base + "/team.ics"
    anna = profile_for(tmp_path / "anna", url, "anna", "Anna Berg", kind="webdav")
    Planning(anna).plan_day(date(2026, 12, 2), force=True)
    from antihjalte_desktop.feed import merge as merge_mod

    real_merge = merge_mod.merge
    changed = FOREIGN.replace(b"Semester", b"Semestr!")  # same size
    calls = []

    def sneaky(*a: Any, **kw: Any) -> Any:
        if not calls:  # a colleague writes in place (same inode, size and second) during our merge
            import os

            st = os.stat(share / "team.ics")
            with open(share / "team.ics", "r+b") as fh:
                fh.write(original.replace(FOREIGN, changed))
            os.utime(share / "team.ics", ns=(st.st_atime_ns, st.st_mtime_ns))
        calls.append(1)
        return real_merge(*a, **kw)

    monkeypatch.setattr(merge_mod, "merge", sneaky)
    synced(anna)
    assert len(calls) == 2  # merged again after the guard saw other bytes
    data = (share / "team.ics").read_bytes()
    assert changed in data and b"antihjalte-20261202" in data


# -- detection, safety ------------------------------------------------------------------
def test_detect_kind(
    tmp_path: Path, radicale: servers.Server, dav_locking: servers.Server, memkeyring: Any
) -> None:
    from antihjalte_desktop.feed.detect import NetOptions, client_factory, detect_kind

    cal = servers.mkcalendar(radicale.base, "anna/team")
    opts = NetOptions(user="anna", password=lambda: servers.USERS["anna"])
    with client_factory(cal, opts)() as c:
        assert detect_kind(c, cal) == "caldav"
    with client_factory(dav_locking.base, opts)() as c:
        assert detect_kind(c, dav_locking.base + "/missing.ics") == "webdav"
        from antihjalte_desktop.feed.errors import FeedError

        with pytest.raises(FeedError, match="a folder, not a calendar"):
            detect_kind(c, dav_locking.base + "/")


def test_plain_http_with_credentials_to_another_host_is_refused_before_any_connection(
    tmp_path: Path, memkeyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    attempts: list[object] = []

    def guard(*args: Any, **kw: Any) -> Any:
        attempts.append(args)
        raise AssertionError("a network call was made")

    monkeypatch.setattr(socket, "getaddrinfo", guard)
    monkeypatch.setattr(socket, "create_connection", guard)
    monkeypatch.setattr(socket.socket, "connect", guard)
    from antihjalte_desktop.feed.sync import sync

    for url, kind in (
        ("http://calendar.example.invalid/team.ics", "auto"),
        ("http://calendar.example.invalid/team.ics", "webdav"),
        ("http://10.1.2.3/cal/team/", "caldav"),
    ):
        prof = profile_for(tmp_path / f"p{len(attempts)}{kind}", url, "anna", "Anna Berg", kind=kind)
        Planning(prof).plan_day(date(2026, 12, 2), force=True)
        st = sync(prof)
        assert not st.in_sync and "plain http://" in st.reason
        assert servers.USERS["anna"] not in st.reason
    assert attempts == []


def test_credentials_not_forwarded_on_redirect_to_another_host(memkeyring: Any) -> None:
    """127.0.0.1 redirects to 127.0.0.2 (another host): the second one sees no Authorization."""
    from antihjalte_desktop.feed.http import Credentials, HttpClient, Secret
    from tests.network.tiny import TinyServer

    seen: list[str | None] = []
    with TinyServer(
        "127.0.0.2", lambda h: (seen.append(h.headers.get("Authorization")), (200, {}, b"ok"))[1]
    ) as other:

        def first(h: Any) -> tuple[int, dict[str, str], bytes]:
            seen.append(h.headers.get("Authorization"))
            return 302, {"Location": f"http://127.0.0.2:{other.port}/x.ics"}, b""

        with (
            TinyServer("127.0.0.1", first) as srv,
            HttpClient(creds=Credentials("anna", Secret("s3cret"))) as c,
        ):
            resp = c.request("GET", f"http://127.0.0.1:{srv.port}/x.ics")
    assert resp.status == 200 and resp.body == b"ok"
    assert seen[0] is not None and seen[0].startswith("Basic ")
    assert seen[1] is None


def test_hostile_xml_is_refused(tmp_path: Path, memkeyring: Any) -> None:
    from antihjalte_desktop.feed.errors import FeedError
    from antihjalte_desktop.feed.http import parse_xml
    from antihjalte_desktop.feed.sync import sync
    from tests.network.tiny import TinyServer

    bomb = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
            for i in range(1, 10)
        )
        + b']>\n<D:multistatus xmlns:D="DAV:"><D:response><D:href>&lol9;</D:href>'
        + b"</D:response></D:multistatus>"
    )
    for hostile in (
        bomb,
        b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>',
        '<?xml version="1.0" encoding="utf-16"?><x/>'.encode("utf-16"),
    ):
        with pytest.raises(FeedError):
            parse_xml(hostile)
    assert parse_xml(b'<D:a xmlns:D="DAV:"><D:b>1</D:b></D:a>').find("{DAV:}b").text == "1"  # type: ignore[union-attr]

    with TinyServer("127.0.0.1", lambda h: (207, {"Content-Type": "application/xml"}, bomb)) as srv:
        url = f"http://127.0.0.1:{srv.port}/cal/"
        prof = profile_for(tmp_path / "p", url, "anna", "Anna Berg")
        Planning(prof).plan_day(date(2026, 12, 2), force=True)
        st = sync(prof)
    assert not st.in_sync and "DTD or entities" in st.reason


@pytest.mark.parametrize("with_length", [True, False], ids=["content-length", "chunked"])
def test_a_response_over_32_mb_is_refused(tmp_path: Path, memkeyring: Any, with_length: bool) -> None:
    from antihjalte_desktop.feed.sync import sync
    from tests.network.tiny import TinyServer

    big = b"BEGIN:VCALENDAR\r\n" + b"X-PAD:" + b"x" * (33 * 1024 * 1024) + b"\r\nEND:VCALENDAR\r\n"

    def handler(h: Any) -> tuple[int, dict[str, str], bytes]:
        if h.command == "PROPFIND":
            return 404, {}, b""
        if h.command == "OPTIONS":
            return 200, {"DAV": "1"}, b""
        return 200, {"ETag": '"1"', "Content-Type": "text/calendar"}, big

    with TinyServer("127.0.0.1", handler, chunked=not with_length) as srv:
        url = f"http://127.0.0.1:{srv.port}/big.ics"
        prof = profile_for(tmp_path / "p", url, "anna", "Anna Berg")
        Planning(prof).plan_day(date(2026, 12, 2), force=True)
        st = sync(prof)
    assert not st.in_sync and "32 MB" in st.reason


# -- failures: wrong password, server down -----------------------------------------------
def test_wrong_password_clear_message_and_no_retry_storm(
    tmp_path: Path, radicale: servers.Server, memkeyring: Any
) -> None:
    from antihjalte_desktop.feed.sync import sync
    from antihjalte_desktop.store import secrets

    cal = servers.mkcalendar(radicale.base, "anna/team")
    proxy = servers.Proxy(radicale.port)
    try:
        url = proxy.base + "/anna/team/"
        anna = profile_for(tmp_path / "anna", url, "anna", "Anna Berg")
        secrets.store_password(url, "anna", "not-the-password")
        Planning(anna).plan_day(date(2026, 12, 2), force=True)
        st = sync(anna)
        assert not st.in_sync
        assert "wrong user name or password" in st.reason
        assert "not-the-password" not in st.reason
        assert proxy.count() == 1  # one request, refused; no retries inside the sync
        assert st.next_attempt is not None and st.next_attempt > str(st.last_attempt)
        st2 = sync(anna)
        assert proxy.count() == 2 and st2.failures == 2
        assert st2.next_attempt is not None and st2.next_attempt > st.next_attempt  # backing off
        assert st2.pending_changes == 1  # the outbox is kept
        secrets.store_password(url, "anna", servers.USERS["anna"])
        synced(anna)
        assert b"antihjalte-20261202" in servers.get_raw(cal)
    finally:
        proxy.close()


@pytest.mark.parametrize("kind", ["caldav", "webdav"])
def test_server_down_outbox_kept_and_pushed_when_back(
    tmp_path: Path, radicale: servers.Server, dav_locking: servers.Server, memkeyring: Any, kind: str
) -> None:
    from antihjalte_desktop.feed.sync import sync

    srv = radicale if kind == "caldav" else dav_locking
    url = (
        servers.mkcalendar(radicale.base, "anna/team") if kind == "caldav" else dav_locking.base + "/team.ics"
    )
    anna = profile_for(tmp_path / "anna", url, "anna", "Anna Berg")
    Planning(anna).plan_day(date(2026, 12, 2), force=True)
    synced(anna)
    srv.stop()
    Planning(anna).plan_day(date(2026, 12, 3), force=True)
    Planning(anna).plan_day(date(2026, 12, 4), force=True)
    st = sync(anna)
    assert not st.in_sync and "refused the connection" in st.reason
    assert st.pending_changes == 2 and st.last_good_sync is not None
    srv.start()
    synced(anna)
    data = servers.get_raw(url)  # Radicale: the whole calendar on GET of the collection
    for d in ("20261202", "20261203", "20261204"):
        assert f"antihjalte-{d}-".encode() in data


def _self_signed(tmp_path: Path) -> tuple[str, str]:
    """A certificate for 127.0.0.1 from no known authority (what an organisation's own CA looks like)."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kommunens egen CA-test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "ca.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return str(cert_file), str(key_file)


def test_tls_is_verified_and_feed_ca_file_trusts_an_own_authority(tmp_path: Path, memkeyring: Any) -> None:
    from antihjalte_desktop.feed import ics
    from antihjalte_desktop.feed.sync import sync
    from tests.network.tiny import TinyServer

    cert, key = _self_signed(tmp_path)
    body = ics.new_calendar_header() + FOREIGN + b"END:VCALENDAR\r\n"
    auth: list[str | None] = []

    def handler(h: Any) -> tuple[int, dict[str, str], bytes]:
        auth.append(h.headers.get("Authorization"))
        if h.command == "OPTIONS":
            return 200, {"DAV": "1"}, b""
        if h.command in ("GET", "HEAD"):
            return 200, {"ETag": '"e1"', "Content-Type": "text/calendar"}, body
        return 405, {}, b""

    with TinyServer("127.0.0.1", handler, tls=(cert, key)) as srv:
        url = f"https://127.0.0.1:{srv.port}/team.ics"
        prof = profile_for(tmp_path / "p", url, "anna", "Anna Berg", kind="webdav")
        st = sync(prof)
        assert not st.in_sync and "could not be verified" in st.reason and "feed.ca_file" in st.reason
        assert auth == []  # the handshake failed: no request, no password sent
        prof.settings.set("feed.ca_file", cert)
        st = sync(prof)
    assert st.in_sync, st.reason  # read-only here: nothing of ours to write
    assert auth and all(a is not None and a.startswith("Basic ") for a in auth)  # https: fine to send
    assert ("2026-12-08", "Stina Lund", "away") in team(prof)


def test_webdav_412_means_read_and_merge_again_a_bounded_number_of_times(
    tmp_path: Path, dav_locking: servers.Server, memkeyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another tool writes the file (ignoring the lock) just before our PUT: the server answers 412,
    and the sync reads and merges again; if that keeps happening it gives up after 3 tries, keeps
    the outbox and says why."""
    from antihjalte_desktop.feed import http as feedhttp
    from antihjalte_desktop.feed.sync import sync

    share = tmp_path / "wsgidav" / "share"
    original = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\n" + FOREIGN + b"END:VCALENDAR\r\n"
    (share / "team.ics").write_bytes(original)
    url = dav_locking.base + "/team.ics"
    anna = profile_for(tmp_path / "anna", url, "anna", "Anna Berg", kind="webdav")
    Planning(anna).plan_day(date(2026, 12, 2), force=True)
    real = feedhttp.HttpClient.request
    puts: list[int] = []
    sneak = {"times": 1}

    def request(self: Any, method: str, u: str, **kw: Any) -> Any:
        if method == "PUT":
            puts.append(1)
            if sneak["times"] > 0:  # someone else's write lands first (another size: a new ETag)
                sneak["times"] -= 1
                data = (share / "team.ics").read_bytes()
                extra = FOREIGN.replace(b"outlook-absence-1", f"late-{len(puts)}".encode())
                (share / "team.ics").write_bytes(data.replace(b"END:VCALENDAR", extra + b"END:VCALENDAR"))
        return real(self, method, u, **kw)

    monkeypatch.setattr(feedhttp.HttpClient, "request", request)
    synced(anna)
    assert len(puts) == 2
    data = (share / "team.ics").read_bytes()
    assert b"UID:late-1" in data and FOREIGN in data and b"antihjalte-20261202" in data

    sneak["times"] = 99
    puts.clear()
    Planning(anna).plan_day(date(2026, 12, 3), force=True)
    st = sync(anna)
    assert not st.in_sync and "someone else wrote the feed first" in st.reason
    assert len(puts) == 3 and st.pending_changes == 1
    sneak["times"] = 0
    synced(anna)
    data = (share / "team.ics").read_bytes()
    assert b"antihjalte-20261203" in data and data.count(b"UID:late-") == 4
