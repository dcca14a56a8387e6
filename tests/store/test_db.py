"""The SQLite file: private modes, WAL, schema version, migrations, and the errors
of a damaged, locked, full or read-only database."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import subprocess
from datetime import date
from pathlib import Path

import pytest

from antihjalte_desktop.errors import StoreError
from antihjalte_desktop.store import db
from antihjalte_desktop.store.paths import Paths
from antihjalte_desktop.store.plan_store import PlanStore

from ..conftest import require, require_tools


def make_v1(path: Path) -> None:
    """A database exactly as schema 1 left it, with some data."""
    conn = sqlite3.connect(path)
    conn.executescript(db.MIGRATIONS[0])
    conn.execute(
        "INSERT INTO focus_day(day, note, cover, created, updated) VALUES "
        "('2026-12-04', 'läsa på', 'Anna', '2026-11-01T10:00:00+00:00', '2026-11-01T10:00:00+00:00')"
    )
    conn.execute(
        "INSERT INTO handover_item(day, pos, key, label, done) VALUES ('2026-12-04', 0, 'phone', '', 1)"
    )
    conn.execute(
        "INSERT INTO handover_task(day, text, recipient) VALUES ('2026-12-04', 'Svara Lisa', 'Erik')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_modes_wal_and_version(home: Path) -> None:
    paths = Paths.resolve(home).ensure()
    store = PlanStore(paths.db_file)
    store.add_day(date(2026, 12, 4), "", "", [("phone", "")])
    for d in (paths.data, paths.config, paths.cache, paths.logs):
        assert stat.S_IMODE(d.stat().st_mode) == 0o700, d
    assert stat.S_IMODE(paths.db_file.stat().st_mode) == 0o600
    wal = paths.db_file.with_name(paths.db_file.name + "-wal")
    assert wal.exists() and stat.S_IMODE(wal.stat().st_mode) == 0o600
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION == len(db.MIGRATIONS)
    store.close()
    # A second opener sees WAL too (it is a property of the file).
    conn = sqlite3.connect(paths.db_file)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_loose_modes_are_tightened(home: Path) -> None:
    paths = Paths.resolve(home)
    paths.data.mkdir(parents=True, mode=0o755)
    paths.data.chmod(0o755)
    paths.db_file.touch(mode=0o644)
    paths.db_file.chmod(0o644)
    PlanStore(paths.ensure().db_file).close()
    assert stat.S_IMODE(paths.data.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.db_file.stat().st_mode) == 0o600


def test_migration_from_v1_keeps_data_and_a_copy(tmp_path: Path) -> None:
    path = tmp_path / "antihjalte.sqlite3"
    make_v1(path)
    before = path.read_bytes()
    store = PlanStore(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
    fd = store.get_day(date(2026, 12, 4))
    assert fd is not None and (fd.note, fd.cover, fd.revision) == ("läsa på", "Anna", 0)
    assert [(i.key, i.done) for i in store.items(date(2026, 12, 4))] == [("phone", True)]
    tasks = store.tasks(date(2026, 12, 4))
    assert [(t.text, t.to, t.taken_back) for t in tasks] == [("Svara Lisa", "Erik", False)]
    # The new tables of schema 2 work.
    assert store.profile_id()
    assert store.reminder_states() == {}
    store.close()

    bak = db.backup_path(path, 1)
    assert bak.name == "antihjalte.sqlite3.v1.bak"
    assert stat.S_IMODE(bak.stat().st_mode) == 0o600
    conn = sqlite3.connect(f"file:{bak}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT day, note, cover FROM focus_day").fetchall() == [
            ("2026-12-04", "läsa på", "Anna")
        ]
        cols = [r[1] for r in conn.execute("PRAGMA table_info(focus_day)")]
        assert "revision" not in cols  # the copy is the old schema, untouched
    finally:
        conn.close()
    assert len(before) > 0


def test_fresh_database_needs_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    PlanStore(path).close()
    assert not list(tmp_path.glob("*.bak"))


def test_failed_migration_leaves_old_schema(tmp_path: Path) -> None:
    path = tmp_path / "antihjalte.sqlite3"
    make_v1(path)
    broken = (db.MIGRATIONS[0], "ALTER TABLE focus_day ADD COLUMN x INTEGER; THIS IS NOT SQL;")
    with pytest.raises(StoreError):
        db.connect(path, broken)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    cols = [r[1] for r in conn.execute("PRAGMA table_info(focus_day)")]
    assert "x" not in cols
    assert conn.execute("SELECT count(*) FROM focus_day").fetchone()[0] == 1
    conn.close()


def test_newer_database_refused(tmp_path: Path) -> None:
    path = tmp_path / "antihjalte.sqlite3"
    PlanStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as exc:
        PlanStore(path)
    assert "newer Antihjälte" in str(exc.value)
    assert f"schema {db.SCHEMA_VERSION + 5}" in str(exc.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", ["garbage", "header-then-garbage"])
def test_corrupt_database_left_alone(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "antihjalte.sqlite3"
    if kind == "garbage":
        data = os.urandom(8192)
    else:
        PlanStore(path).close()
        good = path.read_bytes()
        data = good[:100] + bytes(b ^ 0x5A for b in good[100:])
    path.write_bytes(data)
    with pytest.raises(StoreError) as exc:
        store = PlanStore(path)
        store.list_days()
    assert "damaged" in str(exc.value) and "left as it is" in str(exc.value)
    assert path.read_bytes() == data
    assert not list(tmp_path.glob("*.bak"))


def test_locked_database(tmp_path: Path) -> None:
    path = tmp_path / "antihjalte.sqlite3"
    store = PlanStore(path)
    store.add_day(date(2026, 12, 4), "", "", [])
    store.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        other = PlanStore.__new__(PlanStore)
        other.path = path
        other.conn = db.connect(path, busy_timeout_ms=100)
        assert [d.day for d in other.list_days()] == [date(2026, 12, 4)]  # WAL: reading still works
        with pytest.raises(StoreError) as exc:
            other.add_day(date(2026, 12, 11), "", "", [])
        assert "locked by another Antihjälte process" in str(exc.value)
        other.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    again = PlanStore(path)
    assert [d.day for d in again.list_days()] == [date(2026, 12, 4)]
    again.close()


def test_busy_timeout_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTIHJALTE_BUSY_TIMEOUT_MS", "250")
    assert db.busy_timeout_from_env() == 250
    monkeypatch.setenv("ANTIHJALTE_BUSY_TIMEOUT_MS", "soon")
    assert db.busy_timeout_from_env() == db.DEFAULT_BUSY_TIMEOUT_MS
    monkeypatch.delenv("ANTIHJALTE_BUSY_TIMEOUT_MS")
    assert db.busy_timeout_from_env() == 3000


def test_query_only_database_is_reported_read_only(tmp_path: Path) -> None:
    """Simulated: ``PRAGMA query_only`` makes SQLite refuse writes with SQLITE_READONLY,
    the same error a read-only file or mount gives."""
    path = tmp_path / "antihjalte.sqlite3"
    store = PlanStore(path)
    store.add_day(date(2026, 12, 4), "", "", [])
    store.conn.execute("PRAGMA query_only = 1")
    with pytest.raises(StoreError) as exc:
        store.add_day(date(2026, 12, 11), "", "", [])
    assert "read-only" in str(exc.value) and "nothing was changed" in str(exc.value)
    assert [d.day for d in store.list_days()] == [date(2026, 12, 4)]
    store.close()


def test_immutable_database_file(tmp_path: Path) -> None:
    """Real: an immutable file (chattr +i) cannot be written even by root."""
    require_tools("chattr")
    path = tmp_path / "antihjalte.sqlite3"
    store = PlanStore(path)
    store.add_day(date(2026, 12, 4), "", "", [])
    store.close()
    ok = subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
    require(ok, "chattr +i needs root and a file system that supports it")
    try:
        before = path.read_bytes()
        with pytest.raises(StoreError) as exc:
            PlanStore(path).add_day(date(2026, 12, 11), "", "", [])
        assert "read-only" in str(exc.value) or "cannot open" in str(exc.value)
        assert path.read_bytes() == before
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.mark.parametrize(
    ("err", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
        (OSError(errno.EFBIG, "File too large"), "disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), "read-only"),
        (OSError(errno.EACCES, "Permission denied"), "permission denied"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
        (sqlite3.OperationalError("database or disk is full"), "disk is full"),
        (sqlite3.OperationalError("database is locked"), "locked"),
        (sqlite3.DatabaseError("file is not a database"), "damaged"),
        (sqlite3.DatabaseError("database disk image is malformed"), "damaged"),
        (sqlite3.OperationalError("disk I/O error"), "disk error"),
        (sqlite3.OperationalError("unable to open database file"), "cannot open"),
    ],
)
def test_translate_error(err: BaseException, words: str) -> None:
    out = db.translate_error(err, Path("/x/antihjalte.sqlite3"))
    assert isinstance(out, StoreError)
    assert words in str(out) and "/x/antihjalte.sqlite3" in str(out)
    assert "\n" not in str(out)


def test_statements_keep_dashes_in_strings_and_comments() -> None:
    script = (
        "CREATE TABLE a (x TEXT NOT NULL DEFAULT '--', -- a comment; with a semicolon\n"
        "  y INTEGER);\n-- only a comment\nCREATE TABLE b (z); -- trailing\n"
    )
    stmts = db._statements(script)
    assert len(stmts) == 2
    conn = sqlite3.connect(":memory:")
    for stmt in stmts:
        conn.execute(stmt)
    conn.execute("INSERT INTO a(y) VALUES (1)")
    assert conn.execute("SELECT x, y FROM a").fetchall() == [("--", 1)]
    assert conn.execute("SELECT count(*) FROM b").fetchone()[0] == 0
    conn.close()


def test_real_migrations_split_into_whole_statements() -> None:
    for script in db.MIGRATIONS:
        for stmt in db._statements(script):
            assert sqlite3.complete_statement(stmt), stmt
