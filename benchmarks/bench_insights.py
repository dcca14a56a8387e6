"""Insights on five years of history: the window's compute + draw, ``insights --json``
against the CLI floor (``plan list --json``), and ``insights --out FILE.png`` wall time.

The profile is made through the stores with the clock set back for each act: 60 focus
days over 2022-2026 (some moved, some removed, two tasks passed on each), 1,000 journal
entries (one in three linked to a kept day), and a team-feed index of 20,000 events
(15 colleagues' focus days, absences and hero weeks over the five years), written into
the feed's occurrence index as a sync would leave it. "Now" is 1 December 2026.

Goals (issue 16): compute + draw in the window <= 300 ms; ``insights --json`` <= the
floor + 100 ms; ``insights --out FILE.png`` <= 2 s once font caches are warm.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

RUNS = int(os.environ.get("ANTIHJALTE_BENCH_RUNS", "9"))
EVENTS = 20000
JOURNAL = 1000
NOW = "2026-12-01T09:00:00+01:00"
STHLM = ZoneInfo("Europe/Stockholm")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_cli import entry_script  # noqa: E402 - after the sys.path line above


def build_profile(home: Path) -> dict[str, int]:
    from antihjalte_desktop.core.clock import FixedClock
    from antihjalte_desktop.core.journal import Entry
    from antihjalte_desktop.feed.state import FeedState, state_path
    from antihjalte_desktop.store.journal_store import JournalStore
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.plan_store import PlanStore

    paths = Paths.resolve(home).ensure()
    clock = FixedClock(datetime(2022, 1, 3, 9, tzinfo=STHLM))
    store = PlanStore(paths.db_file, clock)
    kept: list[date] = []
    for year in range(2022, 2027):
        for month in range(1, 13):
            day = date(year, month, 10)
            while day.weekday() != 2:  # a Wednesday around the 10th
                day += timedelta(days=1)
            clock.set(datetime.combine(day - timedelta(days=14), datetime.min.time(), STHLM))
            store.add_day(day, "anteckning", "Anna Berg", [("autoreply", ""), ("phone", "")])
            t1 = store.add_task(day, "uppgift", "Olle Ek")
            store.add_task(day, "uppgift", "Anna Berg")
            if month % 4 == 0:
                target = day + timedelta(days=1)
                store.move_day(day, target)
                day = target
            if month == 6:
                store.remove_day(day)
                continue
            clock.set(datetime.combine(day + timedelta(days=1), datetime.min.time(), STHLM))
            store.update_task(t1, taken_back=True)
            kept.append(day)
    days = store.conn.execute("SELECT count(*) FROM focus_day").fetchone()[0]
    store.close()

    with JournalStore(paths.journal_file) as journal:
        start = date(2022, 1, 3)
        for i in range(JOURNAL):
            focus = kept[i % len(kept)] if i % 3 == 0 else None
            day = focus or start + timedelta(days=i * 1826 // JOURNAL)
            journal.add(Entry(day, f"Anteckning {i}", "Lite text om dagen. " * 20, ("reflektion",), focus))

    people = [f"Kollega {i:02d}" for i in range(15)]
    st = FeedState(state_path(paths.data))
    rows = []
    day = date(2022, 1, 3)
    i = 0
    while len(rows) < EVENTS:
        if day.weekday() < 5:
            for n, person in enumerate(people):
                if (i + n) % 7 == 0:
                    kind = "focus" if (i + n) % 3 else "away"
                    rows.append((day.isoformat(), person, kind, f"uid-{len(rows)}"))
            if day.weekday() == 0:
                rows.append((day.isoformat(), people[i % 15], "hero", f"uid-{len(rows)}"))
            i += 1
        day += timedelta(days=1)
    with st.tx() as c:
        c.executemany("INSERT INTO occ(day, person, kind, key) VALUES (?, ?, ?, ?)", rows[:EVENTS])
    st.close()
    return {"days": int(days), "events": EVENTS, "journal": JOURNAL}


def _timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def _window_ms(home: Path) -> tuple[float, float]:
    """(first open: construct + compute + draw, median of compute + draw) in the window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ANTIHJALTE_NOW"] = NOW
    from PySide6.QtWidgets import QApplication

    from antihjalte_desktop.services.insights import InsightsService
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.profile import Profile
    from antihjalte_desktop.ui.i18n import qlocale
    from antihjalte_desktop.ui.insights_window import InsightsWindow

    app = QApplication.instance() or QApplication([])
    prof = Profile(Paths.resolve(home))
    service = InsightsService(prof)
    t0 = time.perf_counter()
    win = InsightsWindow(service.insights, 2026, "sv", qlocale("sv"))
    win.show()
    app.processEvents()
    win.grab()
    first = (time.perf_counter() - t0) * 1000
    times = []
    for i in range(RUNS):
        t0 = time.perf_counter()
        win.show_year(2026 - (i % 2))
        app.processEvents()
        win.grab()
        times.append((time.perf_counter() - t0) * 1000)
    win.close()
    prof.close()
    return first, statistics.median(times)


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="antihjalte-bench-insights-") as tmp:
        home = Path(tmp) / "profile"
        t0 = time.perf_counter()
        sizes = build_profile(home)
        build_s = time.perf_counter() - t0
        env = dict(os.environ, ANTIHJALTE_HOME=str(home), ANTIHJALTE_NOW=NOW, TZ="Europe/Stockholm")
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        os.environ["ANTIHJALTE_HOME"] = str(home)
        script = entry_script()
        cmds = {
            "floor": [script, "plan", "list", "--json"],
            "json": [script, "insights", "--json"],
            "unit": [script, "insights", "--json", "--unit"],
        }
        for cmd in cmds.values():  # warm the page cache, .pyc files and the holiday cache
            _timed(cmd, env)
        times: dict[str, list[float]] = {k: [] for k in cmds}
        for _ in range(RUNS):
            for key, cmd in cmds.items():
                times[key].append(_timed(cmd, env))
        png = Path(tmp) / "report.png"
        out_cmd = [script, "insights", "--out", str(png)]
        _timed(out_cmd, env)  # warm the font caches
        png_times = [_timed(out_cmd, env) for _ in range(max(3, RUNS // 3))]
        first, window = _window_ms(home)
        os.environ.pop("ANTIHJALTE_HOME", None)
    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    extra = med["json"] - med["floor"]
    png_s = statistics.median(png_times)
    return [
        {"name": f"profile build ({sizes['days']} days, {sizes['journal']} entries, "
                 f"{sizes['events']} feed events)", "value": build_s, "unit": "s"},
        {"name": "window: compute + draw a year (median)", "value": window, "unit": "ms",
         "goal": "<= 300 ms", "ok": window <= 300},
        {"name": "window: first open (build + compute + draw)", "value": first, "unit": "ms"},
        {"name": "antihjalte plan list --json (floor, median)", "value": med["floor"], "unit": "ms"},
        {"name": "antihjalte insights --json (median)", "value": med["json"], "unit": "ms"},
        {"name": "insights --json over the floor", "value": extra, "unit": "ms", "goal": "<= 100 ms",
         "ok": extra <= 100},
        {"name": "insights --json --unit over the floor", "value": med["unit"] - med["floor"], "unit": "ms"},
        {"name": "antihjalte insights --out FILE.png (median wall)", "value": png_s, "unit": "s",
         "goal": "<= 2 s", "ok": png_s <= 2.0},
        {"name": "runs per command", "value": RUNS, "unit": ""},
    ]  # fmt: skip
