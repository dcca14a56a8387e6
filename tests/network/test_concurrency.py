"""Concurrent colleagues as real processes against real servers: nothing lost, nothing
duplicated, foreign events intact; and the server stopped in the middle and started again.
Small counts by default; ``ANTIHJALTE_FULL=1`` runs 8 profiles × 25 operations."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from antihjalte_desktop.feed import rawics
from antihjalte_desktop.feed.errors import FeedFormatError
from tests.network import servers
from tests.network.test_feeds import FOREIGN

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
FULL = os.environ.get("ANTIHJALTE_FULL") == "1"
PROFILES, OPS = (8, 25) if FULL else (4, 6)
NAMES = list(servers.USERS)


FAILED_SYNCS: list[int] = []


def run_workers(tmp_path: Path, url: str, during: threading.Thread | None = None) -> dict[str, set[str]]:
    procs = []
    for i in range(PROFILES):
        user = NAMES[i % len(NAMES)]
        home = tmp_path / f"p{i}"
        home.mkdir()
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "tests.network.worker", str(home), str(2000 + i), str(OPS), url, user],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
        assert procs[-1].stdin is not None
        procs[-1].stdin.write(servers.USERS[user] + "\n")
        procs[-1].stdin.close()
        procs[-1].stdin = None  # written and closed: communicate() must not touch it
    if during is not None:
        during.start()
    finals: dict[str, set[str]] = {}
    try:
        for p in procs:
            out, err = p.communicate(timeout=300)
            assert p.returncode == 0, err
            lines = err.strip().splitlines()
            finals[lines[-1]] = set(out.split())
            FAILED_SYNCS.append(int(lines[-2].rsplit(" ", 1)[1]))
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.communicate()
        if during is not None:
            during.join()
    return finals


def check(data: bytes, finals: dict[str, set[str]]) -> None:
    own: dict[str, list[str]] = {}
    uids = []
    for c in rawics.split(data).components:
        if c.kind == "VEVENT":
            uids.append(c.uid)
        if c.owner:
            own.setdefault(c.owner, []).append(c.uid)
    assert len(uids) == len(set(uids)), "duplicate UIDs"
    assert set(own) <= set(finals)
    for pid, days in finals.items():
        got = own.get(pid, [])
        assert {u.split("-")[1] for u in got} == {d.replace("-", "") for d in days}, pid


@pytest.mark.parametrize("restart", [False, True], ids=["steady", "server-restarted"])
def test_concurrent_colleagues_on_radicale(tmp_path: Path, radicale: servers.Server, restart: bool) -> None:
    cal = servers.mkcalendar(radicale.base, "anna/team")
    foreign: dict[str, bytes] = {}

    def put_foreign(i: int) -> None:
        url = f"{cal}other-client-{i}.ics"
        ev = FOREIGN.replace(b"outlook-absence-1", f"other-client-{i}".encode())
        body = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\n" + ev + b"END:VCALENDAR\r\n"
        assert servers.put_raw(url, body, user="stina", headers={"If-None-Match": "*"}) == 201
        foreign[url] = servers.get_raw(url)

    put_foreign(0)

    def meanwhile() -> None:
        for i in range(1, 4):  # another client writes straight into the collection during the run
            time.sleep(0.3)
            if restart and i == 2:
                radicale.stop()
                time.sleep(1.5)
                radicale.start()
            put_foreign(i)

    FAILED_SYNCS.clear()
    finals = run_workers(tmp_path, cal, threading.Thread(target=meanwhile))
    if restart:
        assert sum(FAILED_SYNCS) > 0  # the server really was down while they synced
    check(servers.get_raw(cal), finals)
    assert len(foreign) == 4
    for url, body in foreign.items():
        assert servers.get_raw(url) == body


@pytest.mark.parametrize("restart", [False, True], ids=["steady", "server-restarted"])
def test_concurrent_colleagues_on_a_webdav_file(
    tmp_path: Path, dav: servers.Server, restart: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "wsgidav" / "share"
    (share / "team.ics").write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\n" + FOREIGN + b"END:VCALENDAR\r\n"
    )
    url = dav.base + "/team.ics"

    if restart:
        # Without WebDAV locking, a stop can strand a client's MKCOL lock folder (its DELETE never
        # arrives): the others take it as stale after this many seconds (10 minutes in real use).
        monkeypatch.setenv("ANTIHJALTE_DAV_LOCK_STALE_S", "4")

    def meanwhile() -> None:
        time.sleep(0.6)
        dav.stop()
        time.sleep(1.5)
        dav.start()

    FAILED_SYNCS.clear()
    finals = run_workers(tmp_path, url, threading.Thread(target=meanwhile) if restart else None)
    if restart:
        assert sum(FAILED_SYNCS) > 0  # the server really was down while they synced
    data = (share / "team.ics").read_bytes()
    try:
        check(data, finals)
    except FeedFormatError:
        pytest.fail(f"the feed was left unreadable:\n{data[-400:]!r}")
    assert FOREIGN in data
