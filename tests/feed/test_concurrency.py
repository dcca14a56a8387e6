"""Real processes on one shared feed file: concurrent writers, SIGKILL mid-sync, a SIGSTOPped
lock holder. Counts are small by default; ``ANTIHJALTE_FULL=1`` runs the full ones (100 kills)."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import icalendar
import pytest

from antihjalte_desktop.feed import lock as feedlock
from antihjalte_desktop.feed import rawics
from antihjalte_desktop.feed.errors import FeedLockedError
from antihjalte_desktop.feed.sync import sync
from antihjalte_desktop.services.planning import Planning

from .conftest import FULL, ROOT_ENV, assert_intact, copy_sample, make_profile

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def _own_by_profile(data: bytes) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in rawics.split(data).components:
        if c.owner:
            out.setdefault(c.owner, []).append(c.uid)
    return out


def test_eight_profiles_25_operations_concurrently(tmp_path: Path) -> None:
    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    before = copy_sample("google.ics", feed)
    homes = []
    for i in range(8):
        prof = make_profile(tmp_path / f"p{i}", name=f"Kollega {i}", feed=feed)
        prof.close()
        homes.append(tmp_path / f"p{i}")
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.feed.worker", str(h), str(1000 + i), "25"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ROOT_ENV(),
        )
        for i, h in enumerate(homes)
    ]
    finals: dict[str, set[str]] = {}
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        finals[err.strip().splitlines()[-1]] = set(out.split())
    data = feed.read_bytes()
    cal = icalendar.Calendar.from_ical(data)
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    own = _own_by_profile(data)
    for pid, days in finals.items():
        got = own.get(pid, [])
        assert len(got) == len(set(got)), "duplicate UIDs"
        assert {u.split("-")[1] for u in got} == {d.replace("-", "") for d in days}
    assert set(own) <= set(finals)
    assert_intact(before, data)
    assert len([u for u in uids if "@google.com" in u]) == 6
    assert not feed.with_name("team.ics.lock").exists()


def _big_feed(path: Path, n: int) -> bytes:
    from tests.feed.gen import generate

    data = generate(n, seed=7)
    path.write_bytes(data)
    return data


def test_sigkill_at_random_moments(tmp_path: Path) -> None:
    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    before = _big_feed(feed, 1500)
    home = tmp_path / "me"
    prof = make_profile(home, name="Olle Ek", feed=feed)
    assert sync(prof).in_sync
    rnd = random.Random(42)
    rounds = 100 if FULL else 15
    killed = 0
    for i in range(rounds):
        day = date(2026, 12, 1 + i % 28)
        if prof.plan.get_day(day):
            Planning(prof).unplan_day(day)
        else:
            Planning(prof).plan_day(day, force=True)
        p = subprocess.Popen(
            [sys.executable, "-m", "antihjalte_desktop", "--home", str(home), "sync"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=ROOT_ENV(),
        )
        time.sleep(rnd.uniform(0.0, 0.3))  # a sync here takes about 0.2 s: kill before, in and after it
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            killed += 1
        p.wait(timeout=60)
        data = feed.read_bytes()
        rawics.validate(rawics.split(data))  # always a whole calendar
        assert_intact(before, data)
    print(f"killed {killed} of {rounds} syncs in flight")
    assert killed > 0
    icalendar.Calendar.from_ical(feed.read_bytes())
    # after all that, one clean sync puts the plan in, and leaves no debris
    st = sync(prof)
    assert st.in_sync, st.reason
    own = _own_by_profile(feed.read_bytes()).get(prof.plan.profile_id(), [])
    assert sorted(u.split("-")[1] for u in own) == sorted(d.strftime("%Y%m%d") for d in prof.plan.day_dates())
    debris = [p.name for p in feed.parent.iterdir() if p.name not in ("team.ics", "team.ics.bak")]
    assert debris == []
    prof.close()


def test_sigstopped_lock_holder_is_waited_for_not_broken(tmp_path: Path) -> None:
    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    copy_sample("thunderbird.ics", feed)
    a, b = tmp_path / "a", tmp_path / "b"
    for h, n in ((a, "A"), (b, "B")):
        p = make_profile(h, name=n, feed=feed)
        Planning(p).plan_day(date(2026, 12, 8), force=True)
        p.close()
    holder = subprocess.Popen(
        [sys.executable, "-m", "antihjalte_desktop", "--home", str(a), "sync"],
        cwd=ROOT,
        env=ROOT_ENV(ANTIHJALTE_FEED_TEST_HOLD="3"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    lock = feed.with_name("team.ics.lock")
    try:
        deadline = time.monotonic() + 30
        while not lock.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert lock.exists()
        holder.send_signal(signal.SIGSTOP)
        held = lock.read_bytes()
        assert json.loads(held)["pid"] == holder.pid
        before = feed.read_bytes()
        r = subprocess.run(
            [sys.executable, "-m", "antihjalte_desktop", "--home", str(b), "sync", "--json"],
            cwd=ROOT,
            env=ROOT_ENV(ANTIHJALTE_FEED_LOCK_TIMEOUT="1.5", ANTIHJALTE_FEED_LOCK_STALE="0.5"),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert r.returncode == 1
        st = json.loads(r.stdout)
        assert f"locked by process {holder.pid} on {socket.gethostname()}" in st["reason"]
        assert "still running" in st["reason"]
        assert lock.read_bytes() == held  # not broken
        assert feed.read_bytes() == before
    finally:
        holder.send_signal(signal.SIGCONT)
    _out, err = holder.communicate(timeout=60)
    assert holder.returncode == 0, err
    assert not lock.exists()
    # and now B gets in
    r = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", "--home", str(b), "sync"],
        cwd=ROOT,
        env=ROOT_ENV(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert len(_own_by_profile(feed.read_bytes())) == 2


def test_a_slow_holder_is_waited_for(tmp_path: Path) -> None:
    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    a, b = tmp_path / "a", tmp_path / "b"
    for h, n in ((a, "A"), (b, "B")):
        make_profile(h, name=n, feed=feed).close()
    holder = subprocess.Popen(
        [sys.executable, "-m", "antihjalte_desktop", "--home", str(a), "sync"],
        cwd=ROOT,
        env=ROOT_ENV(ANTIHJALTE_FEED_TEST_HOLD="1.5"),
    )
    lock = feed.with_name("team.ics.lock")
    deadline = time.monotonic() + 30
    while not lock.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    prof = make_profile(b)
    st = sync(prof)
    prof.close()
    assert holder.wait(timeout=60) == 0
    assert st.in_sync and f"process {holder.pid}" in st.waited_for_lock


def _lock_file(path: Path, **info: object) -> None:
    path.write_text(
        json.dumps(
            {
                "host": socket.gethostname(),
                "pid": 1,
                "boot": "",
                "start": "",
                "since": "x",
                "token": "t",
                **info,
            }
        )
    )


def test_stale_locks(tmp_path: Path) -> None:
    path = tmp_path / "team.ics.lock"
    # same host, no such process: broken at once
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    _lock_file(path, pid=dead.pid)
    with feedlock.FileLock(path, timeout=5):
        assert json.loads(path.read_text())["pid"] == os.getpid()
    assert not path.exists()
    # same host, a reboot since: gone
    _lock_file(path, pid=os.getppid(), boot="not-this-boot")
    with feedlock.FileLock(path, timeout=5):
        pass
    # another host, heartbeat stopped: broken after stale_after
    _lock_file(path, host="elsewhere.example", pid=4242)
    t = time.monotonic()
    with feedlock.FileLock(path, timeout=10, stale_after=0.5):
        assert time.monotonic() - t >= 0.5
    # another host, heartbeat alive: waited for, never broken
    _lock_file(path, host="elsewhere.example", pid=4242)
    with pytest.raises(FeedLockedError, match=r"elsewhere\.example"):
        lk = feedlock.FileLock(path, timeout=1.2, stale_after=0.5)
        import threading

        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(0.1):
                os.utime(path)

        th = threading.Thread(target=beat)
        th.start()
        try:
            lk.acquire()
        finally:
            stop.set()
            th.join()
    assert "elsewhere.example" in path.read_text()


def test_disk_full_mid_write_leaves_the_feed_whole(tmp_path: Path) -> None:
    """A write that hits the file-size limit (a full disk or a quota) changes nothing."""
    import resource

    feed = tmp_path / "share" / "team.ics"
    feed.parent.mkdir()
    before = _big_feed(feed, 400)  # bigger than the profile's databases, so the feed hits the limit first
    home = tmp_path / "me"
    prof = make_profile(home, name="Olle Ek", feed=feed)
    assert sync(prof).in_sync
    synced = feed.read_bytes()
    assert max(p.stat().st_size for p in (home / "data").iterdir()) < len(synced)
    for d in range(1, 20):
        Planning(prof).plan_day(date(2026, 12, d), force=True)
    prof.close()
    limit = len(synced) + 600  # the status file fits, the grown feed does not

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    r = subprocess.run(
        [sys.executable, "-m", "antihjalte_desktop", "--home", str(home), "sync", "--json"],
        cwd=ROOT,
        env=ROOT_ENV(),
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=small_disk,
    )
    assert r.returncode == 1, r.stderr
    assert "cannot write the feed" in r.stderr and "left as it was" in r.stderr
    assert feed.read_bytes() == synced
    assert_intact(before, synced)
    assert [p.name for p in feed.parent.iterdir() if p.suffix == ".tmp"] == []
