"""Deadlines and redirects (issue 15, item 6): one overall deadline per HTTP request, headers
included, one per sync, and no redirect to a link-local or metadata address.

The servers are real loopback sockets. A dripping one sends its answer one byte at a time, each
byte well within the socket timeout, so only an overall deadline can end the request. Each sync
runs in a child process with a timeout: a hang fails the test; the bound is asserted by that
timeout and the exit code, never by timing the run.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from antihjalte_desktop.feed.http import FeedInsecureError, FeedTimeoutError, HttpClient, forbidden_host
from tests.network.tiny import TinyServer

ROOT = Path(__file__).resolve().parents[2]


class DripServer:
    """Answers every request by sending ``head`` (then ``body``) one byte every ``every`` seconds,
    for as long as the client listens."""

    def __init__(
        self, head: bytes, body: bytes = b"", every: float = 0.3, tls: tuple[str, str] | None = None
    ) -> None:
        self.tls = tls
        self.head = head
        self.body = body
        self.every = every
        self.stop = threading.Event()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.requests = 0
        self.threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}/team.ics"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            th = threading.Thread(target=self._one, args=(conn,), daemon=True)
            th.start()
            self.threads.append(th)

    def _one(self, raw: socket.socket) -> None:
        conn = raw
        try:
            raw.settimeout(1)
            if self.tls is not None:
                import ssl

                ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                ctx.load_cert_chain(*self.tls)
                conn = ctx.wrap_socket(raw, server_side=True)
            conn.recv(65536)
            self.requests += 1
            for b in self.head + self.body:
                if self.stop.wait(self.every):
                    return
                conn.sendall(bytes([b]))
        except OSError:
            return  # the client gave up: what we want
        finally:
            conn.close()
            raw.close()

    def __enter__(self) -> DripServer:
        t = threading.Thread(target=self._serve, daemon=True)
        t.start()
        self.threads.append(t)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.sock.close()
        for t in self.threads:
            t.join(timeout=5)


DRIP_HEADERS = b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-Drip-%d: slow\r\n" % i for i in range(500))


@pytest.fixture
def dripping_headers() -> Iterator[DripServer]:
    with DripServer(DRIP_HEADERS) as srv:
        yield srv


def antihjalte(home: Path, *args: str, timeout: float, **extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ANTIHJALTE_HOME=str(home), ANTIHJALTE_NOW="2026-11-30T09:00:00+01:00", **extra)
    env["PYTHONPATH"] = str(ROOT)
    try:
        return subprocess.run(
            [sys.executable, "-m", "antihjalte_desktop", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"antihjalte {' '.join(args)} was still running after {timeout} s: no deadline held")


def setup_profile(home: Path, url: str, **settings: str) -> None:
    for args in (
        ("config", "set", "me.name", "Olle"),
        ("feed", "set", url, "--kind", "webdav"),
        ("plan", "add", "2026-12-04"),
        *(("config", "set", k, v) for k, v in settings.items()),
    ):
        r = antihjalte(home, *args, timeout=60)
        assert r.returncode == 0, r.stderr


def assert_failed_cleanly(home: Path, proc: subprocess.CompletedProcess[str], reason: str) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1, proc.stderr + proc.stdout
    assert reason in proc.stderr + proc.stdout
    status = json.loads((home / "data" / "feed-status.json").read_text())
    assert status["in_sync"] is False and reason in status["reason"]
    assert status["pending_changes"] == 1  # the outbox is kept
    r = antihjalte(home, "feed", "show", timeout=60)
    assert "1 change(s) waiting" in r.stdout or "not synced" in r.stdout.lower(), r.stdout


def test_headers_dripped_a_byte_at_a_time_end_at_the_request_deadline(
    home: Path, dripping_headers: DripServer
) -> None:
    setup_profile(home, dripping_headers.url, **{"feed.http_deadline_seconds": "5"})
    # 500 header lines at 0.3 s a byte would take over an hour; each byte resets a socket timeout
    r = antihjalte(home, "sync", timeout=45)
    assert_failed_cleanly(
        home,
        r,
        f"{dripping_headers.url} did not send its whole answer within 5 s (feed.http_deadline_seconds)",
    )
    assert dripping_headers.requests >= 1


def test_a_dripped_body_ends_at_the_request_deadline(home: Path) -> None:
    body = b"BEGIN:VCALENDAR\r\n" * 1000
    head = b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\nETag: "1"\r\n\r\n' % len(body)
    with DripServer(head, body, every=0.01) as srv:
        # the headers arrive within a second; the body would take 3 minutes
        client = HttpClient(deadline=5)
        with pytest.raises(FeedTimeoutError, match="within 5 s"):
            client.request("GET", srv.url)
        client.close()


def test_headers_dripped_over_tls_end_at_the_request_deadline(tmp_path: Path) -> None:
    from tests.network.test_feeds import _self_signed

    cert, key = _self_signed(tmp_path)
    with DripServer(DRIP_HEADERS, tls=(cert, key)) as srv:
        client = HttpClient(ca_file=cert, deadline=5)
        with pytest.raises(FeedTimeoutError, match="did not send its whole answer within 5 s"):
            client.request("GET", srv.url)
        client.close()
        assert srv.requests == 1


def test_the_sync_deadline_ends_a_sync_whatever_the_request_deadline(
    home: Path, dripping_headers: DripServer
) -> None:
    setup_profile(
        home,
        dripping_headers.url,
        **{"feed.http_deadline_seconds": "600", "feed.sync_deadline_seconds": "10"},
    )
    r = antihjalte(home, "sync", timeout=50)
    assert_failed_cleanly(
        home, r, "the sync was stopped after 10 s (feed.sync_deadline_seconds) while waiting for 127.0.0.1"
    )


def test_the_sync_deadline_ends_a_wait_for_the_lock(home: Path, tmp_path: Path) -> None:
    """A live holder (this test process) and a long lock timeout: the sync's deadline decides."""
    share = tmp_path / "share"
    share.mkdir()
    feed = share / "team.ics"
    lock = share / "team.ics.lock"
    for args in (
        ("config", "set", "me.name", "Olle"),
        ("feed", "set", str(feed)),
        ("plan", "add", "2026-12-04"),
        ("config", "set", "feed.sync_deadline_seconds", "10"),
    ):
        assert antihjalte(home, *args, timeout=60).returncode == 0
    from antihjalte_desktop.feed.lock import FileLock

    with FileLock(lock, timeout=5):
        held = lock.read_bytes()
        r = antihjalte(
            home, "sync", timeout=50, ANTIHJALTE_FEED_LOCK_TIMEOUT="600", ANTIHJALTE_FEED_LOCK_STALE="600"
        )
        assert lock.read_bytes() == held  # a live holder's lock: never broken
    assert_failed_cleanly(
        home,
        r,
        f"the sync was stopped after 10 s (feed.sync_deadline_seconds) while waiting for the feed's lock, "
        f"held by process {os.getpid()}",
    )
    assert sorted(p.name for p in share.iterdir()) == []  # nothing of the child's left behind
    r = antihjalte(home, "sync", timeout=60)
    assert r.returncode == 0, r.stderr
    assert feed.is_file()


