"""How many journal entries are linked to each focus day: counts only, read without
loading the journal's model (the insights command stays light)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from antihjalte_desktop.store import db


def linked_counts(path: Path, start: date, end: date) -> dict[date, int]:
    """Entries per linked focus day in ``[start, end]``; {} when there is no journal yet."""
    if not path.exists():
        return {}
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=3)
        try:
            rows = conn.execute(
                "SELECT focus_day, COUNT(*) FROM entry WHERE focus_day >= ? AND focus_day <= ? "
                "GROUP BY focus_day",
                (start.isoformat(), end.isoformat()),
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.OperationalError:
        # Not migrated yet (or locked): the journal's own store opens and migrates it.
        from antihjalte_desktop.store.journal_store import JournalStore

        with JournalStore(path) as store:
            return store.linked_counts(start, end)
    except sqlite3.Error as err:
        raise db.translate_error(err, path) from None
    return {date.fromisoformat(d): int(n) for d, n in rows}
