"""The feed's local state, in its own SQLite file (``<data>/feed.sqlite3``).

Why a separate SQLite file and not the plan database: the occurrence index is
rebuildable and can be large (a row per person per day), so it must be droppable
without touching the plan; writing it never holds the plan database's write lock
while the user plans; and its schema evolves with the feed code alone. SQLite
rather than JSON because the team view asks for a date range (an indexed query,
not a whole-file load) and because the index update for the few changed
components is one transaction, crash-safe.

Tables: ``meta`` (the last good sync's version token, the fingerprint of what
this profile published, the index context), ``grp`` (hash of each indexed
component group, by UID), ``occ`` (day, person, kind per group), ``rota`` (the
hero weeks this profile publishes), ``seq`` (the last SEQUENCE written per UID,
so a day removed and planned again gets a higher one), ``own`` (the fingerprints of
what this profile last wrote per UID, see ``feed.ownership``: more than one while a
write is under way, so a crash between the write and this record still recognises it).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import date, tzinfo
from pathlib import Path
from typing import Any

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.store import db

FILE_NAME = "feed.sqlite3"

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE grp (key TEXT PRIMARY KEY, hash BLOB NOT NULL);
    CREATE TABLE occ (day TEXT NOT NULL, person TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL);
    CREATE INDEX occ_day ON occ(day);
    CREATE INDEX occ_key ON occ(key);
    CREATE TABLE rota (monday TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL DEFAULT '');
    CREATE TABLE seq (uid TEXT PRIMARY KEY, seq INTEGER NOT NULL);
    """,
    # 2: fingerprints of this profile's own events (ownership that cannot be spoofed)
    """
    CREATE TABLE own (uid TEXT NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (uid, digest));
    """,
)


def zone_key(zone: tzinfo) -> str:
    """A stable name of a time zone (its IANA key where it has one)."""
    return str(getattr(zone, "key", None) or zone)


def state_path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def has_synced(data_dir: Path) -> bool:
    """Cheap: has this profile ever synced a feed (so there is a team to show and team rules apply)?"""
    return state_path(data_dir).exists()


INDEX_FILE_NAME = "feed-index.sqlite3"


def index_path(data_dir: Path) -> Path:
    """The team feed's occurrence index (``grp``, ``occ`` and its ``index_*`` meta): only what
    the next sync can rebuild from the feed, so deleting it is safe (that sync reads every
    event again). The rota, sequences and what this profile published stay in ``feed.sqlite3``."""
    return data_dir / INDEX_FILE_NAME


class FeedState:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = db.connect(path, MIGRATIONS, busy_timeout_ms=10000)

    def close(self) -> None:
        self.conn.close()

    def tx(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return db.transaction(self.conn, self.path)

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with db.errors_translated(self.path):
            yield self.conn

    # -- meta -------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        with self._read() as c:
            return {k: v for k, v in c.execute("SELECT key, value FROM meta")}

    def set_meta(self, values: dict[str, str], conn: sqlite3.Connection | None = None) -> None:
        rows = list(values.items())
        if conn is not None:
            conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", rows)
            return
        with self.tx() as c:
            c.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", rows)

    def warnings(self) -> list[str]:
        """The index's warnings, in this process's language (see :func:`warning_text`)."""
        raw = self.meta().get("index_warnings", "[]")
        try:
            out = json.loads(raw)
        except ValueError:
            return []
        return [warning_text(w) for w in out] if isinstance(out, list) else []

    # -- index ------------------------------------------------------------------
    def iter_group_hashes(self) -> Iterator[tuple[str, bytes]]:
        with self._read() as c:
            for k, h in c.execute("SELECT key, hash FROM grp"):
                yield k, bytes(h)

    def occurrences(self, start: date, end: date) -> list[tuple[str, str, str]]:
        with self._read() as c:
            return [
                (d, p, k)
                for d, p, k in c.execute(
                    "SELECT DISTINCT day, person, kind FROM occ WHERE day >= ? AND day <= ? "
                    "ORDER BY day, kind, person",
                    (start.isoformat(), end.isoformat()),
                )
            ]

    def wipe_index(self, conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM grp")
        conn.execute("DELETE FROM occ")

    # -- rota -------------------------------------------------------------------
    def rota(self) -> list[tuple[date, str, str]]:
        with self._read() as c:
            return [
                (date.fromisoformat(m), n, e)
                for m, n, e in c.execute("SELECT monday, name, email FROM rota ORDER BY monday")
            ]

    def set_rota(self, weeks: list[tuple[date, str, str]]) -> None:
        with self.tx() as c:
            c.executemany(
                "INSERT OR REPLACE INTO rota(monday, name, email) VALUES (?, ?, ?)",
                [(m.isoformat(), n, e) for m, n, e in weeks],
            )

    # -- sequences --------------------------------------------------------------
    def sequences(self) -> dict[str, int]:
        with self._read() as c:
            return {u: int(s) for u, s in c.execute("SELECT uid, seq FROM seq")}

    def save_sequences(self, seqs: dict[str, int], conn: sqlite3.Connection) -> None:
        conn.executemany(
            "INSERT INTO seq(uid, seq) VALUES (?, ?) "
            "ON CONFLICT(uid) DO UPDATE SET seq = MAX(seq, excluded.seq)",
            list(seqs.items()),
        )

    # -- fingerprints of own events -----------------------------------------------
    def fingerprints(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        with self._read() as c:
            for uid, dig in c.execute("SELECT uid, digest FROM own"):
                out.setdefault(uid, set()).add(dig)
        return {u: frozenset(d) for u, d in out.items()}

    def add_fingerprints(self, prints: dict[str, str]) -> None:
        """Before a write: accept what is about to be written, beside what was written before."""
        with self.tx() as c:
            c.executemany("INSERT OR IGNORE INTO own(uid, digest) VALUES (?, ?)", list(prints.items()))

    def set_fingerprints(self, prints: dict[str, frozenset[str]], conn: sqlite3.Connection) -> None:
        """After a sync: exactly these, and nothing for UIDs no longer in the feed."""
        conn.execute("DELETE FROM own")
        conn.executemany(
            "INSERT INTO own(uid, digest) VALUES (?, ?)",
            [(u, d) for u, ds in prints.items() for d in sorted(ds)],
        )


def stored_warning(msgid: str, **args: Any) -> dict[str, Any]:
    """A warning as the index stores it: its message (marked with ``N_``) and the values of its
    placeholders, so that a warning stored by a sync in one language is shown in the language of
    whoever reads it later (a sync that finds nothing changed replays the stored ones)."""
    return {"msg": msgid, "args": args}


def warning_text(stored: Any) -> str:
    """A stored warning in this process's language (a plain string: stored before warnings
    were kept as message and values, shown as it is)."""
    if isinstance(stored, dict) and isinstance(stored.get("msg"), str):
        args = stored.get("args")
        values = args if isinstance(args, dict) else {}
        try:
            return _(stored["msg"]).format(**values)
        except (KeyError, IndexError, ValueError, TypeError):
            return str(stored["msg"])
    return str(stored)


def read_json(path: Path) -> dict[str, Any]:
    """A small JSON object from the data folder ({} when missing, damaged, too large or not a
    regular file: a FIFO there must not hang ``status``)."""
    from antihjalte_desktop.store.safeio import read_regular

    try:
        data = json.loads(read_regular(path, 4 * 1024 * 1024)[0].decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}