def test_deadline_settings_are_checked(home: Path) -> None:
    for key, bad, good in (
        ("feed.http_deadline_seconds", "4", "5"),
        ("feed.http_deadline_seconds", "601", "600"),
        ("feed.sync_deadline_seconds", "9", "10"),
        ("feed.sync_deadline_seconds", "3601", "3600"),
    ):
        r = antihjalte(home, "config", "set", key, bad, timeout=60)
        assert r.returncode == 2 and key in r.stderr, r.stderr
        assert antihjalte(home, "config", "set", key, good, timeout=60).returncode == 0
    r = antihjalte(home, "config", "list", timeout=60)
    assert "feed.http_deadline_seconds" in r.stdout and "feed.sync_deadline_seconds" in r.stdout


# -- redirects ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/iam/",
        "http://169.254.1.7/team.ics",
        "http://[fe80::1]/team.ics",
        "http://[fd00:ec2::254]/latest/",
        "http://[::ffff:169.254.169.254]/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://METADATA.google.internal./x",
    ],
)
def test_redirects_to_link_local_or_metadata_are_refused(target: str) -> None:
    def redirect(_h: object) -> tuple[int, dict[str, str], bytes]:
        return 302, {"Location": target}, b""

    with TinyServer("127.0.0.1", redirect) as srv:
        client = HttpClient(deadline=10)
        with pytest.raises(FeedInsecureError, match="a link-local or cloud metadata address; refused"):
            client.request("GET", f"http://127.0.0.1:{srv.port}/team.ics")
        client.close()
        assert srv.requests == ["GET"]  # nothing was sent to the target


