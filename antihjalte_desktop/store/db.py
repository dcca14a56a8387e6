"""The profile's SQLite database: WAL, ``PRAGMA user_version`` migrations, a copy
of the file before each migration, and calm messages for the world's failures."""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.errors import StoreError

if TYPE_CHECKING:
    import logging


def _log() -> logging.Logger:
    # logging costs ~3 ms to import; only a migration writes to it.
    import logging

    return logging.getLogger("antihjalte.store")


SQLITE_HEADER = b"SQLite format 3\x00"

# Each entry upgrades the schema from version i to i + 1. Never edit a released
# entry: add a new one.
MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: the plan and its handover checklist
    """
    CREATE TABLE focus_day (
        day TEXT PRIMARY KEY,            -- ISO date
        note TEXT NOT NULL DEFAULT '',
        cover TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE handover_item (
        day TEXT NOT NULL REFERENCES focus_day(day) ON DELETE CASCADE,
        pos INTEGER NOT NULL,
        key TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        done INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, key)
    );
    CREATE TABLE handover_task (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL REFERENCES focus_day(day) ON DELETE CASCADE,
        text TEXT NOT NULL,
        recipient TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX handover_task_day ON handover_task(day);
    """,
    # 1 -> 2: revisions for the feed's SEQUENCE, reminder state, an outbox of local
    # changes for the team feed, the profile's id, and "taken back" on tasks.
    """
    ALTER TABLE focus_day ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE handover_task ADD COLUMN taken_back INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE reminder_state (
        id TEXT PRIMARY KEY,             -- "<day>/<kind>"
        state TEXT NOT NULL,
        snoozed_until TEXT,
        shown_at TEXT,
        updated TEXT NOT NULL
    );
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        day TEXT NOT NULL,
        op TEXT NOT NULL,                -- 'put' or 'delete'
        at TEXT NOT NULL
    );
    """,
    # 2 -> 3: the days' history for insights. Kept is derived (the day passed while
    # planned), so it needs no row; what was planned before this history has "planned
    # on: unknown" (at IS NULL). Only dates, names and ids: never a note or a task's text.
    """
    CREATE TABLE day_event (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,               -- the focus day it happened to (ISO date)
        kind TEXT NOT NULL,              -- planned | moved | removed | task_passed |
                                         -- task_taken_back | task_back_undone | task_removed
        other TEXT NOT NULL DEFAULT '',  -- moved: the new date; task_*: whom the task went to
        task INTEGER,                    -- handover_task.id for task_*
        at TEXT                          -- local ISO date-time of the act; NULL: unknown
    );
    CREATE INDEX day_event_day ON day_event(day);
    INSERT INTO day_event(day, kind) SELECT day, 'planned' FROM focus_day ORDER BY day;
    INSERT INTO day_event(day, kind, other, task)
        SELECT day, 'task_passed', recipient, id FROM handover_task ORDER BY id;
    INSERT INTO day_event(day, kind, other, task)
        SELECT day, 'task_taken_back', recipient, id FROM handover_task WHERE taken_back = 1 ORDER BY id;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def translate_error(err: BaseException, path: Path) -> StoreError:
    """One calm line for what went wrong with the database at ``path``."""
    text = str(err).lower()
    code = getattr(err, "sqlite_errorname", "") or ""
    if isinstance(err, OSError):
        from antihjalte_desktop.store.safeio import os_reason

        if err.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            return StoreError(
                _("cannot write {path}: the disk is full (nothing was changed)").format(path=path)
            )
        if err.errno == errno.EROFS:
            return StoreError(
                _("cannot write {path}: the disk is read-only (nothing was changed)").format(path=path)
            )
        if err.errno in (errno.EACCES, errno.EPERM):
            return StoreError(_("cannot open {path}: permission denied").format(path=path))
        return StoreError(_("cannot use {path}: {reason}").format(path=path, reason=os_reason(err)))
    if "locked" in text or "busy" in text or code in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return StoreError(
            _("the database {path} is locked by another Antihjälte process; try again in a moment").format(
                path=path
            )
        )
    if "not a database" in text or "malformed" in text or code in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
        return StoreError(
            _(
                "the database {path} is damaged and was left as it is for you to recover "
                "(move it away to start afresh, or restore a backup)"
            ).format(path=path)
        )
    if "disk is full" in text or "database or disk is full" in text or code == "SQLITE_FULL":
        return StoreError(_("cannot write {path}: the disk is full (nothing was changed)").format(path=path))
    if "readonly" in text or "read-only" in text or code.startswith("SQLITE_READONLY"):
        return StoreError(
            _("cannot write {path}: the disk or file is read-only (nothing was changed)").format(path=path)
        )
    if "disk i/o" in text or code.startswith("SQLITE_IOERR"):
        return StoreError(
            _("cannot write {path}: a disk error (disk full or removed?); nothing was changed").format(
                path=path
            )
        )
    if "unable to open" in text or code == "SQLITE_CANTOPEN":
        return StoreError(_("cannot open the database {path}").format(path=path))
    return StoreError(_("database error in {path}: {reason}").format(path=path, reason=err))


@contextlib.contextmanager
def errors_translated(path: Path) -> Iterator[None]:
    try:
        yield
    except (sqlite3.Error, OSError) as err:
        raise translate_error(err, path) from None


def _check_header(path: Path) -> None:
    from antihjalte_desktop.store import safeio

    try:
        fd, _st = safeio.open_regular(path, follow_symlinks=True)  # a FIFO must not hang start-up
    except FileNotFoundError:
        return
    except safeio.NotRegularFileError as err:
        raise StoreError(
            _("the database {path} is {kind}, not a file; move it away (it was left as it is)").format(
                path=path, kind=safeio.describe_kind(err)
            )
        ) from None
    except OSError as err:
        raise StoreError(
            _("cannot open the database {path}: {reason}").format(path=path, reason=safeio.os_reason(err))
        ) from None
    try:
        head = os.read(fd, len(SQLITE_HEADER))
    except OSError as err:
        raise StoreError(
            _("cannot read the database {path}: {reason}").format(path=path, reason=safeio.os_reason(err))
        ) from None
    finally:
        os.close(fd)
    if head and head != SQLITE_HEADER:
        raise StoreError(
            _(
                "the database {path} is damaged (not an SQLite file) and was left as it is for you to "
                "recover (move it away to start afresh, or restore a backup)"
            ).format(path=path)
        )


def _create_private(path: Path) -> None:
    """Create the file 0600 before SQLite does (SQLite gives -wal/-shm the same mode)."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    elif os.name == "posix" and (path.stat().st_mode & 0o777) != 0o600:
        path.chmod(0o600)


