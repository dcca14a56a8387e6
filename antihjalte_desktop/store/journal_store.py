"""The journal in its own SQLite file (``Paths.journal_file``, 0600, WAL), with an FTS5
index kept in step by triggers.

The index is an external-content FTS5 table over ``entry`` (title, body, tags), with
``unicode61 remove_diacritics 0``: case folds (Å = å) but å, ä and ö stay letters of
their own. Journal text never goes to the log; only counts and ids do.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from antihjalte_desktop.core.i18n import _
from antihjalte_desktop.core.journal import (
    Entry,
    Filter,
    SearchHit,
    from_json_document,
    from_markdown,
    fts_query,
    markdown_filename,
    normalize_tags,
    to_json_document,
    to_markdown,
)
from antihjalte_desktop.core.text import has_surrogate, loads_json
from antihjalte_desktop.errors import KnownError
from antihjalte_desktop.store import db
from antihjalte_desktop.store.atomic import write_atomic

# Each entry upgrades the schema from version i to i + 1. Never edit a released entry.
MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: entries, their tags, and the full-text index
    """
    CREATE TABLE entry (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        focus_day TEXT,
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX entry_day ON entry(day, id);
    CREATE INDEX entry_focus_day ON entry(focus_day, day);
    CREATE TABLE entry_tag (
        entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        PRIMARY KEY (key, entry_id)
    ) WITHOUT ROWID;
    CREATE INDEX entry_tag_entry ON entry_tag(entry_id);
    CREATE VIRTUAL TABLE entry_fts USING fts5(
        title, body, tags,
        content='entry', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0"
    );
    INSERT INTO entry_fts(entry_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 2.0)');
    CREATE TRIGGER entry_ai AFTER INSERT ON entry BEGIN
        INSERT INTO entry_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
    END;
    CREATE TRIGGER entry_ad AFTER DELETE ON entry BEGIN
        INSERT INTO entry_fts(entry_fts, rowid, title, body, tags)
            VALUES ('delete', old.id, old.title, old.body, old.tags);
    END;
    CREATE TRIGGER entry_au AFTER UPDATE OF title, body, tags ON entry BEGIN
        INSERT INTO entry_fts(entry_fts, rowid, title, body, tags)
            VALUES ('delete', old.id, old.title, old.body, old.tags);
        INSERT INTO entry_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
    END;
    """,
)

# Private-use markers around matches in snippets; callers swap them for their own.
MARK_START = "\ue000"
MARK_END = "\ue001"
TAG_SEP = "\n"
OPTIMIZE_AFTER = 100  # imported entries
_COLUMNS = "e.id, e.day, e.focus_day, e.title, e.body, e.tags, e.created, e.updated"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _content_key(title: str, body: str) -> bytes:
    """What makes an imported entry a duplicate of one on the same date: its title and body."""
    raw_title = title.encode("utf-8", "surrogatepass")
    h = hashlib.blake2b(len(raw_title).to_bytes(8, "big"), digest_size=16)
    h.update(raw_title)
    h.update(body.encode("utf-8", "surrogatepass"))
    return h.digest()


def _entry(row: tuple[Any, ...]) -> Entry:
    return Entry(
        id=int(row[0]),
        day=date.fromisoformat(row[1]),
        focus_day=date.fromisoformat(row[2]) if row[2] else None,
        title=row[3],
        body=row[4],
        tags=tuple(t for t in row[5].split(TAG_SEP) if t),
        created=row[6],
        updated=row[7],
    )


class EntryGoneError(KnownError):
    """The entry to save was deleted meanwhile (in another window, or by the command line)."""

    def __init__(self, entry_id: int) -> None:
        super().__init__(_("journal entry {id} no longer exists").format(id=entry_id))
        self.entry_id = entry_id


class JournalStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.conn = db.connect(path, migrations=MIGRATIONS)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> JournalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _tx(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return db.transaction(self.conn, self.path)

    def data_version(self) -> int:
        """Changes when another connection wrote the journal (see ``db.data_version``)."""
        with self._read():
            return db.data_version(self.conn)

    def _read(self) -> contextlib.AbstractContextManager[None]:
        return db.errors_translated(self.path)

    # -- writing ------------------------------------------------------------------------
    def add(self, entry: Entry, *, keep_times: bool = False) -> Entry:
        """Store a new entry (title derived from the body when empty); returns it with its id."""
        entry = entry.with_derived_title()
        now = _now()
        created = entry.created if keep_times and entry.created else now
        updated = entry.updated if keep_times and entry.updated else created
        with self._tx() as c:
            new_id = self._insert(c, entry, created, updated)
        return Entry(
            id=new_id, day=entry.day, focus_day=entry.focus_day, title=entry.title, body=entry.body,
            tags=entry.tags, created=created, updated=updated,
        )  # fmt: skip

    def _insert(self, c: sqlite3.Connection, e: Entry, created: str, updated: str) -> int:
        cur = c.execute(
            "INSERT INTO entry(day, focus_day, title, body, tags, created, updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                e.day.isoformat(), e.focus_day.isoformat() if e.focus_day else None,
                e.title, e.body, TAG_SEP.join(e.tags), created, updated,
            ),
        )  # fmt: skip
        new_id = cur.lastrowid
        assert new_id is not None
        c.executemany(
            "INSERT OR IGNORE INTO entry_tag(key, entry_id) VALUES (?, ?)",
            [(t.casefold(), new_id) for t in e.tags],
        )  # a new id has no tags to clear first
        return new_id

    @staticmethod
    def _set_tags(c: sqlite3.Connection, entry_id: int, tags: Iterable[str]) -> None:
        c.execute("DELETE FROM entry_tag WHERE entry_id = ?", (entry_id,))
        c.executemany(
            "INSERT OR IGNORE INTO entry_tag(key, entry_id) VALUES (?, ?)",
            [(t.casefold(), entry_id) for t in tags],
        )

    def update(self, entry: Entry) -> Entry:
        """Save a changed entry; raises KnownError when it is gone (deleted elsewhere)."""
        entry_id = entry.id
        if entry_id is None:
            raise ValueError("update() needs a stored entry")  # untranslated: a programmer's error
        entry = entry.with_derived_title()
        now = _now()
        with self._tx() as c:
            cur = c.execute(
                "UPDATE entry SET day = ?, focus_day = ?, title = ?, body = ?, tags = ?, updated = ?"
                " WHERE id = ?",
                (
                    entry.day.isoformat(), entry.focus_day.isoformat() if entry.focus_day else None,
                    entry.title, entry.body, TAG_SEP.join(entry.tags), now, entry.id,
                ),
            )  # fmt: skip
            if cur.rowcount == 0:
                raise EntryGoneError(entry_id)
            self._set_tags(c, entry_id, entry.tags)
        return Entry(
            id=entry.id, day=entry.day, focus_day=entry.focus_day, title=entry.title, body=entry.body,
            tags=entry.tags, created=entry.created, updated=now,
        )  # fmt: skip

    def delete(self, entry_id: int) -> bool:
        with self._tx() as c:
            return c.execute("DELETE FROM entry WHERE id = ?", (entry_id,)).rowcount > 0

    def import_entries(self, entries: Iterable[Entry]) -> tuple[int, int]:
        """Add entries keeping their times, in one transaction; an entry already here
        (same date, title and body) is skipped. Returns (added, skipped)."""
        added = skipped = 0
        # The duplicate check is a set per date, filled once from the journal and then by the
        # import itself. (A query per entry scanned every entry of its date: 20,000 entries on one
        # date took minutes.) Hashes, not texts, so a big import holds each body only once.
        known: dict[str, set[bytes]] = {}
        with self._tx() as c:
            for e in entries:
                e = e.with_derived_title()
                day = e.day.isoformat()
                seen = known.get(day)
                if seen is None:
                    rows = c.execute("SELECT title, body FROM entry WHERE day = ?", (day,))
                    seen = known[day] = {_content_key(title, body) for title, body in rows}
                key = _content_key(e.title, e.body)
                if key in seen:
                    skipped += 1
                    continue
                seen.add(key)
                created = e.created or _now()
                self._insert(c, e, created, e.updated or created)
                added += 1
        if added >= OPTIMIZE_AFTER:
            self.optimize()
        return added, skipped

    def optimize(self) -> None:
        """Merge the full-text index into one b-tree. After a big import this about
        halves the time of a prefix search; FTS5's automerge looks after small edits."""
        with self._tx() as c:
            c.execute("INSERT INTO entry_fts(entry_fts) VALUES ('optimize')")

    # -- reading -----------------------------------------------------------------------
    def get(self, entry_id: int) -> Entry | None:
        with self._read():
            row = self.conn.execute(f"SELECT {_COLUMNS} FROM entry e WHERE e.id = ?", (entry_id,)).fetchone()
        return _entry(row) if row else None

    def all_entries(self) -> Iterator[Entry]:
        """Every entry, oldest first (for export)."""
        with self._read():
            rows = self.conn.execute(f"SELECT {_COLUMNS} FROM entry e ORDER BY e.day, e.id").fetchall()
        for row in rows:
            yield _entry(row)

    @staticmethod
    def _where(f: Filter) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if f.tag:
            tags = normalize_tags([f.tag])
            where.append("e.id IN (SELECT entry_id FROM entry_tag WHERE key = ?)")  # untranslated: SQL
            args.append(tags[0].casefold() if tags else "")
        if f.start:
            where.append("e.day >= ?")
            args.append(f.start.isoformat())
        if f.end:
            where.append("e.day <= ?")
            args.append(f.end.isoformat())
        if f.focus_day:
            where.append("e.focus_day = ?")
            args.append(f.focus_day.isoformat())
        elif f.focus_only:
            where.append("e.focus_day IS NOT NULL")  # untranslated: SQL
        return where, args

    def count(self, f: Filter = Filter()) -> int:  # noqa: B008 - Filter is frozen
        """How many entries ``f`` shows."""
        where, args = self._where(f)
        match = fts_query(f.text)
        if match:
            sql = "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?"
            if where:
                sql += " AND +entry_fts.rowid IN (SELECT e.id FROM entry e WHERE " + " AND ".join(where) + ")"
            args.insert(0, match)
        else:
            sql = "SELECT count(*) FROM entry e" + (" WHERE " + " AND ".join(where) if where else "")
        with self._read():
            return int(self.conn.execute(sql, args).fetchone()[0])

    def query(
        self,
        f: Filter = Filter(),  # noqa: B008 - Filter is frozen
        *,
        limit: int = 200,
        offset: int = 0,
        marks: tuple[str, str] = (MARK_START, MARK_END),
        snippet_tokens: int = 16,
    ) -> list[SearchHit]:
        """Entries ``f`` shows: newest first, or with search text ranked by bm25 (title
        weighs most) with a snippet whose matches sit between ``marks``."""
        where, args = self._where(f)
        match = fts_query(f.text)
        if match is None:
            sql = f"SELECT {_COLUMNS}, '', 0.0 FROM entry e"
            if where:
                sql += " WHERE " + " AND ".join(where)
            sql += " ORDER BY e.day DESC, e.id DESC LIMIT ? OFFSET ?"
            args += [limit, offset]
        else:
            # FTS5 orders by rank itself and stops at the LIMIT, so snippet() runs only for the
            # rows shown; filters are a '+rowid IN' (not handed to FTS5, which would run the
            # whole MATCH again for every rowid) and the join to ``entry`` comes last.
            filt = ""
            if where:
                filt = " AND +entry_fts.rowid IN (SELECT e.id FROM entry e WHERE " + " AND ".join(where) + ")"
            sql = (
                f"SELECT {_COLUMNS}, r.snip, r.rank FROM ("
                "SELECT entry_fts.rowid AS id, entry_fts.rank AS rank,"
                " snippet(entry_fts, -1, ?, ?, '…', ?) AS snip"
                f" FROM entry_fts WHERE entry_fts MATCH ?{filt} ORDER BY entry_fts.rank LIMIT ? OFFSET ?"
                ") r JOIN entry e ON e.id = r.id ORDER BY r.rank, e.id DESC"
            )
            args = [marks[0], marks[1], max(1, min(64, snippet_tokens)), match, *args, limit, offset]
        with self._read():
            rows = self.conn.execute(sql, args).fetchall()
        return [SearchHit(_entry(r), r[8] or "", float(r[9])) for r in rows]

    def search(self, text: str, **kw: Any) -> list[SearchHit]:
        return self.query(Filter(text=text), **kw)

    def tags(self) -> list[tuple[str, int]]:
        """Every tag with how many entries carry it, most used first (for completion)."""
        with self._read():
            rows = self.conn.execute("SELECT tags FROM entry WHERE tags != ''").fetchall()
        counts: dict[str, tuple[str, int]] = {}
        for (joined,) in rows:
            for t in joined.split(TAG_SEP):
                if t:
                    name, n = counts.get(t.casefold(), (t, 0))
                    counts[t.casefold()] = (name, n + 1)
        return sorted(counts.values(), key=lambda kv: (-kv[1], kv[0].casefold()))

    def focus_days(self) -> list[date]:
        with self._read():
            rows = self.conn.execute(
                "SELECT DISTINCT focus_day FROM entry WHERE focus_day IS NOT NULL ORDER BY focus_day DESC"
            ).fetchall()
        return [date.fromisoformat(r[0]) for r in rows]

    def linked_counts(self, start: date, end: date) -> dict[date, int]:
        """How many entries are linked to each focus day in ``[start, end]`` (counts only)."""
        with self._read():
            rows = self.conn.execute(
                "SELECT focus_day, COUNT(*) FROM entry WHERE focus_day >= ? AND focus_day <= ? "
                "GROUP BY focus_day",
                (start.isoformat(), end.isoformat()),
            ).fetchall()
        return {date.fromisoformat(d): int(n) for d, n in rows}

    def integrity_check(self) -> list[str]:
        """'ok' from SQLite, then the FTS index's own check."""
        with self._read():
            out = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
            try:
                self.conn.execute("INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as err:
                out.append(f"fts: {err}")
        return out


# -- export and import -----------------------------------------------------------------------
def _write_private(path: Path, text: str) -> None:
    from antihjalte_desktop.store import safeio

    try:
        write_atomic(path, text.encode("utf-8"), 0o600)
    except OSError as err:
        raise KnownError(
            _("cannot write {path}: {reason}").format(path=path, reason=safeio.os_reason(err))
        ) from None


def export_entries(store: JournalStore, fmt: str, out: Path) -> tuple[Path, int]:
    """Write every entry to ``out``: one Markdown file each (``fmt`` "md") or
    ``out/journal.json`` ("json"). Files are private (0600). Returns (where, how many)."""
    from antihjalte_desktop.store import safeio

    try:
        out.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as err:
        raise KnownError(
            _("cannot create {path}: {reason}").format(path=out, reason=safeio.os_reason(err))
        ) from None
    entries = list(store.all_entries())
    if fmt == "json":
        dest = out / "journal.json"
        _write_private(dest, json.dumps(to_json_document(entries), ensure_ascii=False, indent=2) + "\n")
        return dest, len(entries)
    if fmt != "md":
        raise ValueError(f"unknown export format {fmt!r}")  # untranslated: argparse allows md and json only
    for e in entries:
        _write_private(out / markdown_filename(e), to_markdown(e))
    return out, len(entries)


MAX_IMPORT_BYTES = 128 * 1024 * 1024
"""A larger import file is refused (a journal.json of 20,000 long entries is about 40 MB)."""


def _read_import_text(path: Path) -> str:
    """One file to import, read only when it is a regular file (a symbolic link the user names is
    followed) and at most MAX_IMPORT_BYTES: ``/dev/zero`` or a FIFO is refused at once."""
    from antihjalte_desktop.store import safeio

    try:
        data, _st = safeio.read_regular(path, MAX_IMPORT_BYTES, follow_symlinks=True)
    except FileNotFoundError:
        raise KnownError(_("no such file: {path}").format(path=path)) from None
    except safeio.NotRegularFileError as err:
        raise KnownError(
            _("cannot import {path}: it is {kind}, not a file").format(
                path=path, kind=safeio.describe_kind(err)
            )
        ) from None
    except safeio.FileTooLargeError as err:
        limit = safeio.size_text(err.limit)
        if safeio.just_over(err.size, err.limit):
            text = _("cannot import {path}: it is just over the {limit} an import may be")
        else:
            text = _("cannot import {path}: it is {size}, more than the {limit} an import may be")
        raise KnownError(text.format(path=path, size=safeio.size_text(err.size), limit=limit)) from None
    except OSError as err:
        raise KnownError(
            _("cannot read {path}: {reason}").format(path=path, reason=safeio.os_reason(err))
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise KnownError(_("cannot import {path}: not UTF-8 text").format(path=path)) from None


def read_import(path: Path) -> list[Entry]:
    """Entries from a JSON export (ours or jrnl's), a Markdown file or a folder of them;
    KnownError with a calm reason when the file is missing or not one of these."""
    from antihjalte_desktop.store import safeio

    try:
        is_dir = path.is_dir()
        files = (
            sorted(p for p in path.iterdir() if p.suffix.lower() in (".md", ".markdown")) if is_dir else []
        )
    except OSError as err:
        raise KnownError(
            _("cannot read {path}: {reason}").format(path=path, reason=safeio.os_reason(err))
        ) from None
    if is_dir:
        if not files:
            raise KnownError(_("no Markdown files (*.md) in {path}").format(path=path))
        out = []
        for p in files:
            try:
                out.append(from_markdown(_read_import_text(p)))
            except ValueError as err:
                raise KnownError(_("cannot import {path}: {reason}").format(path=p, reason=err)) from None
        return out
    text = _read_import_text(path)
    try:
        if path.suffix.lower() in (".md", ".markdown") or text.startswith("---"):
            return _valid_text([from_markdown(text)])
        try:
            data = loads_json(text)
        except json.JSONDecodeError as err:
            raise ValueError(
                _("not valid JSON (line {line}, column {column})").format(line=err.lineno, column=err.colno)
            ) from None
        except ValueError as err:
            raise ValueError(_("not valid JSON ({reason})").format(reason=err)) from None
        return _valid_text(from_json_document(data))
    except ValueError as err:
        raise KnownError(_("cannot import {path}: {reason}").format(path=path, reason=err)) from None


def _valid_text(entries: list[Entry]) -> list[Entry]:
    """A JSON escape such as ``\\ud800`` gives a lone surrogate, which no file or database can
    hold: refuse the import (ValueError) instead of failing half-way through it."""
    for n, e in enumerate(entries, 1):
        if any(has_surrogate(t) for t in (e.title, e.body, e.created, e.updated, *e.tags)):
            raise ValueError(
                _("entry {n} holds text that is not valid Unicode (a lone surrogate escape)").format(n=n)
            )
    return entries
