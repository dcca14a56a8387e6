"""Special files and hostile locks (issue 15, item 5): a feed, lock, settings file, status file or
journal import that is a FIFO, a device, a folder or a symbolic link never hangs or crashes a
command, and a failed sync leaves no lock of its own behind.

Every child process runs with a timeout: a hang fails the test instead of hanging the run.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from antihjalte_desktop.feed import lock as feedlock
from antihjalte_desktop.feed.errors import FeedError, FeedLockedError
from antihjalte_desktop.store import safeio

from .conftest import ROOT_ENV

HANG = 30  # seconds a child may take before the test calls it a hang


def run(home: Path, *args: str, timeout: float = HANG, **env: str) -> subprocess.CompletedProcess[str]:
    e = ROOT_ENV(ANTIHJALTE_HOME=str(home), **env)
    try:
        return subprocess.run(
            [sys.executable, "-m", "antihjalte_desktop", *args],
            capture_output=True,
            text=True,
            env=e,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"antihjalte {' '.join(args)} hung (no answer in {timeout} s)")


def one_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stderr + proc.stdout


def leftovers(folder: Path) -> list[str]:
    """Lock files (and their temp files) left in the feed's folder."""
    return sorted(p.name for p in folder.iterdir() if ".lock" in p.name)


# -- the reader ------------------------------------------------------------------------------
def test_read_regular_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    reg = tmp_path / "reg"
    reg.write_bytes(b"hello")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    (tmp_path / "to-fifo").symlink_to("fifo")
    (tmp_path / "dangling").symlink_to("nowhere")
    (tmp_path / "to-reg").symlink_to("reg")
    (tmp_path / "dir").mkdir()
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock"))
    try:
        assert safeio.read_regular(reg, 100)[0] == b"hello"
        assert safeio.read_regular(tmp_path / "to-reg", 100, follow_symlinks=True)[0] == b"hello"
        cases = {
            "fifo": "a named pipe (FIFO)",
            "to-fifo": "a symbolic link (to fifo)",
            "dangling": "a symbolic link (to nowhere, which does not exist)",
            "to-reg": "a symbolic link (to reg)",
            "dir": "a folder",
            "sock": "a socket",
        }
        for name, what in cases.items():
            with pytest.raises(safeio.NotRegularFileError) as err:
                safeio.read_regular(tmp_path / name, 100)
            assert str(err.value) == f"{tmp_path / name} is {what}, not a regular file"
        with pytest.raises(safeio.NotRegularFileError, match="a device"):
            safeio.read_regular(Path("/dev/zero"), 100, follow_symlinks=True)
        # followed, a link to a FIFO is still refused, for what it leads to
        with pytest.raises(safeio.NotRegularFileError, match="a named pipe"):
            safeio.read_regular(tmp_path / "to-fifo", 100, follow_symlinks=True)
        with pytest.raises(FileNotFoundError):
            safeio.read_regular(tmp_path / "missing", 100)
    finally:
        sock.close()


def test_read_regular_is_bounded(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(safeio.FileTooLargeError) as err:
        safeio.read_regular(big, 4096)
    assert str(err.value) == f"{big} is 5 KB, more than the 4 KB this app reads"
    assert safeio.read_regular(big, 5000)[0] == b"x" * 5000
    # a file whose size says 0 (as /proc files do) is still read only up to the limit
    with pytest.raises(safeio.FileTooLargeError):
        safeio.read_regular(Path("/proc/self/maps"), 10, follow_symlinks=True)


# -- hostile locks, on the real lock ------------------------------------------------------------
@pytest.mark.parametrize(
    "make, what",
    [
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.symlink_to("nowhere"), "is a symbolic link (to nowhere, which does not exist)"),
        (lambda p: (os.mkfifo(p.with_name("pipe")), p.symlink_to("pipe")), "is a symbolic link (to pipe)"),
        (lambda p: os.mkfifo(p), "is a named pipe (FIFO)"),
    ],
    ids=["folder", "dangling-symlink", "symlink-to-fifo", "fifo"],
)
def test_a_lock_that_is_no_file_is_named_and_left_alone(tmp_path: Path, make, what: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "team.ics.lock"
    make(path)
    lock = feedlock.FileLock(path, timeout=20, stale_after=1)
    with pytest.raises(FeedError) as err:
        lock.acquire()  # at once: it will not go away by waiting
    msg = str(err.value)
    assert f"the feed's lock {path} {what}, not a lock file this app made" in msg
    assert "remove it" in msg and "process ?" not in msg
    assert os.path.lexists(path)  # not ours: never removed
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".new")] == []