DEFAULT_BUSY_TIMEOUT_MS = 3000


def busy_timeout_from_env() -> int:
    """How long to wait for another process's write lock: ``ANTIHJALTE_BUSY_TIMEOUT_MS``
    (tests make it short), else 3 s."""
    try:
        return max(0, int(os.environ.get("ANTIHJALTE_BUSY_TIMEOUT_MS", "")))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_MS


def connect(
    path: Path, migrations: tuple[str, ...] = MIGRATIONS, *, busy_timeout_ms: int | None = None
) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at ``path``."""
    if busy_timeout_ms is None:
        busy_timeout_ms = busy_timeout_from_env()
    with errors_translated(path):
        _check_header(path)
        _create_private(path)
        conn = sqlite3.connect(path, timeout=busy_timeout_ms / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version < len(migrations):
                migrate(conn, path, version, migrations)
            elif version > len(migrations):
                raise StoreError(
                    _(
                        "the database {path} was written by a newer Antihjälte (schema {version}, "
                        "this one knows {known}); update the app"
                    ).format(path=path, version=version, known=len(migrations))
                )
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
    return conn


def data_version(conn: sqlite3.Connection) -> int:
    """SQLite's ``PRAGMA data_version`` on ``conn``: it changes when *another* connection (the CLI,
    a sync process, another window's store) commits, never for this connection's own commits."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.v{version}.bak")


def _backup(conn: sqlite3.Connection, path: Path, dest: Path) -> None:
    """Copy the database to ``dest`` through a temp file, so that a copy that fails half
    way (a full disk) never takes the place of a good one or passes for one."""
    _log().info("backing up %s to %s before migrating", path, dest)
    tmp = dest.with_name(dest.name + ".tmp")
    try:
        _create_private(tmp)
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
        finally:
            target.close()
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def migrate(conn: sqlite3.Connection, path: Path, version: int, migrations: tuple[str, ...]) -> None:
    if version > 0:
        _backup(conn, path, backup_path(path, version))
    # Only after the copy: if it fails (a full disk), the file is left byte for byte as it was.
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    for target_version in range(version, len(migrations)):
        # executescript would COMMIT on its own; run statement by statement inside
        # one transaction so a failed migration leaves the old schema untouched.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for stmt in _statements(migrations[target_version]):
                conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {target_version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        _log().info("migrated %s to schema %d", path, target_version + 1)


def _statements(script: str) -> list[str]:
    """Split a migration script into statements. SQLite itself decides where one ends,
    so ``--`` inside a string literal stays text and comments are left for SQLite."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; errors roll back and become a StoreError."""
    with errors_translated(path):
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise
