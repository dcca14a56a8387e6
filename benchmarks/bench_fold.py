"""Line folding of the feed writer on huge values (issue 15).

A name of 1 MB (and 50 MB with ``ANTIHJALTE_FULL=1``) of mixed ASCII and Swedish letters, folded
into 75-octet lines by ``feed.ics.fold``, against the baseline of encoding the same line to UTF-8
once (what any writer must do). Folding is linear when the ratio stays about the same as the
line grows; the old quadratic folding took 3.6 s for 1 MB and never finished 50 MB.

    python benchmarks/bench_fold.py
    python benchmarks/run.py fold
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from antihjalte_desktop.feed import ics  # noqa: E402 - after the sys.path line above

FULL = os.environ.get("ANTIHJALTE_FULL") == "1"


def _best(fn: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    sizes = [1_000_000, 50_000_000] if FULL else [1_000_000, 5_000_000]
    for size in sizes:
        line = "SUMMARY:" + ("Antihjälte Åsa Öberg " * (size // 21 + 1))[:size]
        repeat = 3 if size <= 5_000_000 else 1
        base = _best(lambda line=line: line.encode("utf-8"), repeat)
        t = _best(lambda line=line: ics.fold(line), repeat)
        label = f"{size // 1_000_000} MB"
        rows.append({"name": f"fold a {label} line", "value": t * 1000, "unit": "ms"})
        rows.append({"name": f"fold / encode, {label}", "value": t / base, "unit": "x", "goal": "about flat"})
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:<28} {row['value']:>10.1f} {row.get('unit', '')}")