def _holder(path: Path, **fields: object) -> None:
    info = {"host": socket.gethostname(), "pid": 1, "boot": "", "start": "", "since": "x", "token": "t"}
    info.update(fields)
    path.write_text(json.dumps(info))


@pytest.mark.parametrize(
    "content",
    [
        json.dumps({"host": socket.gethostname(), "pid": "abc"}),
        json.dumps({"host": socket.gethostname(), "pid": 10**30}),
        json.dumps({"host": socket.gethostname(), "pid": -5}),
        json.dumps({"host": socket.gethostname(), "pid": True}),
        json.dumps({"host": 7, "pid": 12}),
        "[1, 2, 3]",
        "garbage \x00\xff",
        "[" * 100_000,
        "x" * 10_000,
        "",
    ],
    ids=[
        "pid-text",
        "pid-huge",
        "pid-negative",
        "pid-bool",
        "host-number",
        "list",
        "garbage",
        "deep",
        "big",
        "empty",
    ],
)
def test_a_lock_with_unreadable_fields_is_judged_by_its_heartbeat(tmp_path: Path, content: str) -> None:
    path = tmp_path / "team.ics.lock"
    path.write_text(content, errors="surrogateescape")
    # untouched: cleared once its heartbeat has been still for stale_after
    with feedlock.FileLock(path, timeout=10, stale_after=0.5):
        assert json.loads(path.read_text())["pid"] == os.getpid()
    assert not path.exists()
    # touched all the time: waited for until the timeout, then named for what it is
    path.write_text(content, errors="surrogateescape")
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(0.05):
            os.utime(path)

    th = threading.Thread(target=beat)
    th.start()
    try:
        with pytest.raises(FeedLockedError) as err:
            feedlock.FileLock(path, timeout=1.0, stale_after=0.6).acquire()
    finally:
        stop.set()
        th.join()
    msg = str(err.value)
    assert f"the feed's lock file {path} does not hold a lock this app can read" in msg
    assert "gave up after 1 s" in msg and "remove it" in msg and "process ?" not in msg


def test_a_garbled_lock_is_cleared_within_the_default_timeout(tmp_path: Path) -> None:
    """With the lock timeout equal to the staleness (the defaults: 30 and 30), a dead lock is still
    cleared before giving up, not just after."""
    path = tmp_path / "team.ics.lock"
    path.write_text("not json")
    with feedlock.FileLock(path, timeout=1.0, stale_after=1.0):
        pass
    # and a lock of another host that stopped beating, the same
    _holder(path, host="elsewhere.example", pid=4242)
    with feedlock.FileLock(path, timeout=1.0, stale_after=1.0):
        pass


def test_an_unreadable_lock_is_named(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("runs as root: permission bits do not stop root from reading a file")
    path = tmp_path / "team.ics.lock"
    _holder(path)
    path.chmod(0)
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(0.05):
            os.utime(path)

    th = threading.Thread(target=beat)
    th.start()
    try:
        with pytest.raises(FeedLockedError, match=r"cannot be read \(permission denied\)"):
            feedlock.FileLock(path, timeout=1.0, stale_after=0.6).acquire()
    finally:
        stop.set()
        th.join()
    with feedlock.FileLock(path, timeout=10, stale_after=0.5):  # still: cleared
        pass


def test_an_unreadable_lock_is_named_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root reads any file, so here the read is made to fail as it does for other users (the one
    stand-in of this file; the real chmod 000 case runs above when not root)."""
    path = tmp_path / "team.ics.lock"
    _holder(path)
    real = safeio.read_regular

    def denied(p: Path, limit: int, **kw: bool) -> tuple[bytes, os.stat_result]:
        if p == path:
            raise PermissionError(13, "Permission denied", str(p))
        return real(p, limit, **kw)

    monkeypatch.setattr(safeio, "read_regular", denied)
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(0.05):
            os.utime(path)

    th = threading.Thread(target=beat)
    th.start()
    try:
        with pytest.raises(FeedLockedError, match=r"lock file .* cannot be read \(permission denied\)"):
            feedlock.FileLock(path, timeout=1.0, stale_after=0.6).acquire()
    finally:
        stop.set()
        th.join()
    assert path.exists()


# -- the commands, in real processes -------------------------------------------------------------
def _profile_with_feed(home: Path, feed: Path) -> None:
    for args in (
        ("config", "set", "me.name", "Olle"),
        ("feed", "set", str(feed)),
        ("plan", "add", "2026-12-04"),
    ):
        r = run(home, *args)
        assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("kind", ["fifo", "symlink-to-fifo", "dangling-symlink", "folder", "symlink-to-file"])
def test_sync_refuses_a_feed_that_is_no_file_and_leaves_no_lock(
    home: Path, tmp_path: Path, kind: str
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    feed = share / "team.ics"
    if kind == "fifo":
        os.mkfifo(feed)
    elif kind == "symlink-to-fifo":
        os.mkfifo(share / "pipe")
        feed.symlink_to("pipe")
    elif kind == "dangling-symlink":
        feed.symlink_to("gone.ics")
    elif kind == "folder":
        feed.mkdir()
    else:
        (share / "real.ics").write_bytes(b"")
        feed.symlink_to("real.ics")
    _profile_with_feed(home, feed)
    r = run(home, "sync", ANTIHJALTE_FEED_LOCK_TIMEOUT="5")
    assert r.returncode == 1, one_line(r)
    msg = one_line(r)
    expected = {
        "fifo": "is a named pipe (FIFO), not a file",
        "symlink-to-fifo": "is a symbolic link (to pipe); this app does not follow links",
        "dangling-symlink": "is a symbolic link (to gone.ics)",
        "folder": "is a folder; name a file in it",
        "symlink-to-file": f"set feed.location to the file itself ({share / 'real.ics'})",
    }[kind]
    assert expected in msg
    assert leftovers(share) == []  # no lock of ours left behind
    assert os.path.lexists(feed)  # and the thing itself left as it was
    status = json.loads((home / "data" / "feed-status.json").read_text())
    assert status["in_sync"] is False and expected in status["reason"]
    assert status["pending_changes"] == 1  # the outbox is kept


@pytest.mark.parametrize(
    "content, expect",
    [
        ("dir", "is a folder, not a lock file this app made"),
        ("dangling", "is a symbolic link (to nowhere, which does not exist)"),
        ("fifo-link", "is a symbolic link (to pipe)"),
        ("pid-text", "does not hold a lock this app can read"),
        ("pid-huge", "does not hold a lock this app can read"),
    ],
)
def test_sync_with_a_hostile_lock_ends_with_a_message(
    home: Path, tmp_path: Path, content: str, expect: str
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    feed = share / "team.ics"
    lock = share / "team.ics.lock"
    if content == "dir":
        lock.mkdir()
    elif content == "dangling":
        lock.symlink_to("nowhere")
    elif content == "fifo-link":
        os.mkfifo(share / "pipe")
        lock.symlink_to("pipe")
    else:
        pid: object = "abc" if content == "pid-text" else 10**30
        lock.write_text(json.dumps({"host": socket.gethostname(), "pid": pid}))
    _profile_with_feed(home, feed)
    # a garbled lock that something keeps touching: waited for, then named (timeout 2 s)
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(0.1):
            if lock.is_file() and not lock.is_symlink():
                os.utime(lock)

    th = threading.Thread(target=beat)
    th.start()
    try:
        r = run(home, "sync", ANTIHJALTE_FEED_LOCK_TIMEOUT="2", ANTIHJALTE_FEED_LOCK_STALE="1")
    finally:
        stop.set()
        th.join()
    assert r.returncode == 1, one_line(r)
    msg = one_line(r)
    assert expect in msg and "process ?" not in msg and "remove it" in msg
    assert not feed.exists()
    assert sorted(p.name for p in share.iterdir()) == sorted(
        ["team.ics.lock"] + (["pipe"] if content == "fifo-link" else [])
    )  # only what was there: nothing of ours
    if content.startswith("pid-"):
        # untouched, the same lock is cleared within the lock timeout and the sync goes through
        r = run(home, "sync", ANTIHJALTE_FEED_LOCK_TIMEOUT="3", ANTIHJALTE_FEED_LOCK_STALE="1")
        assert r.returncode == 0, one_line(r)
        assert feed.is_file() and not lock.exists()


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder", "too-large"])
def test_status_with_a_settings_file_that_is_no_file(home: Path, kind: str) -> None:
    settings = home / "config" / "settings.json"
    settings.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(settings)
    elif kind == "dev-zero":
        settings.symlink_to("/dev/zero")
    elif kind == "folder":
        settings.mkdir()
    else:
        settings.write_text('{"me.name": "' + "x" * (2 * 1024 * 1024) + '"}')
    r = run(home, "status")
    assert r.returncode == 1, one_line(r)
    msg = one_line(r)
    expected = {
        "fifo": "is a named pipe (FIFO), not a file",
        "dev-zero": "is a device, not a file",
        "folder": "is a folder, not a file",
        "too-large": "more than the 1 MB a settings file may be",
    }[kind]
    assert f"the settings file {settings}" in msg and expected in msg
    assert os.path.lexists(settings)


def test_a_linked_settings_file_is_followed(home: Path, tmp_path: Path) -> None:
    """Dotfile managers link settings into place: a link to a regular file is read."""
    real = tmp_path / "dotfiles" / "settings.json"
    real.parent.mkdir()
    real.write_text(json.dumps({"me.name": "Linked Olle"}))
    settings = home / "config" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.symlink_to(real)
    r = run(home, "config", "get", "me.name")
    assert r.returncode == 0, one_line(r)
    assert r.stdout.strip() == "Linked Olle"


def test_status_file_that_is_a_fifo_does_not_hang(home: Path) -> None:
    r = run(home, "status")
    assert r.returncode == 0, one_line(r)
    os.mkfifo(home / "data" / "feed-status.json")
    r = run(home, "feed", "show")
    assert r.returncode == 0, one_line(r)
    r = run(home, "status")
    assert r.returncode == 0, one_line(r)


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "symlink-to-fifo", "folder-with-fifo", "socket"])
def test_journal_import_of_a_special_file_is_refused_at_once(home: Path, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "import.json"
    sock = None
    if kind == "dev-zero":
        target = Path("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink-to-fifo":
        os.mkfifo(tmp_path / "pipe")
        target.symlink_to("pipe")
    elif kind == "folder-with-fifo":
        target = tmp_path / "notes"
        target.mkdir()
        (target / "a.md").write_text("---\ndate: 2026-11-30\n---\nHello\n")
        os.mkfifo(target / "b.md")
    else:
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(target))
    try:
        r = run(home, "journal", "import", str(target), timeout=20)
    finally:
        if sock is not None:
            sock.close()
    assert r.returncode == 1, one_line(r)
    msg = one_line(r)
    what = {
        "dev-zero": "it is a device, not a file",
        "fifo": "it is a named pipe (FIFO), not a file",
        "symlink-to-fifo": "it is a named pipe (FIFO), not a file",
        "folder-with-fifo": "it is a named pipe (FIFO), not a file",
        "socket": "it is a socket, not a file",
    }[kind]
    assert "cannot import" in msg and what in msg
    assert "Imported" not in r.stdout


def test_journal_import_follows_a_link_to_a_real_file(home: Path, tmp_path: Path) -> None:
    real = tmp_path / "journal.json"
    real.write_text(
        json.dumps(
            {
                "format": "antihjalte-journal",
                "version": 1,
                "entries": [{"date": "2026-11-30", "body": "Via a link"}],
            }
        )
    )
    link = tmp_path / "link.json"
    link.symlink_to(real)
    r = run(home, "journal", "import", str(link))
    assert r.returncode == 0, one_line(r)
    assert "Imported 1 entry" in r.stdout


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_status_with_a_database_that_is_no_file(home: Path, kind: str) -> None:
    db = home / "data" / "antihjalte.sqlite3"
    db.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(db)
    else:
        db.mkdir()
    r = run(home, "status")
    assert r.returncode == 1, one_line(r)
    what = "a named pipe (FIFO)" if kind == "fifo" else "a folder"
    assert f"the database {db} is {what}, not a file" in one_line(r)


def test_journal_import_refuses_a_file_over_the_limit_without_reading_it(home: Path, tmp_path: Path) -> None:
    from antihjalte_desktop.store.journal_store import MAX_IMPORT_BYTES

    huge = tmp_path / "huge.json"
    with huge.open("wb") as fh:  # sparse: no disk used, and never read
        fh.truncate(MAX_IMPORT_BYTES + 1)
    r = run(home, "journal", "import", str(huge))
    assert r.returncode == 1, one_line(r)
    assert f"cannot import {huge}: it is just over the 128 MB an import may be" in one_line(r)


def test_journal_import_of_deeply_nested_json_is_one_line(home: Path, tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    r = run(home, "journal", "import", str(deep))
    assert r.returncode == 1, one_line(r)
    assert f"cannot import {deep}: not valid JSON (nested too deeply" in one_line(r)
