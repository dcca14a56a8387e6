"""`antihjalte plan list --json` on a big profile, against `python -c "import sqlite3"`.

The profile has 1,000 planned days and 10,000 handover items (10 per day), made
through PlanStore in a few seconds. Each command runs ``RUNS`` times, interleaved
so that load from elsewhere on the machine hits all of them alike; the figure is
the median wall time. The ratio uses the ``antihjalte`` entry-point script of the
same environment, which is what users run; ``python -m antihjalte_desktop`` is
shown beside it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

DAYS = 1000
ITEMS_PER_DAY = 10
RUNS = int(os.environ.get("ANTIHJALTE_BENCH_RUNS", "15"))
GOAL = 3.0
NOW = "2026-11-30T09:00:00+01:00"


def build_profile(home: Path) -> None:
    from antihjalte_desktop.store.paths import Paths
    from antihjalte_desktop.store.plan_store import PlanStore

    paths = Paths.resolve(home).ensure()
    store = PlanStore(paths.db_file)
    day = date(2023, 1, 2)
    added = 0
    items = [("autoreply", ""), ("phone", ""), ("tasks", ""), ("calendar", "")]
    items += [(f"egen-{i}", f"Egen punkt {i}") for i in range(ITEMS_PER_DAY - len(items))]
    while added < DAYS:
        if day.weekday() < 5:
            store.add_day(day, f"Antihjältedag {added}", "Anna Berg" if added % 2 else "", items)
            added += 1
        day += timedelta(days=1)
    n_items = store.conn.execute("SELECT count(*) FROM handover_item").fetchone()[0]
    n_days = store.conn.execute("SELECT count(*) FROM focus_day").fetchone()[0]
    store.close()
    assert (n_days, n_items) == (DAYS, DAYS * ITEMS_PER_DAY), (n_days, n_items)


def entry_script() -> str:
    script = Path(sys.executable).with_name("antihjalte")
    if script.exists():
        return str(script)
    found = shutil.which("antihjalte")
    if not found:
        raise SystemExit("no `antihjalte` script in this environment; run `pip install -e .` first")
    return found


def timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="antihjalte-bench-") as tmp:
        home = Path(tmp) / "profile"
        t0 = time.perf_counter()
        build_profile(home)
        build_s = time.perf_counter() - t0
        env = dict(os.environ, ANTIHJALTE_HOME=str(home), ANTIHJALTE_NOW=NOW, TZ="Europe/Stockholm")
        script = entry_script()
        # The Swedish run reads ui.language from the settings and loads the gettext catalog.
        env_sv = dict(env, LANG="sv_SE.UTF-8")
        cmds = {
            "baseline": ([sys.executable, "-c", "import sqlite3"], env),
            "script": ([script, "plan", "list", "--json"], env),
            "module": ([sys.executable, "-m", "antihjalte_desktop", "plan", "list", "--json"], env),
            "swedish": ([script, "plan", "list"], env_sv),
        }
        out = subprocess.run(cmds["script"][0], env=env, capture_output=True, text=True, check=True).stdout
        assert out.count('"date"') == DAYS, "plan list did not list every day"
        sv = cmds["swedish"][0]
        out = subprocess.run(sv, env=env_sv, capture_output=True, text=True, check=True).stdout
        assert "genomförd" in out, "plan list did not speak Swedish"
        for cmd, e in cmds.values():  # warm the page cache and the .pyc files
            timed(cmd, e)
        times: dict[str, list[float]] = {k: [] for k in cmds}
        for _ in range(RUNS):
            for key, (cmd, e) in cmds.items():
                times[key].append(timed(cmd, e))
    med = {k: statistics.median(v) * 1000 for k, v in times.items()}
    ratio = med["script"] / med["baseline"]
    return [
        {"name": f"profile build ({DAYS} days, {DAYS * ITEMS_PER_DAY} items)", "value": build_s, "unit": "s"},
        {"name": 'python -c "import sqlite3" (median)', "value": med["baseline"], "unit": "ms"},
        {"name": "antihjalte plan list --json (median)", "value": med["script"], "unit": "ms"},
        {"name": "python -m antihjalte_desktop plan list --json", "value": med["module"], "unit": "ms"},
        {"name": "ratio: antihjalte / import sqlite3", "value": ratio, "unit": "x", "goal": f"<= {GOAL:g}x",
         "ok": ratio <= GOAL},
        {"name": "ratio: python -m / import sqlite3", "value": med["module"] / med["baseline"], "unit": "x"},
        {"name": "antihjalte plan list, in Swedish (median)", "value": med["swedish"], "unit": "ms"},
        {"name": "ratio: Swedish plan list / import sqlite3", "value": med["swedish"] / med["baseline"],
         "unit": "x", "goal": f"<= {GOAL:g}x", "ok": med["swedish"] / med["baseline"] <= GOAL},
        {"name": "runs per command", "value": RUNS, "unit": ""},
    ]  # fmt: skip
