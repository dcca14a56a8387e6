"""The world's failures through the real command: one clear line, a non-zero exit,
never a traceback, and nothing stored is lost."""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from antihjalte_desktop.store.db import SCHEMA_VERSION

from ..conftest import Cli, require, require_tools
from ..store.test_db import make_v1
from .conftest import Run

COMMANDS = [
    ("plan", "list"),
    ("plan", "add", "fri"),
    ("status",),
    ("handover", "fri"),
    ("reminders",),
    ("autoreply", "fri"),
]


def db_file(home: Path) -> Path:
    return home / "data" / "antihjalte.sqlite3"


@pytest.mark.parametrize("kind", ["garbage", "header-then-garbage"])
def test_corrupt_database_left_in_place(ah: Run, home: Path, kind: str) -> None:
    if kind == "garbage":
        db_file(home).parent.mkdir(parents=True, mode=0o700)
        data = os.urandom(20000)
    else:
        ah("plan", "add", "fri")
        good = db_file(home).read_bytes()
        data = good[:100] + bytes(b ^ 0xA5 for b in good[100:])
    db_file(home).write_bytes(data)
    for args in COMMANDS:
        err = ah(*args, code=1).stderr
        assert "is damaged" in err and "left as it is" in err, args
        assert str(db_file(home)) in err
    assert db_file(home).read_bytes() == data  # byte for byte
    assert sorted(p.name for p in db_file(home).parent.iterdir()) == ["antihjalte.sqlite3"]


def test_newer_database_refused(ah: Run, home: Path) -> None:
    ah("plan", "add", "fri")
    conn = sqlite3.connect(db_file(home))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    err = ah("plan", "list", code=1).stderr
    assert "written by a newer Antihjälte" in err and "update the app" in err


def test_locked_database(ah: Run, home: Path) -> None:
    ah("plan", "add", "fri")
    holder = sqlite3.connect(db_file(home), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        for args in (("plan", "add", "2026-12-11"), ("handover", "fri", "--check", "phone")):
            err = ah(*args, code=1, ANTIHJALTE_BUSY_TIMEOUT_MS="150").stderr
            assert "is locked by another Antihjälte process" in err and "try again" in err
        # Reading still works next to a writer (WAL).
        assert "2026-12-04" in ah("plan", "list", ANTIHJALTE_BUSY_TIMEOUT_MS="150").stdout
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [d["date"] for d in ah.json("plan", "list")] == ["2026-12-04"]
    assert ah.json("handover", "fri")["items"][1]["done"] is False


def limited(size: int) -> Callable[[], None]:
    def preexec() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return preexec


@pytest.mark.parametrize("limit", [0, 64 * 1024])
def test_full_disk(cli: Cli, ah: Run, home: Path, limit: int) -> None:
    """Simulated with RLIMIT_FSIZE: any write past ``limit`` bytes fails with EFBIG,
    as a full disk or a quota would."""
    ah("plan", "add", "fri", "--note", "läsa på")
    ah("config", "set", "me.name", "Kim")
    settings_before = (home / "config" / "settings.json").read_bytes()
    big = "x" * 100_000  # more than the limit once it is in the WAL
    for args in (
        ("plan", "add", "2026-12-11", "--note", big),
        ("config", "set", "autoreply.template_sv", big),
    ):
        proc = cli(*args, preexec_fn=limited(limit))
        assert proc.returncode == 1, (args, proc.returncode, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
        assert "disk" in proc.stderr, proc.stderr
    assert "disk is full" in proc.stderr  # the settings file says exactly why
    assert (home / "config" / "settings.json").read_bytes() == settings_before
    assert ah.json("plan", "list") == [
        {"date": "2026-12-04", "note": "läsa på", "cover": "", "status": "planned", "revision": 0}
    ]
    conn = sqlite3.connect(db_file(home))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    ah("plan", "add", "2026-12-11")  # with room again, it works


@pytest.mark.parametrize("limit", [0, 8192])
def test_full_disk_during_migration(cli: Cli, ah: Run, home: Path, limit: int) -> None:
    """The copy before a migration fails on a full disk: the old database stays byte for
    byte as it was, and no half copy is left to pass for a backup."""
    db_file(home).parent.mkdir(parents=True, mode=0o700)
    make_v1(db_file(home))
    before = db_file(home).read_bytes()
    assert len(before) > limit
    proc = cli("plan", "list", preexec_fn=limited(limit))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "disk" in proc.stderr and "nothing was changed" in proc.stderr
    assert db_file(home).read_bytes() == before
    assert sorted(p.name for p in db_file(home).parent.iterdir()) == ["antihjalte.sqlite3"]
    # With room again the migration runs, keeps the data and leaves a good copy.
    assert ah.json("plan", "list")[0]["note"] == "läsa på"
    bak = db_file(home).with_name("antihjalte.sqlite3.v1.bak")
    conn = sqlite3.connect(f"file:{bak}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM focus_day").fetchone()[0] == 1
    conn.close()


def test_read_only_database_file(ah: Run, home: Path) -> None:
    """Real: an immutable file (chattr +i) refuses writes even to root, like a file on
    a read-only disk. (Running as root, chmod would not stop anything.)"""
    require_tools("chattr")
    ah("plan", "add", "fri")
    path = db_file(home)
    ok = subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
    require(ok, "chattr +i needs root and a file system that supports it")
    try:
        before = path.read_bytes()
        err = ah("plan", "add", "2026-12-11", code=1).stderr
        assert "read-only" in err and "nothing was changed" in err
        assert "2026-12-04" in ah("plan", "list").stdout  # still readable
        assert path.read_bytes() == before
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    assert [d["date"] for d in ah.json("plan", "list")] == ["2026-12-04"]


def test_unwritable_home(cli: Cli, tmp_path: Path) -> None:
    """A home whose path runs through a file cannot be created: a clear line."""
    blocker = tmp_path / "afile"
    blocker.write_text("")
    proc = Cli(blocker / "profile")("plan", "list")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "cannot create" in proc.stderr


def test_a_bug_is_logged_not_shown(cli: Cli, home: Path) -> None:
    code = (
        "import antihjalte_desktop.cli as c\n"
        "def boom(args):\n    raise ZeroDivisionError('x')\n"
        "c.COMMANDS['status'] = boom\n"
        "raise SystemExit(c.main(['status']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=cli.env(), timeout=60
    )
    assert proc.returncode == 70
    assert "Traceback" not in proc.stderr
    assert "internal error (ZeroDivisionError)" in proc.stderr
    log = home / "logs" / "antihjalte.log"
    assert str(log) in proc.stderr
    assert "Traceback" in log.read_text() and "ZeroDivisionError" in log.read_text()


def test_usage_errors_exit_2(ah: Run) -> None:
    ah("plan", code=2)
    ah("plan", "frobnicate", code=2)
    ah("--no-such-option", code=2)
    ah("autoreply", "fri", "--lang", "fi", code=2)
