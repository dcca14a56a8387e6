"""Holiday dates of each (country, year), computed once with the ``holidays`` package
and kept as a small JSON file in the cache dir, so start-up never imports it."""

from __future__ import annotations

import contextlib
import json
import logging
from datetime import date
from pathlib import Path

from antihjalte_desktop.core.workdays import Holiday, WorkCalendar, compute_holidays
from antihjalte_desktop.store.atomic import write_atomic
from antihjalte_desktop.store.safeio import read_regular

log = logging.getLogger("antihjalte.holidays")

CACHE_FORMAT = 1


def cache_file(cache_dir: Path, country: str, year: int) -> Path:
    return cache_dir / "holidays" / f"{country.upper()}-{year}-v{CACHE_FORMAT}.json"


def load_year(cache_dir: Path, country: str, year: int) -> dict[date, Holiday]:
    path = cache_file(cache_dir, country, year)
    try:
        data = json.loads(read_regular(path, 1024 * 1024)[0].decode("utf-8"))
        return {date.fromisoformat(d): Holiday(date.fromisoformat(d), sv, en) for d, (sv, en) in data.items()}
    except (OSError, ValueError, TypeError, RecursionError) as err:
        if not isinstance(err, FileNotFoundError):
            log.warning("holiday cache %s unreadable (%s); computing again", path, err)
    result = compute_holidays(country, year)
    payload = {d.isoformat(): [h.name_sv, h.name_en] for d, h in sorted(result.items())}
    with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, json.dumps(payload, ensure_ascii=False).encode("utf-8"), mode=0o644)
    return result


def work_calendar(cache_dir: Path, country: str) -> WorkCalendar:
    return WorkCalendar(lambda year: load_year(cache_dir, country, year))