def test_ordinary_redirects_still_work() -> None:
    def final(_h: object) -> tuple[int, dict[str, str], bytes]:
        return 200, {"Content-Type": "text/calendar"}, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"

    with TinyServer("127.0.0.1", final) as end:

        def redirect(_h: object) -> tuple[int, dict[str, str], bytes]:
            return 302, {"Location": f"http://localhost:{end.port}/moved.ics"}, b""

        with TinyServer("127.0.0.1", redirect) as start:
            with HttpClient(deadline=10) as client:
                resp = client.request("GET", f"http://127.0.0.1:{start.port}/team.ics")
            assert resp.status == 200 and resp.body.startswith(b"BEGIN:VCALENDAR")


def test_forbidden_host_names() -> None:
    assert forbidden_host("169.254.169.254") and forbidden_host("[fe80::1]") and forbidden_host("metadata")
    assert not forbidden_host("127.0.0.1") and not forbidden_host("dav.example.se")
    assert not forbidden_host("10.0.0.5") and not forbidden_host("[::1]")


def test_a_sync_redirected_to_metadata_fails_cleanly(home: Path) -> None:
    def redirect(_h: object) -> tuple[int, dict[str, str], bytes]:
        return 302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""

    with TinyServer("127.0.0.1", redirect) as srv:
        url = f"http://127.0.0.1:{srv.port}/team.ics"
        setup_profile(home, url)
        r = antihjalte(home, "sync", timeout=60)
    assert_failed_cleanly(home, r, "http://169.254.169.254/latest/meta-data/, a link-local or cloud metadata")


def test_the_sync_deadline_stops_work_that_does_not_check_it(home: Path, tmp_path: Path) -> None:
    """The last resort: a sync stuck inside its session (the test hold: a sleep with the lock held)
    is stopped by the alarm shortly after the deadline, and still removes its lock."""
    share = tmp_path / "share"
    share.mkdir()
    feed = share / "team.ics"
    for args in (
        ("config", "set", "me.name", "Olle"),
        ("feed", "set", str(feed)),
        ("plan", "add", "2026-12-04"),
        ("config", "set", "feed.sync_deadline_seconds", "10"),
    ):
        assert antihjalte(home, *args, timeout=60).returncode == 0
    r = antihjalte(home, "sync", timeout=50, ANTIHJALTE_FEED_TEST_HOLD="300")
    assert_failed_cleanly(home, r, "the sync was stopped after 10 s (feed.sync_deadline_seconds)")
    assert sorted(p.name for p in share.iterdir()) == []  # the lock was released


def test_a_sync_stopped_by_its_deadline_still_unlocks_the_webdav_file(
    tmp_path: Path, memkeyring: Any
) -> None:
    """The server holds the GET past the sync's deadline: the sync stops with the reason, and the
    UNLOCK of its WebDAV lock is still sent (clean-up has seconds of its own)."""
    from antihjalte_desktop.feed.sync import sync
    from tests.network.conftest import profile_for

    release = threading.Event()
    seen: list[str] = []

    def handler(h: Any) -> tuple[int, dict[str, str], bytes]:
        seen.append(h.command)
        if h.command == "OPTIONS":
            return 200, {"DAV": "1, 2"}, b""
        if h.command == "HEAD":
            return 404, {}, b""
        if h.command == "LOCK":
            return 201, {"Lock-Token": "<opaquelocktoken:t1>"}, b""
        if h.command == "GET":
            release.wait(60)  # longer than the sync may take
            return 404, {}, b""
        if h.command == "UNLOCK":
            return 204, {}, b""
        return 405, {}, b""

    with TinyServer("127.0.0.1", handler) as srv:
        url = f"http://127.0.0.1:{srv.port}/team.ics"
        prof = profile_for(tmp_path / "p", url, "anna", "Anna Berg", kind="webdav")
        prof.settings.set("feed.sync_deadline_seconds", 10)
        prof.settings.set("feed.http_deadline_seconds", 600)
        try:
            st = sync(prof)
        finally:
            release.set()
            prof.close()
    assert not st.in_sync
    assert (
        "the sync was stopped after 10 s (feed.sync_deadline_seconds) while waiting for 127.0.0.1"
        in st.reason
    )
    assert seen[-1] == "UNLOCK" and "LOCK" in seen and "GET" in seen
